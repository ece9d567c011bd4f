<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Cadence;

/** One thing about a category that someone must act on, and since when it has been so. */
final class Escalation
{
    public const OVERDUE_REVIEW = 'overdue_review';
    public const OWNERLESS = 'ownerless';
    public const NO_RESTART_OWNER = 'no_restart_owner';
    public const UNPAUSABLE = 'unpausable';
    public const PAUSED_SCOPE_TOUCHED_RECORDS = 'paused_scope_touched_records';

    public const LABELS = [
        self::OVERDUE_REVIEW => 'Review overdue',
        self::OWNERLESS => 'No owner',
        self::NO_RESTART_OWNER => 'Nobody can restart it',
        self::UNPAUSABLE => 'Not proven pausable',
        self::PAUSED_SCOPE_TOUCHED_RECORDS => 'Paused, but records were already changed',
    ];

    /** @param ?string $review_scope a paused scope whose restart review is the place to act, else null (the category page) */
    public function __construct(
        public readonly string $category,
        public readonly string $problem,
        public readonly string $detail,
        public readonly \DateTimeImmutable $since,
        public readonly ?string $review_scope = null,
    ) {
    }

    /** Identifies the same problem across days, for "since when" and for the ladder. */
    public function key(): string
    {
        return $this->category . ':' . $this->problem . ($this->review_scope !== null ? ':' . $this->review_scope : '');
    }

    public function label(): string
    {
        return self::LABELS[$this->problem] ?? $this->problem;
    }

    /** @return array{category:string,problem:string,label:string,detail:string,since:string,scope:?string} */
    public function to_array(): array
    {
        return [
            'category' => $this->category,
            'problem' => $this->problem,
            'label' => $this->label(),
            'detail' => $this->detail,
            'since' => Times::iso($this->since),
            'scope' => $this->review_scope,
        ];
    }
}
