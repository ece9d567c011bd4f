<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Cadence;

/** ISO 8601 UTC in and out, the one time format stored and served by the cadence. */
final class Times
{
    public static function iso(\DateTimeImmutable $at): string
    {
        return $at->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d\TH:i:s\Z');
    }

    /** @param mixed $value */
    public static function parse($value): ?\DateTimeImmutable
    {
        if (!is_string($value) || $value === '') {
            return null;
        }
        try {
            return (new \DateTimeImmutable($value))->setTimezone(new \DateTimeZone('UTC'));
        } catch (\Exception) {
            return null; // A hand-edited option must not break the schedule; the entry is dropped.
        }
    }

    /** Whole days from $from to $to (0 when $to is earlier). */
    public static function days_between(\DateTimeImmutable $from, \DateTimeImmutable $to): int
    {
        $seconds = $to->getTimestamp() - $from->getTimestamp();
        return $seconds <= 0 ? 0 : intdiv($seconds, 86400);
    }

    /** The UTC calendar day of a time: the unit of "one digest per recipient per day". */
    public static function day(\DateTimeImmutable $at): string
    {
        return $at->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d');
    }
}
