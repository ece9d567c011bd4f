<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Decision;

use SophMate\SafeMode\Domain\Switches\SafeModeMode;

/**
 * Safe mode forced from outside the site's own switches: the last-resort switch (wp-config
 * constant or flag file, read without touching the database) or, on multisite, network safe mode
 * (via "network", with the network administrator's reason).
 */
final class EmergencyState
{
    public function __construct(
        public readonly ?SafeModeMode $mode = null,
        public readonly ?string $via = null,
        public readonly string $reason = '',
    ) {
    }

    public function is_active(): bool
    {
        return $this->mode !== null && $this->mode !== SafeModeMode::Off;
    }

    /** @return array{active:bool,mode:string|null,via:string|null} */
    public function to_array(): array
    {
        return [
            'active' => $this->is_active(),
            'mode' => $this->is_active() ? $this->mode?->value : null,
            'via' => $this->is_active() ? $this->via : null,
        ];
    }
}
