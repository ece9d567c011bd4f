<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Drills;

/**
 * What the rest of the plugin needs to know about one finished pause drill: whether it passed,
 * when, where, and which automations it covered. The readiness gate and the escalation digest
 * read this; the full report stays with the drills.
 */
final class DrillOutcome
{
    /** @param list<string> $automation_ids automations whose bindings the drill exercised */
    public function __construct(
        public readonly int $id,
        public readonly string $category,
        public readonly bool $passed,
        public readonly \DateTimeImmutable $finished_at,
        public readonly string $environment,
        public readonly array $automation_ids,
    ) {
    }

    public function covers(string $automation_id): bool
    {
        return in_array($automation_id, $this->automation_ids, true);
    }
}
