<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Cadence;

/**
 * The review state of one category as stored: when it first ran, the reasons that made a review
 * due since the last one, and the last review. The next date is derived, never stored, so a
 * change of the category's review_every_days applies at once.
 *
 * Every transition returns a new schedule, or null when nothing changed: callers write (and audit)
 * only on a real change, which keeps the run listener's cost at a read in the common case.
 */
final class ReviewSchedule
{
    /** @param list<DueReason> $due */
    public function __construct(
        public readonly string $category,
        public readonly ?\DateTimeImmutable $first_run_at = null,
        public readonly array $due = [],
        public readonly ?ReviewRecord $last_review = null,
        public readonly ?string $scheduled_due_noted = null,
    ) {
    }

    /** The category ran for the first time (as far as the cadence knows): its review is due then, unless one was already done. */
    public function with_first_run(\DateTimeImmutable $at): ?self
    {
        if ($this->first_run_at !== null) {
            return null;
        }
        $due = $this->due;
        if ($this->last_review === null) {
            $due[] = new DueReason(DueReason::FIRST_RUN, $at, 'The category ran for the first time; review it before it keeps running unattended.');
        }
        return new self($this->category, $at, $due, $this->last_review, $this->scheduled_due_noted);
    }

    /**
     * Makes the review due now for $reason. A reason already pending is not added twice: repeated
     * failures stay one "failed runs" reason, further changes of a provider one "provider change"
     * (the first; the audit log and the provider's own history hold the rest).
     */
    public function with_due(DueReason $reason): ?self
    {
        foreach ($this->due as $pending) {
            if ($pending->same_as($reason)) {
                return null;
            }
        }
        return new self($this->category, $this->first_run_at, [...$this->due, $reason], $this->last_review, $this->scheduled_due_noted);
    }

    public function has_pending(string $reason): bool
    {
        foreach ($this->due as $pending) {
            if ($pending->reason === $reason) {
                return true;
            }
        }
        return false;
    }

    /** A review was done: the pending reasons are answered and the calendar starts again from now. */
    public function done(ReviewRecord $review): self
    {
        return new self($this->category, $this->first_run_at, [], $review, null);
    }

    /** Records that the calendar due date $date was announced (audited), so it is announced once. */
    public function with_scheduled_due_noted(string $date): self
    {
        return new self($this->category, $this->first_run_at, $this->due, $this->last_review, $date);
    }

    /** The calendar date: review_every_days after the last review, or after the first run when never reviewed. */
    public function calendar_date(int $every_days): ?\DateTimeImmutable
    {
        $base = $this->last_review?->at ?? $this->first_run_at;
        return $base?->add(new \DateInterval('P' . max(1, $every_days) . 'D'));
    }

    public function view(int $every_days, \DateTimeImmutable $now): ReviewView
    {
        $calendar = $this->calendar_date($every_days);
        $reasons = $this->due;
        if ($calendar !== null && $calendar <= $now) {
            $reasons[] = new DueReason(
                DueReason::SCHEDULED,
                $calendar,
                $this->last_review !== null
                    ? sprintf('%d days since the last review on %s.', $every_days, Times::day($this->last_review->at))
                    : sprintf('%d days since the first run on %s.', $every_days, Times::day($this->first_run_at ?? $calendar))
            );
        }
        $next = $calendar;
        foreach ($reasons as $reason) {
            if ($next === null || $reason->at < $next) {
                $next = $reason->at;
            }
        }
        usort($reasons, static fn (DueReason $a, DueReason $b): int => $a->at <=> $b->at);
        $overdue = $next !== null && $next <= $now;
        return new ReviewView($this->category, $next, $overdue, $reasons, $this->last_review, $every_days);
    }

    /** @return array<string,mixed> */
    public function to_array(): array
    {
        return [
            'first_run_at' => $this->first_run_at !== null ? Times::iso($this->first_run_at) : null,
            'due' => array_map(static fn (DueReason $r): array => $r->to_array() + ($r->provider !== null ? ['provider' => $r->provider] : []), $this->due),
            'last_review' => $this->last_review?->to_array(),
            'scheduled_due_noted' => $this->scheduled_due_noted,
        ];
    }

    /** @param array<string,mixed> $data */
    public static function from_array(string $category, array $data): self
    {
        $due = [];
        foreach ((array) ($data['due'] ?? []) as $row) {
            $reason = is_array($row) ? DueReason::from_array($row) : null;
            if ($reason !== null) {
                $due[] = $reason;
            }
        }
        return new self(
            $category,
            Times::parse($data['first_run_at'] ?? null),
            $due,
            is_array($data['last_review'] ?? null) ? ReviewRecord::from_array($data['last_review']) : null,
            is_string($data['scheduled_due_noted'] ?? null) ? $data['scheduled_due_noted'] : null,
        );
    }
}
