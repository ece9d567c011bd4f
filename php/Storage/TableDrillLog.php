<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Storage;

use SophMate\SafeMode\Domain\Drills\DrillLog;
use SophMate\SafeMode\Domain\Drills\DrillOutcome;
use SophMate\SafeMode\Storage\Schema\Schema;

/** Drill history in the drills table. */
final class TableDrillLog implements DrillLog
{
    public function __construct(private readonly \wpdb $db, private readonly Schema $schema)
    {
    }

    public function latest(string $category): ?DrillOutcome
    {
        return null;
    }
}
