<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Cadence;

use SophMate\SafeMode\Domain\Config\Category;
use SophMate\SafeMode\Domain\Drills\DrillOutcome;

/** What the escalation finder needs to know about one category, gathered by the WordPress side. */
final class CategoryFacts
{
    /**
     * @param bool $owner_exists the owner is set, is still a user and may still pause automation
     * @param ?bool $restart_owner_exists null when the policy names no restart owner; else whether that user exists and may pause
     * @param list<array{scope:string,since:\DateTimeImmutable,records:int}> $paused_with_touched paused scopes (the category or its automations) whose runs touched records
     */
    public function __construct(
        public readonly Category $category,
        public readonly ReviewView $review,
        public readonly bool $owner_exists,
        public readonly ?bool $restart_owner_exists,
        public readonly int $automation_count,
        public readonly ?DrillOutcome $latest_drill,
        public readonly array $paused_with_touched = [],
    ) {
    }
}
