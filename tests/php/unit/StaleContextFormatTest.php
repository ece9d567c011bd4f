<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit;

use PHPUnit\Framework\TestCase;
use SophMate\SafeMode\Breakers\Events\StaleContextBreaker;

/** How the stale context breaker reads a freshness value and words an age in its reason. */
final class StaleContextFormatTest extends TestCase
{
    public function test_ages_and_limits_are_worded_in_days_hours_and_minutes(): void
    {
        self::assertSame('0m', StaleContextBreaker::duration(0));
        self::assertSame('45m', StaleContextBreaker::duration(45));
        self::assertSame('2h', StaleContextBreaker::duration(120));
        self::assertSame('3h 10m', StaleContextBreaker::duration(190));
        self::assertSame('1d 1h 5m', StaleContextBreaker::duration(1440 + 65));
    }

    public function test_a_freshness_value_is_a_unix_timestamp_a_date_string_or_a_date_object(): void
    {
        self::assertSame(1700000000, StaleContextBreaker::timestamp(1700000000));
        self::assertSame(1700000000, StaleContextBreaker::timestamp('1700000000'));
        self::assertSame(1700000000, StaleContextBreaker::timestamp(' 1700000000.9 '));
        self::assertSame(1700000000, StaleContextBreaker::timestamp('2023-11-14 22:13:20'), 'a date without a zone is UTC');
        self::assertSame(1700000000, StaleContextBreaker::timestamp('2023-11-14T23:13:20+01:00'));
        self::assertSame(1700000000, StaleContextBreaker::timestamp(new \DateTimeImmutable('@1700000000')));
    }

    public function test_anything_else_is_unreadable_and_so_counts_as_stale(): void
    {
        foreach ([null, false, true, '', '   ', 0, '0', -5, 'not a date at all', [], new \stdClass()] as $value) {
            self::assertNull(StaleContextBreaker::timestamp($value), var_export($value, true));
        }
    }
}
