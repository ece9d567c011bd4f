<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Readiness;

use SophMate\SafeMode\Domain\Drills\DrillOutcome;

/**
 * Everything outside the automation's own definition that the gate decides on, gathered by glue
 * code: the owner's standing, the category's latest pause drill, and the read-only run record.
 */
final class ReadinessFacts
{
    /** @param int $reviewed_runs valid reviewed run ids the operator named (0 when only assessing) */
    public function __construct(
        public readonly OwnerStanding $owner,
        public readonly ?DrillOutcome $drill,
        public readonly int $succeeded_read_only_runs,
        public readonly int $required_runs,
        public readonly int $reviewed_runs = 0,
    ) {
    }

    public function with_reviewed(int $reviewed_runs): self
    {
        return new self($this->owner, $this->drill, $this->succeeded_read_only_runs, $this->required_runs, $reviewed_runs);
    }
}
