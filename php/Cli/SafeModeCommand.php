<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cli;

use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\Acknowledgements;
use SophMate\SafeMode\Domain\Switches\SafeModeMode;
use SophMate\SafeMode\Domain\Switches\Source;

/** wp sophmate safe-mode */
final class SafeModeCommand extends CommandSupport
{
    /**
     * Turns global safe mode on (everything paused), read-only, or off.
     *
     * ## OPTIONS
     *
     * <mode>
     * : on, read-only or off
     * ---
     * options:
     *   - on
     *   - read-only
     *   - off
     * ---
     *
     * [--reason=<text>]
     * : Required to turn it on or read-only.
     *
     * [--ack=<list>]
     * : To turn it off: the six review items, comma-separated (run_history,failed_steps,
     * audit_records,pending_approvals,provider_status,affected_records), or all-reviewed.
     *
     * [--note=<text>]
     * : What was reviewed, when turning it off.
     *
     * [--override-reason=<text>]
     * : Turn it off although a provider is in outage, and why.
     *
     * ## EXAMPLES
     *
     *     wp sophmate safe-mode on --reason="Unexpected AI spend"
     *     wp sophmate safe-mode off --ack=all-reviewed --note="Spend cap in place"
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function __invoke(array $args, array $assoc_args): void
    {
        $this->guarded(function () use ($args, $assoc_args): void {
            $mode = match ((string) ($args[0] ?? '')) {
                'on', 'paused' => SafeModeMode::Paused,
                'read-only', 'read_only' => SafeModeMode::ReadOnly,
                'off' => SafeModeMode::Off,
                default => null,
            };
            if ($mode === null) {
                \WP_CLI::error('Say on, read-only or off.');
                return;
            }
            $text = $mode === SafeModeMode::Off ? (string) ($assoc_args['note'] ?? '') : (string) ($assoc_args['reason'] ?? '');
            $review = $mode === SafeModeMode::Off ? $this->services->restart_review(Scope::global(), $assoc_args['override-reason'] ?? null, null) : null;
            $result = $this->services->switches->set_safe_mode($mode, $text, self::acks($assoc_args), $this->actor(), Source::Cli, null, $review);
            \WP_CLI::success($result->changed ? sprintf('Safe mode is now %s (was %s).', $result->after, $result->before) : sprintf('Safe mode was already %s; nothing changed.', $result->after));
        });
    }

    /**
     * @param array<string,mixed> $assoc_args
     * @return list<string>
     */
    public static function acks(array $assoc_args): array
    {
        $ack = trim((string) ($assoc_args['ack'] ?? ''));
        if ($ack === 'all-reviewed') {
            return Acknowledgements::REQUIRED;
        }
        return array_values(array_filter(array_map('trim', explode(',', $ack)), static fn (string $s): bool => $s !== ''));
    }
}
