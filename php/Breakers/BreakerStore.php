<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Breakers;

use SophMate\SafeMode\Domain\Breakers\BreakerConfig;
use SophMate\SafeMode\Storage\Schema\Schema;

/**
 * Breaker counters in the database, so every PHP worker and web node sees the same ones.
 * O(1) per write: one row per scope for run outcomes (updated by a single atomic statement), and
 * per-minute / per-hour bucket rows for spend and customer-facing actions (upserted). Reading a
 * window sums at most 60 minute rows, 24 hour rows, or window_minutes rows: never run history.
 */
final class BreakerStore
{
    public const MINUTE = 'm';
    public const HOUR = 'h';

    public function __construct(private readonly \wpdb $db, private readonly Schema $schema)
    {
    }

    /**
     * Adds one finished run's outcome in one atomic statement: the streak, and the last $window
     * outcomes (a "0"/"1" string, oldest first, kept at the window's length). After a failure it
     * also returns the counters it left: the statement packs them into LAST_INSERT_ID(), which
     * the client gets with the INSERT's reply, so read and write are one round trip and no other
     * worker's outcome can come in between. A success (which never trips) skips the packing.
     *
     * @return array{consecutive:int,failed:int,runs:int}|null null after a success
     */
    public function record_outcome(string $scope, bool $failed, int $window, \DateTimeImmutable $now): ?array
    {
        $table = $this->schema->breaker_state_table();
        $window = max(1, min(BreakerConfig::MAX_WINDOW_RUNS, $window));
        if (!$failed) {
            $this->db->query($this->db->prepare(
                "INSERT INTO {$table} (scope, consecutive, recent, updated_at) VALUES (%s, 0, '0', %s)
                 ON DUPLICATE KEY UPDATE consecutive = 0, recent = RIGHT(CONCAT(recent, '0'), %d), updated_at = VALUES(updated_at)", // phpcs:ignore
                $scope,
                self::sql_time($now),
                $window
            ));
            return null;
        }
        // consecutive * 2^22 + failures * 2^11 + runs (both at most 1000 < 2^11). MariaDB applies
        // ON DUPLICATE KEY assignments left to right, so `packed` sees the new streak and string.
        $this->db->query($this->db->prepare(
            "INSERT INTO {$table} (scope, consecutive, recent, packed, updated_at) VALUES (%s, 1, '1', LAST_INSERT_ID(4194304 + 2048 + 1), %s)
             ON DUPLICATE KEY UPDATE consecutive = consecutive + 1, recent = RIGHT(CONCAT(recent, '1'), %d),
             packed = LAST_INSERT_ID(consecutive * 4194304 + (LENGTH(recent) - LENGTH(REPLACE(recent, '1', ''))) * 2048 + LENGTH(recent)), updated_at = VALUES(updated_at)", // phpcs:ignore
            $scope,
            self::sql_time($now),
            $window
        ));
        $packed = (int) $this->db->insert_id;
        return ['consecutive' => intdiv($packed, 4194304), 'failed' => intdiv($packed % 4194304, 2048), 'runs' => $packed % 2048];
    }

    /** @return array{consecutive:int,recent:string}|null */
    public function state(string $scope): ?array
    {
        $table = $this->schema->breaker_state_table();
        $row = $this->db->get_row($this->db->prepare("SELECT consecutive, recent FROM {$table} WHERE scope = %s", $scope), ARRAY_A); // phpcs:ignore
        return is_array($row) ? ['consecutive' => (int) $row['consecutive'], 'recent' => (string) $row['recent']] : null;
    }

    /** Adds $amount to the minute and hour buckets of $metric (e.g. "spend:usd", "impact") in one statement. */
    public function add(string $scope, string $metric, float $amount, \DateTimeImmutable $now): void
    {
        $table = $this->schema->breaker_buckets_table();
        $this->db->query($this->db->prepare(
            "INSERT INTO {$table} (scope, metric, bucket, amount) VALUES (%s, %s, %s, %s), (%s, %s, %s, %s) ON DUPLICATE KEY UPDATE amount = amount + VALUES(amount)", // phpcs:ignore
            $scope,
            self::MINUTE . '|' . $metric,
            self::minute($now),
            sprintf('%.6F', $amount),
            $scope,
            self::HOUR . '|' . $metric,
            self::hour($now),
            sprintf('%.6F', $amount)
        ));
    }

    /** The sum of $metric over the last $minutes minutes (this minute included), from minute buckets. */
    public function sum_minutes(string $scope, string $metric, int $minutes, \DateTimeImmutable $now): float
    {
        $since = $now->sub(new \DateInterval('PT' . max(0, $minutes - 1) . 'M'));
        return $this->sum($scope, self::MINUTE . '|' . $metric, self::minute($since));
    }

    /** The sum of $metric over the last $hours hours (this hour included), from hour buckets. */
    public function sum_hours(string $scope, string $metric, int $hours, \DateTimeImmutable $now): float
    {
        $since = $now->sub(new \DateInterval('PT' . max(0, $hours - 1) . 'H'));
        return $this->sum($scope, self::HOUR . '|' . $metric, self::hour($since));
    }

    /** @return list<string> units with spend recorded for $scope in the last day */
    public function spend_units(string $scope, \DateTimeImmutable $now): array
    {
        $table = $this->schema->breaker_buckets_table();
        $metrics = $this->db->get_col($this->db->prepare(
            "SELECT DISTINCT metric FROM {$table} WHERE scope = %s AND metric LIKE %s AND bucket >= %s", // phpcs:ignore
            $scope,
            $this->db->esc_like(self::HOUR . '|spend:') . '%',
            self::hour($now->sub(new \DateInterval('PT23H')))
        )) ?: [];
        return array_values(array_map(static fn (string $m): string => substr($m, strlen(self::HOUR . '|spend:')), $metrics));
    }

    /**
     * Forgets every counter of these scopes: a restart starts a new incident.
     *
     * @param list<string> $scopes
     */
    public function reset(array $scopes): void
    {
        if ($scopes === []) {
            return;
        }
        $in = implode(', ', array_fill(0, count($scopes), '%s'));
        foreach ([$this->schema->breaker_state_table(), $this->schema->breaker_buckets_table()] as $table) {
            $this->db->query($this->db->prepare("DELETE FROM {$table} WHERE scope IN ({$in})", ...$scopes)); // phpcs:ignore
        }
    }

    /** Drops buckets no window can reach any more (older than two days). */
    public function prune(\DateTimeImmutable $now): int
    {
        $table = $this->schema->breaker_buckets_table();
        return (int) $this->db->query($this->db->prepare("DELETE FROM {$table} WHERE bucket < %s LIMIT 10000", self::hour($now->sub(new \DateInterval('P2D'))))); // phpcs:ignore
    }

    private function sum(string $scope, string $metric, string $since): float
    {
        $table = $this->schema->breaker_buckets_table();
        return (float) $this->db->get_var($this->db->prepare(
            "SELECT COALESCE(SUM(amount), 0) FROM {$table} WHERE scope = %s AND metric = %s AND bucket >= %s", // phpcs:ignore
            $scope,
            $metric,
            $since
        ));
    }

    private static function minute(\DateTimeImmutable $at): string
    {
        return $at->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d H:i:00');
    }

    private static function hour(\DateTimeImmutable $at): string
    {
        return $at->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d H:00:00');
    }

    private static function sql_time(\DateTimeImmutable $at): string
    {
        return $at->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d H:i:s');
    }
}
