<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Decision;

enum Effect: string
{
    case Run = 'run';
    case ReadOnly = 'read_only';
    case Blocked = 'blocked';

    public function restrictiveness(): int
    {
        return match ($this) {
            self::Run => 0,
            self::ReadOnly => 1,
            self::Blocked => 2,
        };
    }
}
