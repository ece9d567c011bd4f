<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Storage;

/** Site-wide settings, in one non-autoloaded option: only maintenance and the admin read them. */
final class Settings
{
    public const OPTION = 'sophmate_safe_mode_settings';
    public const DEFAULTS = [
        'retention_days' => 90,
        'abandoned_after_minutes' => 60,
        // Readiness: successful read-only runs an operator must review before an automation goes live.
        'read_only_runs_before_live' => 3,
        // Review cadence: failed runs of a category within 24 hours that make its review due at once.
        'review_after_failed_runs' => 3,
        // Escalation: days a review may be overdue before backup owners, then administrators, hear of it.
        'escalate_to_backup_after_days' => 2,
        'escalate_to_admins_after_days' => 5,
        // Provider status polling interval.
        'provider_poll_minutes' => 5,
    ];

    public function retention_days(): int
    {
        return max(1, (int) $this->all()['retention_days']);
    }

    public function abandoned_after_minutes(): int
    {
        return max(5, (int) $this->all()['abandoned_after_minutes']);
    }

    public function int(string $key): int
    {
        return (int) ($this->all()[$key] ?? 0);
    }

    /** @return array<string,int> */
    public function all(): array
    {
        $stored = get_option(self::OPTION, []);
        return array_merge(self::DEFAULTS, array_intersect_key(is_array($stored) ? $stored : [], self::DEFAULTS));
    }

    /** @param array<string,int> $changes */
    public function update(array $changes): void
    {
        update_option(self::OPTION, array_merge($this->all(), array_intersect_key($changes, self::DEFAULTS)), false);
    }
}
