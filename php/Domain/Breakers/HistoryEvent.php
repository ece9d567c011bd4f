<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Breakers;

/** One thing from run history the simulator replays: a run outcome, a spend record or a touched record. */
final class HistoryEvent
{
    public const OUTCOME = 'outcome';
    public const SPEND = 'spend';
    public const TOUCHED = 'touched';

    public function __construct(
        public readonly string $type,
        public readonly \DateTimeImmutable $at,
        public readonly string $automation,
        public readonly bool $failed = false,
        public readonly float $amount = 0.0,
        public readonly string $unit = '',
        public readonly string $record = '',
    ) {
    }
}
