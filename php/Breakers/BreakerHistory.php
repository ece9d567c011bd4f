<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Breakers;

use SophMate\SafeMode\Domain\Breakers\HistoryEvent;
use SophMate\SafeMode\Storage\Schema\Schema;

/**
 * Reads a category's stored run history for the dry-run simulator: finished runs (succeeded or
 * failed) since a time, and their spend and touched events, oldest first. Only simulate reads it.
 */
final class BreakerHistory
{
    public const MAX_RUNS = 50000;

    public function __construct(private readonly \wpdb $db, private readonly Schema $schema)
    {
    }

    /** @return array{events:list<HistoryEvent>,runs:int,truncated:bool} */
    public function load(string $category, \DateTimeImmutable $since): array
    {
        $runs_table = $this->schema->runs_table();
        $rows = $this->db->get_results($this->db->prepare(
            "SELECT id, automation, status, started_at, finished_at FROM {$runs_table} WHERE category = %s AND started_at >= %s AND status IN ('succeeded', 'failed') ORDER BY started_at ASC, id ASC LIMIT %d", // phpcs:ignore
            $category,
            $since->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d H:i:s'),
            self::MAX_RUNS + 1
        ), ARRAY_A) ?: [];
        $truncated = count($rows) > self::MAX_RUNS;
        $rows = array_slice($rows, 0, self::MAX_RUNS);
        $events = [];
        $automation_of = [];
        foreach ($rows as $row) {
            $automation_of[(int) $row['id']] = (string) $row['automation'];
            $events[] = new HistoryEvent(HistoryEvent::OUTCOME, self::time((string) ($row['finished_at'] ?? $row['started_at'])), (string) $row['automation'], $row['status'] === 'failed');
        }
        $events_table = $this->schema->run_events_table();
        foreach (array_chunk(array_keys($automation_of), 1000) as $chunk) {
            $in = implode(', ', array_map('intval', $chunk));
            $found = $this->db->get_results(
                "SELECT run_id, created_at, type, amount, unit, record_type, record_action FROM {$events_table} WHERE run_id IN ({$in}) AND type IN ('spend', 'touched')", // phpcs:ignore
                ARRAY_A
            ) ?: [];
            foreach ($found as $event) {
                $automation = $automation_of[(int) $event['run_id']] ?? '';
                $at = self::time((string) $event['created_at']);
                $events[] = $event['type'] === 'spend'
                    ? new HistoryEvent(HistoryEvent::SPEND, $at, $automation, false, (float) $event['amount'], strtolower((string) $event['unit']))
                    : new HistoryEvent(HistoryEvent::TOUCHED, $at, $automation, false, 0.0, '', $event['record_type'] . ':' . $event['record_action']);
            }
        }
        // Stable: a run's spend and touched records come before its outcome at the same second.
        $order = array_flip([HistoryEvent::SPEND, HistoryEvent::TOUCHED, HistoryEvent::OUTCOME]);
        usort($events, static fn (HistoryEvent $a, HistoryEvent $b): int => [$a->at->getTimestamp(), $order[$a->type]] <=> [$b->at->getTimestamp(), $order[$b->type]]);
        return ['events' => $events, 'runs' => count($rows), 'truncated' => $truncated];
    }

    private static function time(string $sql): \DateTimeImmutable
    {
        return new \DateTimeImmutable($sql, new \DateTimeZone('UTC'));
    }
}
