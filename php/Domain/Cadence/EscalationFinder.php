<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Cadence;

/**
 * Finds what must be escalated: overdue reviews, categories nobody owns or nobody can restart,
 * categories whose automations are not proven pausable (their last drill failed or none ran), and
 * paused scopes whose runs already changed records.
 *
 * A problem whose start is known (an overdue date, a failed drill, a pause) is dated from then;
 * the others from when the daily job first saw them ($first_seen), so the ladder can count days.
 */
final class EscalationFinder
{
    /**
     * @param list<CategoryFacts> $facts
     * @param array<string,string> $first_seen escalation key => ISO time first seen
     * @return list<Escalation>
     */
    public function find(array $facts, array $first_seen, \DateTimeImmutable $now): array
    {
        $found = [];
        foreach ($facts as $fact) {
            foreach ($this->for_category($fact) as [$problem, $detail, $known_since, $scope]) {
                $probe = new Escalation($fact->category->slug, $problem, $detail, $now, $scope);
                $since = $known_since ?? Times::parse($first_seen[$probe->key()] ?? null) ?? $now;
                $found[] = new Escalation($fact->category->slug, $problem, $detail, $since, $scope);
            }
        }
        return $found;
    }

    /** @return list<array{0:string,1:string,2:?\DateTimeImmutable,3:?string}> */
    private function for_category(CategoryFacts $fact): array
    {
        $out = [];
        $category = $fact->category;
        if ($fact->review->overdue && $fact->review->next_review_at !== null) {
            $why = array_map(static fn (DueReason $r): string => $r->detail, $fact->review->due_reasons);
            $out[] = [Escalation::OVERDUE_REVIEW, sprintf('Review due since %s. %s', Times::day($fact->review->next_review_at), implode(' ', $why)), $fact->review->next_review_at, null];
        }
        if (!$fact->owner_exists) {
            $out[] = [Escalation::OWNERLESS, $category->owner_id === null
                ? 'Nobody owns this category: name an owner who can pause it.'
                : sprintf('The owner (user #%d) no longer exists or may no longer pause automation: name a new owner.', $category->owner_id), null, null];
        }
        // The restart owner falls back to the owner (owners may restart their category).
        if ($fact->restart_owner_exists === false) {
            $out[] = [Escalation::NO_RESTART_OWNER, sprintf('The restart owner (user #%d) no longer exists: nobody is named to restart it after a pause.', (int) $category->policy->restart_owner_id), null, null];
        } elseif ($fact->restart_owner_exists === null && !$fact->owner_exists) {
            $out[] = [Escalation::NO_RESTART_OWNER, 'No restart owner and no owner: nobody is named to restart it after a pause.', null, null];
        }
        if ($fact->automation_count > 0) {
            $drill = $fact->latest_drill;
            if ($drill === null) {
                $out[] = [Escalation::UNPAUSABLE, sprintf('%d automation(s) and no pause drill ever ran: nobody knows that pausing it stops them.', $fact->automation_count), null, null];
            } elseif (!$drill->passed) {
                $out[] = [Escalation::UNPAUSABLE, sprintf('The last pause drill (#%d, %s) failed: pausing may not stop its automations.', $drill->id, Times::day($drill->finished_at)), $drill->finished_at, null];
            }
        }
        foreach ($fact->paused_with_touched as $paused) {
            $out[] = [
                Escalation::PAUSED_SCOPE_TOUCHED_RECORDS,
                sprintf('%s is paused, but its runs changed %d record(s) since the pause or in the last run before it: check them before restarting.', $paused['scope'], $paused['records']),
                $paused['since'],
                $paused['scope'],
            ];
        }
        return $out;
    }
}
