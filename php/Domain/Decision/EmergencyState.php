<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Decision;

use SophMate\SafeMode\Domain\Switches\SafeModeMode;

/** The last-resort switch (wp-config constant or flag file), read without touching the database. */
final class EmergencyState
{
    public function __construct(
        public readonly ?SafeModeMode $mode = null,
        public readonly ?string $via = null,
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
