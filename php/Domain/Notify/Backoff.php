<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Notify;

/** When a failed delivery is tried again: 1, 5, 15, 60 and 240 minutes later, then never. */
final class Backoff
{
    public const MINUTES = [1, 5, 15, 60, 240];

    /** The next try after $attempts failed attempts, or null when it is time to give up. */
    public static function next_attempt(int $attempts, \DateTimeImmutable $now): ?\DateTimeImmutable
    {
        $minutes = self::MINUTES[$attempts - 1] ?? null;
        return $minutes === null ? null : $now->modify(sprintf('+%d minutes', $minutes));
    }

    public static function max_attempts(): int
    {
        return count(self::MINUTES) + 1;
    }
}
