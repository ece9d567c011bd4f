<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Config;

/** Readiness: a draft only runs by hand, read_only runs without writing, live runs for real. */
enum AutomationMode: string
{
    case Draft = 'draft';
    case ReadOnly = 'read_only';
    case Live = 'live';
}
