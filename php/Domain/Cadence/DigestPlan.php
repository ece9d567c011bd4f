<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Cadence;

/** What the daily job sends today, who already had today's digest, and the sent log to keep. */
final class DigestPlan
{
    /**
     * @param list<Digest> $digests
     * @param list<string> $already_sent keys (channel:target) skipped because they had today's digest
     * @param array<string,string> $log key => UTC day of the last digest
     */
    public function __construct(
        public readonly string $day,
        public readonly array $digests,
        public readonly array $already_sent,
        public readonly array $log,
    ) {
    }
}
