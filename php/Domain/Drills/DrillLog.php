<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Drills;

/** The history of pause drills, as the readiness gate and the escalation digest see it. */
interface DrillLog
{
    /** The most recent finished drill of a category, passed or not; null when none ever ran. */
    public function latest(string $category): ?DrillOutcome;
}
