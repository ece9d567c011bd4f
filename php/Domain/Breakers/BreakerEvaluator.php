<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Breakers;

/**
 * The rules of the failures, spend, customer-impact and stale-context breakers, shared by the live
 * breakers and the dry run. Pure: the counters (or the age) come in, a Trip (or null) comes out.
 */
final class BreakerEvaluator
{
    /**
     * @param int $consecutive failures in a row, ending with the latest run
     * @param int $failed failures among the last $runs finished runs ($runs at most window_runs)
     */
    public static function failures(FailuresSettings $settings, int $consecutive, int $failed, int $runs): ?Trip
    {
        if (!$settings->enabled) {
            return null;
        }
        if ($settings->consecutive !== null && $consecutive >= $settings->consecutive) {
            return new Trip('failures', 'consecutive_failures', $consecutive, $settings->consecutive, sprintf('%d consecutive failures ≥ %d', $consecutive, $settings->consecutive));
        }
        if ($settings->rate_percent === null || $runs < $settings->min_runs || $runs === 0) {
            return null;
        }
        if ($failed * 100 < $settings->rate_percent * $runs) {
            return null;
        }
        $rate = (int) floor($failed * 100 / $runs);
        return new Trip('failures', 'failure_rate', $rate, $settings->rate_percent, sprintf('failure rate %d%% over last %d runs ≥ %d%%', $rate, $runs, $settings->rate_percent));
    }

    /**
     * Failures and runs among the last $window outcomes of a "0"/"1" string (oldest first).
     *
     * @return array{0:int,1:int} failed, runs
     */
    public static function window(string $recent, int $window): array
    {
        $last = substr($recent, -$window);
        return [substr_count($last, '1'), strlen($last)];
    }

    public static function spend(SpendSettings $settings, string $unit, float $last_hour, float $last_day): ?Trip
    {
        $budget = $settings->enabled ? $settings->budget_for($unit) : null;
        if ($budget === null) {
            return null;
        }
        if ($budget->per_hour !== null && $last_hour >= $budget->per_hour - 1e-9) {
            return new Trip('spend', 'spend_per_hour', round($last_hour, 6), $budget->per_hour, sprintf('spend %s %s in the last hour ≥ %s %s per hour', self::money($last_hour), $unit, self::money($budget->per_hour), $unit));
        }
        if ($budget->per_day !== null && $last_day >= $budget->per_day - 1e-9) {
            return new Trip('spend', 'spend_per_day', round($last_day, 6), $budget->per_day, sprintf('spend %s %s in the last day ≥ %s %s per day', self::money($last_day), $unit, self::money($budget->per_day), $unit));
        }
        return null;
    }

    /** More than max_actions customer-facing actions in the window trips. */
    public static function customer_impact(CustomerImpactSettings $settings, int $count): ?Trip
    {
        if (!$settings->enabled || $count <= $settings->max_actions) {
            return null;
        }
        return new Trip('customer_impact', 'customer_actions', $count, $settings->max_actions, sprintf('%d customer-facing actions in %d min > %d', $count, $settings->window_minutes, $settings->max_actions));
    }

    /**
     * A freshness source older than max_age_minutes (or missing, unreadable: $age_minutes null) trips.
     *
     * @param string $source the source in words, e.g. "option last_sync"
     */
    public static function stale_context(StaleContextSettings $settings, ?int $age_minutes, string $source): ?Trip
    {
        if (!$settings->enabled || ($age_minutes !== null && $age_minutes < $settings->max_age_minutes)) {
            return null;
        }
        $limit = self::duration($settings->max_age_minutes);
        $reason = $age_minutes === null
            ? sprintf('context age unknown: %s is missing or holds no readable time ≥ %s', $source, $limit)
            : sprintf('context %s old ≥ %s (%s)', self::duration($age_minutes), $limit, $source);
        return new Trip('stale_context', 'stale_context', $age_minutes ?? 'unknown', $settings->max_age_minutes, $reason);
    }

    /** "45m", "2h", "3h 10m", "2d 1h 5m" */
    public static function duration(int $minutes): string
    {
        $parts = [];
        foreach (['d' => 1440, 'h' => 60, 'm' => 1] as $unit => $size) {
            if ($minutes >= $size) {
                $parts[] = intdiv($minutes, $size) . $unit;
                $minutes %= $size;
            }
        }
        return $parts === [] ? '0m' : implode(' ', $parts);
    }

    /** "5.20", "0.0035", "1200" */
    public static function money(float $amount): string
    {
        if (abs($amount - round($amount)) < 1e-9 && abs($amount) >= 1000) {
            return (string) (int) round($amount);
        }
        $text = number_format($amount, abs($amount) < 0.01 && $amount != 0.0 ? 6 : 2, '.', '');
        return str_contains($text, '.') && abs($amount) < 0.01 ? rtrim(rtrim($text, '0'), '.') : $text;
    }
}
