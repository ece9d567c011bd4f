<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Storage;

use SophMate\SafeMode\Domain\Drills\DrillLog;
use SophMate\SafeMode\Domain\Drills\DrillOutcome;
use SophMate\SafeMode\Domain\Drills\DrillReport;
use SophMate\SafeMode\Storage\Schema\Schema;

/**
 * Drill history in the drills table. A drill's row is written before it touches anything
 * (outcome "running", with the switch record it must restore), so a process that dies mid-drill
 * leaves enough behind for recovery to put the category back.
 */
final class TableDrillLog implements DrillLog
{
    /** Keys of the stored report that are bookkeeping, not part of the report anyone reads. */
    private const PRIVATE_PREFIX = '_';

    public function __construct(private readonly \wpdb $db, private readonly Schema $schema)
    {
    }

    public function latest(string $category): ?DrillOutcome
    {
        $row = $this->db->get_row($this->db->prepare(
            "SELECT * FROM {$this->schema->drills_table()} WHERE category = %s AND outcome IN ('passed','failed') ORDER BY finished_at DESC, id DESC LIMIT 1",
            $category
        ), ARRAY_A);
        if (!is_array($row)) {
            return null;
        }
        $report = self::decode($row['report'] ?? null);
        return new DrillOutcome(
            (int) $row['id'],
            (string) $row['category'],
            $row['outcome'] === DrillReport::PASSED,
            self::time((string) ($row['finished_at'] ?? $row['started_at'])),
            (string) $row['environment'],
            array_values(array_map('strval', (array) ($report['automations'] ?? []))),
        );
    }

    /**
     * Records a drill as started; returns its id.
     *
     * @param array<string,mixed> $bookkeeping what recovery needs (the prior switch record), stored with the report
     */
    public function start(string $category, int $actor_id, string $environment, \DateTimeImmutable $at, array $bookkeeping): int
    {
        $this->db->query($this->db->prepare(
            "INSERT INTO {$this->schema->drills_table()} (category, outcome, environment, actor_id, started_at, report) VALUES (%s, %s, %s, %d, %s, %s)",
            $category,
            DrillReport::RUNNING,
            mb_substr($environment, 0, 20),
            $actor_id,
            self::sql_time($at),
            (string) wp_json_encode(self::private_keys($bookkeeping))
        ));
        return (int) $this->db->insert_id;
    }

    /**
     * Stores the finished report (keeping the bookkeeping written at start) and its outcome.
     *
     * @param array<string,mixed> $report
     */
    public function finish(int $id, string $outcome, \DateTimeImmutable $at, array $report): void
    {
        $stored = $this->raw_report($id);
        $private = array_filter($stored, static fn ($k): bool => str_starts_with((string) $k, self::PRIVATE_PREFIX), ARRAY_FILTER_USE_KEY);
        $this->db->query($this->db->prepare(
            "UPDATE {$this->schema->drills_table()} SET outcome = %s, finished_at = %s, report = %s WHERE id = %d",
            $outcome,
            self::sql_time($at),
            (string) wp_json_encode($report + $private, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE),
            $id
        ));
    }

    public function delete(int $id): void
    {
        $this->db->query($this->db->prepare("DELETE FROM {$this->schema->drills_table()} WHERE id = %d", $id));
    }

    /** @return list<array<string,mixed>> drills of this category still marked running, oldest first */
    public function running(?string $category = null): array
    {
        $sql = "SELECT * FROM {$this->schema->drills_table()} WHERE outcome = %s";
        $params = [DrillReport::RUNNING];
        if ($category !== null) {
            $sql .= ' AND category = %s';
            $params[] = $category;
        }
        $rows = $this->db->get_results($this->db->prepare($sql . ' ORDER BY id ASC', ...$params), ARRAY_A) ?: [];
        return array_map([self::class, 'row'], $rows);
    }

