<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Breakers;

use SophMate\SafeMode\Breakers\Events\ProviderBreaker;
use SophMate\SafeMode\Domain\Breakers\HistoryEvent;
use SophMate\SafeMode\Storage\Schema\Schema;

/**
 * Reads stored history for the dry-run simulator, oldest first: a category's finished runs
 * (succeeded or failed) since a time with their spend and touched events, and the site events the
 * audit log holds (provider outages, provider configuration changes, updates). Only simulate reads it.
 */
final class BreakerHistory
{
    public const MAX_RUNS = 50000;
    public const MAX_SITE_EVENTS = 5000;

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
        array_push($events, ...$this->site_events($since));
        // Stable: site events, then a run's spend and touched records, then its outcome at the same second.
        $order = array_flip([HistoryEvent::PROVIDER_OUTAGE, HistoryEvent::PROVIDER_CONFIG, HistoryEvent::UPDATE, HistoryEvent::SPEND, HistoryEvent::TOUCHED, HistoryEvent::OUTCOME]);
        usort($events, static fn (HistoryEvent $a, HistoryEvent $b): int => [$a->at->getTimestamp(), $order[$a->type]] <=> [$b->at->getTimestamp(), $order[$b->type]]);
        return ['events' => $events, 'runs' => count($rows), 'truncated' => $truncated];
    }

    /** @return list<HistoryEvent> provider outages, provider configuration changes and updates the audit log recorded */
    private function site_events(\DateTimeImmutable $since): array
    {
        $table = $this->schema->audit_table();
        $rows = $this->db->get_results($this->db->prepare(
            "SELECT action, scope, before_state, after_state, reason, context, created_at FROM {$table} WHERE created_at >= %s AND action IN ('provider_status', 'provider_updated', 'update_installed') ORDER BY id ASC LIMIT %d", // phpcs:ignore
            $since->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d H:i:s'),
            self::MAX_SITE_EVENTS
        ), ARRAY_A) ?: [];
        $events = [];
        foreach ($rows as $row) {
            $at = self::time((string) $row['created_at']);
            $provider = str_starts_with((string) $row['scope'], 'provider:') ? substr((string) $row['scope'], 9) : '';
            if ($row['action'] === 'update_installed') {
                $events[] = new HistoryEvent(HistoryEvent::UPDATE, $at, '', false, 0.0, '', '', (string) $row['reason']);
            } elseif ($row['action'] === 'provider_status' && $row['after_state'] === 'outage' && $row['before_state'] !== 'outage' && $provider !== '') {
                $events[] = new HistoryEvent(HistoryEvent::PROVIDER_OUTAGE, $at, '', false, 0.0, '', $provider);
            } elseif ($row['action'] === 'provider_updated' && $provider !== '') {
                $context = json_decode((string) $row['context'], true);
                $fields = array_values(array_intersect(ProviderBreaker::BEHAVIOUR_FIELDS, is_array($context['fields'] ?? null) ? $context['fields'] : []));
                if ($fields !== []) {
                    $events[] = new HistoryEvent(HistoryEvent::PROVIDER_CONFIG, $at, '', false, 0.0, '', $provider, implode(', ', $fields));
                }
            }
        }
        return $events;
    }

    private static function time(string $sql): \DateTimeImmutable
    {
        return new \DateTimeImmutable($sql, new \DateTimeZone('UTC'));
    }
}
