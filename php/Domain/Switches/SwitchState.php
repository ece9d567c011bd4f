<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Switches;

enum SwitchState: string
{
    case Running = 'running';
    case Paused = 'paused';
    case Trial = 'trial';
}