    /** @return array<string,mixed>|null the drill row, its report decoded (bookkeeping included under _ keys) */
    public function get(int $id): ?array
    {
        $row = $this->db->get_row($this->db->prepare("SELECT * FROM {$this->schema->drills_table()} WHERE id = %d", $id), ARRAY_A);
        return is_array($row) ? self::row($row) : null;
    }

    /** @return array{items:list<array<string,mixed>>,total:int} newest first */
    public function find(?string $category, int $page, int $per_page): array
    {
        $where = $category === null ? '1=1' : $this->db->prepare('category = %s', $category);
        $total = (int) $this->db->get_var("SELECT COUNT(*) FROM {$this->schema->drills_table()} WHERE {$where}"); // phpcs:ignore
        $rows = $this->db->get_results($this->db->prepare(
            "SELECT * FROM {$this->schema->drills_table()} WHERE {$where} ORDER BY started_at DESC, id DESC LIMIT %d OFFSET %d", // phpcs:ignore
            $per_page,
            max(0, ($page - 1) * $per_page)
        ), ARRAY_A) ?: [];
        return ['items' => array_map([self::class, 'row'], $rows), 'total' => $total];
    }

    /**
     * The public report of a row: the stored report without bookkeeping; for a drill still running
     * (or one that died), what is known so far.
     *
     * @param array<string,mixed> $row as returned by get()/find()
     * @return array<string,mixed>
     */
    public static function public_report(array $row): array
    {
        $report = array_filter((array) $row['report'], static fn ($k): bool => !str_starts_with((string) $k, self::PRIVATE_PREFIX), ARRAY_FILTER_USE_KEY);
        return $report + [
            'id' => $row['id'],
            'category' => $row['category'],
            'category_label' => $row['category'],
            'outcome' => $row['outcome'],
            'environment' => $row['environment'],
            'started_at' => $row['started_at'],
            'finished_at' => $row['finished_at'],
            'actor' => null,
            'automations' => [],
            'prior_state' => null,
            'restored_state' => null,
            'state_restored' => false,
            'bindings' => [],
            'summary' => ['total' => 0, 'passed' => 0, 'failed' => 0, 'not_exercised' => 0],
            'paused_immediately' => [],
            'would_finish' => [],
            'needs_cleanup' => [],
            'restart' => ['owner' => null, 'owners' => [], 'detail' => ''],
            'failure_reason' => null,
            'review_url' => '',
        ];
    }

    /** @param array<string,mixed> $row */
    private static function row(array $row): array
    {
        return [
            'id' => (int) $row['id'],
            'category' => (string) $row['category'],
            'outcome' => (string) $row['outcome'],
            'environment' => (string) $row['environment'],
            'actor_id' => (int) $row['actor_id'],
            'started_at' => self::iso((string) $row['started_at']),
            'finished_at' => $row['finished_at'] === null ? null : self::iso((string) $row['finished_at']),
            'report' => self::decode($row['report'] ?? null),
        ];
    }

    /** @return array<string,mixed> */
    private function raw_report(int $id): array
    {
        return self::decode($this->db->get_var($this->db->prepare("SELECT report FROM {$this->schema->drills_table()} WHERE id = %d", $id)));
    }

    /**
     * @param array<string,mixed> $data
     * @return array<string,mixed>
     */
    private static function private_keys(array $data): array
    {
        $out = [];
        foreach ($data as $key => $value) {
            $out[self::PRIVATE_PREFIX . ltrim((string) $key, self::PRIVATE_PREFIX)] = $value;
        }
        return $out;
    }

    /**
     * @param mixed $raw
     * @return array<string,mixed>
     */
    private static function decode($raw): array
    {
        $data = is_string($raw) ? json_decode($raw, true) : null;
        return is_array($data) ? $data : [];
    }

    private static function time(string $sql): \DateTimeImmutable
    {
        return new \DateTimeImmutable($sql, new \DateTimeZone('UTC'));
    }

    private static function iso(string $sql): string
    {
        return self::time($sql)->format('Y-m-d\TH:i:s\Z');
    }

    private static function sql_time(\DateTimeImmutable $at): string
    {
        return $at->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d H:i:s');
    }
}
