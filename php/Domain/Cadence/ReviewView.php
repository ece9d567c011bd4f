<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Cadence;

/** A category's review schedule at one moment, as REST, WP-CLI, the status report and the digest see it. */
final class ReviewView
{
    /** @param list<DueReason> $due_reasons oldest first */
    public function __construct(
        public readonly string $category,
        public readonly ?\DateTimeImmutable $next_review_at,
        public readonly bool $overdue,
        public readonly array $due_reasons,
        public readonly ?ReviewRecord $last_review,
        public readonly int $every_days,
    ) {
    }

    /** Since when the review has been overdue (the ladder counts days from here); null when it is not. */
    public function overdue_since(): ?\DateTimeImmutable
    {
        return $this->overdue ? $this->next_review_at : null;
    }

    /** @return array<string,mixed> */
    public function to_array(): array
    {
        return [
            'category' => $this->category,
            'next_review_at' => $this->next_review_at !== null ? Times::iso($this->next_review_at) : null,
            'overdue' => $this->overdue,
            'review_every_days' => $this->every_days,
            'due_reasons' => array_map(static fn (DueReason $r): array => $r->to_array(), $this->due_reasons),
            'last_review' => $this->last_review?->to_array(),
        ];
    }
}
