<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Switches;

/** Where a change came from, so an operator can tell a human pause from a breaker trip. */
enum Source: string
{
    case Admin = 'admin';
    case Rest = 'rest';
    case Cli = 'cli';
    case Breaker = 'breaker';
    case Update = 'update';
    case Constant = 'constant';
    case Api = 'api';
    case Drill = 'drill';
}
