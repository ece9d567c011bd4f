<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Enforcement;

use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Audit\AuditEntry;
use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Storage\AuditLog;
use SophMate\SafeMode\Storage\SwitchStateStore;

/**
 * When switch state cannot be read, automation is already held (the decision fails closed). This
 * puts it on the record: one audit event per distinct problem, written by the first request that
 * can write, so the next operator sees when and why everything stopped.
 */
final class FailClosedRecorder
{
    public const MARKER = 'sophmate_safe_mode_state_alarm';

    public function __construct(
        private readonly SwitchStateStore $store,
        private readonly AuditLog $audit,
        private readonly Clock $clock,
    ) {
    }

    public function register(): void
    {
        add_action('shutdown', [$this, 'record']);
    }

    public function record(): void
    {
        $board = $this->store->load();
        if (!$board->is_corrupt()) {
            return; // The common case: no query, nothing to do.
        }
        $fingerprint = md5((string) $board->corruption);
        if (get_option(self::MARKER) === $fingerprint) {
            return;
        }
        try {
            $this->audit->append(new AuditEntry(
                'state_unreadable',
                'global',
                'unknown',
                'held',
                'Switch state could not be read: ' . $board->corruption . '. All automation was held until it is repaired.',
                Actor::system(),
                'system',
                $this->clock->now(),
                ['problem' => $board->corruption]
            ));
            update_option(self::MARKER, $fingerprint, false);
        } catch (\Throwable) {
            // The database is still unhappy; the next request that can write records it.
        }
    }
}
