<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Storage;

/** Site-wide settings, in one non-autoloaded option: only maintenance and the admin read them. */
final class Settings
{
    public const OPTION = 'sophmate_safe_mode_settings';
    public const DEFAULTS = ['retention_days' => 90, 'abandoned_after_minutes' => 60];

    public function retention_days(): int
    {
        return max(1, (int) $this->all()['retention_days']);
    }

    public function abandoned_after_minutes(): int
    {
        return max(5, (int) $this->all()['abandoned_after_minutes']);
    }

    /** @return array{retention_days:int,abandoned_after_minutes:int} */
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
