<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Switches;

enum SafeModeMode: string
{
    case Off = 'off';
    case ReadOnly = 'read_only';
    case Paused = 'paused';
}
