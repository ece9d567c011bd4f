<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cli;

use SophMate\SafeMode\Services;

/** Repairs the plugin's storage: missing tables, an upgrade that did not complete. */
final class RepairCommand
{
    public function __construct(private readonly Services $services)
    {
    }

    /**
     * Creates missing tables and columns and brings the schema to the current version. Safe to run
     * again. A table that was dropped comes back empty: its history is gone (restore it from a
     * backup instead if you have one). Switch state that cannot be read is not touched: restore the
     * sophmate_safe_mode_switches option from a backup, or delete it to start with nothing paused.
     *
     * ## EXAMPLES
     *
     *     wp sophmate repair
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function __invoke(array $args, array $assoc_args): void
    {
        $before = $this->services->schema_health->problem();
        $after = $this->services->schema_health->repair();
        $this->services->switch_store->ensure_exists();
        if ($after !== null) {
            \WP_CLI::error('Storage still needs repair: ' . $after . '.');
            return;
        }
        $state = $this->services->switch_store->load_fresh();
        if ($state->is_corrupt()) {
            \WP_CLI::error('Tables are in place, but switch state is unreadable (' . $state->corruption . '): restore the sophmate_safe_mode_switches option from a backup, or delete it to start with nothing paused.');
            return;
        }
        \WP_CLI::success($before === null ? 'Storage was already healthy; nothing to repair.' : 'Repaired: ' . $before . '.');
    }
}
