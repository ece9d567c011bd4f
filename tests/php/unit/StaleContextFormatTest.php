<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit;

use PHPUnit\Framework\TestCase;
use SophMate\SafeMode\Breakers\FreshnessReader;
use SophMate\SafeMode\Domain\Breakers\BreakerEvaluator;
use SophMate\SafeMode\Domain\Breakers\StaleContextSettings;

/** How the stale context breaker reads a freshness value and words an age in its reason. */
final class StaleContextFormatTest extends TestCase
{
    public function test_ages_and_limits_are_worded_in_days_hours_and_minutes(): void
    {
        self::assertSame('0m', BreakerEvaluator::duration(0));
        self::assertSame('45m', BreakerEvaluator::duration(45));
        self::assertSame('2h', BreakerEvaluator::duration(120));
        self::assertSame('3h 10m', BreakerEvaluator::duration(190));
        self::assertSame('1d 1h 5m', BreakerEvaluator::duration(1440 + 65));
    }

    public function test_a_freshness_value_is_a_unix_timestamp_a_date_string_or_a_date_object(): void
    {
        self::assertSame(1700000000, FreshnessReader::timestamp(1700000000));
        self::assertSame(1700000000, FreshnessReader::timestamp('1700000000'));
        self::assertSame(1700000000, FreshnessReader::timestamp(' 1700000000.9 '));
        self::assertSame(1700000000, FreshnessReader::timestamp('2023-11-14 22:13:20'), 'a date without a zone is UTC');
        self::assertSame(1700000000, FreshnessReader::timestamp('2023-11-14T23:13:20+01:00'));
        self::assertSame(1700000000, FreshnessReader::timestamp(new \DateTimeImmutable('@1700000000')));
    }

    public function test_anything_else_is_unreadable_and_so_counts_as_stale(): void
    {
        foreach ([null, false, true, '', '   ', 0, '0', -5, 'not a date at all', [], new \stdClass()] as $value) {
            self::assertNull(FreshnessReader::timestamp($value), var_export($value, true));
        }
    }

    public function test_a_source_older_than_the_limit_or_unreadable_trips_with_an_exact_reason(): void
    {
        $settings = new StaleContextSettings(true, 120);
        self::assertNull(BreakerEvaluator::stale_context($settings, 119, 'option last_sync'));
        $trip = BreakerEvaluator::stale_context($settings, 190, 'option last_sync');
        self::assertSame(['stale_context', 190, 120, 'context 3h 10m old ≥ 2h (option last_sync)'], [$trip?->signal, $trip?->value, $trip?->threshold, $trip?->reason]);
        $unknown = BreakerEvaluator::stale_context($settings, null, 'filter acme_last_sync');
        self::assertSame(['unknown', 'context age unknown: filter acme_last_sync is missing or holds no readable time ≥ 2h'], [$unknown?->value, $unknown?->reason]);
        self::assertNull(BreakerEvaluator::stale_context(new StaleContextSettings(false, 120), null, 'option last_sync'), 'off never trips');
    }
}
