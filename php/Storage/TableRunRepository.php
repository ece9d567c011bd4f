<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Storage;

use SophMate\SafeMode\Domain\Runs\RunQuery;
use SophMate\SafeMode\Domain\Runs\RunRecord;
use SophMate\SafeMode\Domain\Runs\RunStatus;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Storage\Schema\Schema;

final class TableRunRepository implements RunRepository
{
    public function __construct(private readonly \wpdb $db, private readonly Schema $schema)
    {
    }

    public function create(string $automation, string $category, string $trigger, RunStatus $status, bool $read_only, int $attempt, string $decision_scope, string $reason, array $context, \DateTimeImmutable $at): int
    {
        // A prepared INSERT rather than wpdb::insert(): this is the hot path of run recording and
        // insert() re-checks column charsets on every call.
        $inserted = $this->db->query($this->db->prepare(
            "INSERT INTO {$this->schema->runs_table()} (automation, category, run_trigger, status, started_at, finished_at, read_only, attempt, decision_scope, reason, context) VALUES (%s, %s, %s, %s, %s, "
            . ($status->is_final() ? '%s' : 'NULL') . ', %d, %d, %s, %s, ' . ($context === [] ? 'NULL' : '%s') . ')',
            ...array_values(array_filter([
                $automation,
                $category,
                mb_substr($trigger, 0, 32),
                $status->value,
                self::sql_time($at),
                $status->is_final() ? self::sql_time($at) : null,
                $read_only ? 1 : 0,
                max(1, $attempt),
                mb_substr($decision_scope, 0, 140),
                $reason,
                $context === [] ? null : (string) wp_json_encode($context),
            ], static fn ($v) => $v !== null))
        ));
        // wpdb keeps the previous insert_id when an INSERT fails: returning it would hand this run
        // someone else's row. 0 means "not recorded", and callers treat that as not allowed to run.
        return $inserted === 1 ? (int) $this->db->insert_id : 0;
    }

    public function finish(int $run_id, RunStatus $status, \DateTimeImmutable $at, ?string $failed_step, ?string $error, array $spend): void
    {
        $this->db->query($this->db->prepare(
            "UPDATE {$this->schema->runs_table()} SET status = %s, finished_at = %s, failed_step = NULLIF(%s, ''), error = NULLIF(%s, ''), spend = NULLIF(%s, '') WHERE id = %d",
            $status->value,
            self::sql_time($at),
            $failed_step === null ? '' : mb_substr($failed_step, 0, 191),
            (string) $error,
            $spend === [] ? '' : (string) wp_json_encode($spend),
            $run_id
        ));
    }

    public function finish_if_running(int $run_id, RunStatus $status, \DateTimeImmutable $at): void
    {
        $this->db->query($this->db->prepare(
            "UPDATE {$this->schema->runs_table()} SET status = %s, finished_at = %s WHERE id = %d AND status = 'running'",
            $status->value,
            self::sql_time($at),
            $run_id
        ));
    }

    public function set_status(int $run_id, RunStatus $status): void
    {
        $this->db->update($this->schema->runs_table(), ['status' => $status->value], ['id' => $run_id]);
    }

    public function add_event(int $run_id, string $type, array $fields, \DateTimeImmutable $at): void
    {
        $this->db->insert($this->schema->run_events_table(), [
            'run_id' => $run_id,
            'created_at' => self::sql_time($at),
            'type' => $type,
            'name' => mb_substr((string) ($fields['name'] ?? ''), 0, 191),
            'amount' => $fields['amount'] ?? null,
            'unit' => $fields['unit'] ?? null,
            'record_type' => $fields['record_type'] ?? null,
            'record_id' => isset($fields['record_id']) ? (string) $fields['record_id'] : null,
            'record_action' => $fields['record_action'] ?? null,
            'data' => isset($fields['data']) ? wp_json_encode($fields['data']) : null,
        ]);
    }

    public function add_events(int $run_id, array $events): void
    {
        $rows = [];
        foreach ($events as $event) {
            $f = $event['fields'];
            $rows[] = $this->db->prepare(
                '(%d,%s,%s,%s,' . (isset($f['amount']) ? '%f' : 'NULL') . ',%s,%s,%s,%s,%s)',
                ...array_values(array_filter([
                    $run_id,
                    self::sql_time($event['at']),
                    $event['type'],
                    mb_substr((string) ($f['name'] ?? ''), 0, 191),
                    isset($f['amount']) ? (float) $f['amount'] : null,
                    (string) ($f['unit'] ?? ''),
                    (string) ($f['record_type'] ?? ''),
                    isset($f['record_id']) ? (string) $f['record_id'] : '',
                    (string) ($f['record_action'] ?? ''),
                    isset($f['data']) ? (string) wp_json_encode($f['data']) : '',
                ], static fn ($v) => $v !== null))
            );
        }
        if ($rows !== []) {
            $this->db->query("INSERT INTO {$this->schema->run_events_table()} (run_id, created_at, type, name, amount, unit, record_type, record_id, record_action, data) VALUES " . implode(',', $rows)); // phpcs:ignore -- every row prepared above
        }
    }

    public function find(RunQuery $query): array
    {
        $table = $this->schema->runs_table();
        [$where, $args] = $this->where($query);
        $count_sql = "SELECT COUNT(*) FROM {$table} WHERE {$where}";
        $total = (int) $this->db->get_var($args === [] ? $count_sql : $this->db->prepare($count_sql, ...$args));
        $offset = max(0, ($query->page - 1) * $query->per_page);
        $rows = $this->db->get_results(
            $this->db->prepare("SELECT * FROM {$table} WHERE {$where} ORDER BY started_at DESC, id DESC LIMIT %d OFFSET %d", ...[...$args, $query->per_page, $offset]),
            ARRAY_A
        ) ?: [];
        $events = $this->events_for(array_map(static fn (array $r): int => (int) $r['id'], $rows));
        return ['items' => array_map(fn (array $row): RunRecord => $this->hydrate($row, $events[(int) $row['id']] ?? []), $rows), 'total' => $total];
    }

    public function count_by_status(RunQuery $query): array
    {
        [$where, $args] = $this->where($query);
        $sql = "SELECT status, COUNT(*) AS n FROM {$this->schema->runs_table()} WHERE {$where} GROUP BY status";
        $rows = $this->db->get_results($args === [] ? $sql : $this->db->prepare($sql, ...$args), ARRAY_A) ?: [];
        $out = array_fill_keys(RunStatus::values(), 0);
        foreach ($rows as $row) {
            $out[(string) $row['status']] = (int) $row['n'];
        }
        $out['total'] = array_sum($out);
        return $out;
    }

    public function touched_records(RunQuery $query, int $limit): array
    {
        [$where, $args] = $this->where($query);
        // Newest first; the subquery keeps the run filters identical to find().
        $sql = "SELECT run_id, created_at, record_type, record_id, record_action FROM {$this->schema->run_events_table()}"
            . " WHERE type = 'touched' AND run_id IN (SELECT id FROM {$this->schema->runs_table()} WHERE {$where}) ORDER BY id DESC LIMIT %d";
        $rows = $this->db->get_results($this->db->prepare($sql, ...[...$args, $limit]), ARRAY_A) ?: [];
        return array_map(static fn (array $r): array => [
            'type' => (string) $r['record_type'],
            'id' => (string) $r['record_id'],
            'action' => (string) $r['record_action'],
            'run_id' => (int) $r['run_id'],
            'at' => self::iso((string) $r['created_at']),
        ], $rows);
    }

    public function get(int $run_id): ?RunRecord
    {
        $row = $this->db->get_row($this->db->prepare("SELECT * FROM {$this->schema->runs_table()} WHERE id = %d", $run_id), ARRAY_A);
        if (!is_array($row)) {
            return null;
        }
        return $this->hydrate($row, $this->events_for([$run_id])[$run_id] ?? []);
    }

    public function abandon_stuck(\DateTimeImmutable $started_before, \DateTimeImmutable $now, int $limit = 500): array
    {
        $rows = $this->db->get_results($this->db->prepare(
            "SELECT id, automation, attempt, context FROM {$this->schema->runs_table()} WHERE status = 'running' AND started_at < %s ORDER BY id LIMIT %d",
            self::sql_time($started_before),
            $limit
        ), ARRAY_A) ?: [];
        $marked = [];
        foreach ($rows as $row) {
            // Conditional, so a run that finished meanwhile keeps its real outcome and is not retried.
            $updated = $this->db->query($this->db->prepare(
                "UPDATE {$this->schema->runs_table()} SET status = 'failed', error = %s, finished_at = %s WHERE id = %d AND status = 'running'",
                'abandoned: still running past the timeout (worker killed or fatal error)',
                self::sql_time($now),
                (int) $row['id']
            ));
            if ($updated === 1) {
                $context = json_decode((string) ($row['context'] ?? ''), true);
                $marked[] = ['id' => (int) $row['id'], 'automation' => (string) $row['automation'], 'attempt' => (int) $row['attempt'], 'context' => is_array($context) ? $context : []];
            }
        }
        return $marked;
    }

    public function prune(\DateTimeImmutable $started_before, int $limit): int
    {
        $ids = array_map('intval', $this->db->get_col($this->db->prepare(
            "SELECT id FROM {$this->schema->runs_table()} WHERE started_at < %s ORDER BY id LIMIT %d",
            self::sql_time($started_before),
            $limit
        )));
        if ($ids === []) {
            return 0;
        }
        $in = implode(',', $ids);
        $this->db->query("DELETE FROM {$this->schema->run_events_table()} WHERE run_id IN ({$in})"); // phpcs:ignore -- integers only
        return (int) $this->db->query("DELETE FROM {$this->schema->runs_table()} WHERE id IN ({$in})"); // phpcs:ignore
    }

    public function latest_runs_by_category(): array
    {
        return $this->latest_runs_by('category');
    }

    public function latest_runs_by_automation(): array
    {
        return $this->latest_runs_by('automation');
    }

    /**
     * The newest run per value of a column, in one query whatever the number of categories or
     * automations: GET /status must not cost a query per row. The inner MAX() is answered from the
     * (column, started_at) index; ties on started_at go to the highest id.
     *
     * @return array<string,array{id:int,status:string,started_at:string,automation:string,failed_step:?string}>
     */
    private function latest_runs_by(string $column): array
    {
        // $column comes from the two callers above, never from input.
        $table = $this->schema->runs_table();
        $rows = $this->db->get_results(
            "SELECT r.id, r.status, r.started_at, r.automation, r.category, r.failed_step FROM {$table} r"
            . " JOIN (SELECT {$column}, MAX(started_at) AS newest FROM {$table} GROUP BY {$column}) m"
            . " ON r.{$column} = m.{$column} AND r.started_at = m.newest ORDER BY r.id DESC",
            ARRAY_A
        ) ?: [];
        $latest = [];
        foreach ($rows as $row) {
            $key = (string) $row[$column];
            $latest[$key] ??= [
                'id' => (int) $row['id'],
                'status' => (string) $row['status'],
                'started_at' => self::iso((string) $row['started_at']),
                'automation' => (string) $row['automation'],
                'failed_step' => $row['failed_step'] === null ? null : (string) $row['failed_step'],
            ];
        }
        return $latest;
    }

    public function counts_by_category(\DateTimeImmutable $since): array
    {
        $rows = $this->db->get_results($this->db->prepare(
            "SELECT category, status, COUNT(*) AS n FROM {$this->schema->runs_table()} WHERE started_at >= %s GROUP BY category, status",
            self::sql_time($since)
        ), ARRAY_A) ?: [];
        $out = [];
        foreach ($rows as $row) {
            $out[(string) $row['category']][(string) $row['status']] = (int) $row['n'];
        }
        return $out;
    }

    public function counts_per_hour(\DateTimeImmutable $since, ?string $category = null): array
    {
        $sql = "SELECT DATE_FORMAT(started_at, '%%Y-%%m-%%d %%H:00:00') AS hour, status, COUNT(*) AS n FROM {$this->schema->runs_table()} WHERE started_at >= %s"
            . ($category !== null ? ' AND category = %s' : '') . ' GROUP BY hour, status ORDER BY hour';
        $args = $category !== null ? [self::sql_time($since), $category] : [self::sql_time($since)];
        $rows = $this->db->get_results($this->db->prepare($sql, ...$args), ARRAY_A) ?: [];
        return array_map(static fn (array $r): array => ['hour' => self::iso((string) $r['hour']), 'status' => (string) $r['status'], 'count' => (int) $r['n']], $rows);
    }

    public function spend_per_day(\DateTimeImmutable $since, ?string $category = null): array
    {
        $sql = "SELECT DATE(e.created_at) AS day, r.category, e.unit, SUM(e.amount) AS amount FROM {$this->schema->run_events_table()} e
            JOIN {$this->schema->runs_table()} r ON r.id = e.run_id WHERE e.type = 'spend' AND e.created_at >= %s"
            . ($category !== null ? ' AND r.category = %s' : '') . ' GROUP BY day, r.category, e.unit ORDER BY day';
        $args = $category !== null ? [self::sql_time($since), $category] : [self::sql_time($since)];
        $rows = $this->db->get_results($this->db->prepare($sql, ...$args), ARRAY_A) ?: [];
        return array_map(static fn (array $r): array => ['day' => (string) $r['day'], 'category' => (string) $r['category'], 'unit' => (string) $r['unit'], 'amount' => round((float) $r['amount'], 6)], $rows);
    }

    private static function iso(string $sql_time): string
    {
        return (new \DateTimeImmutable($sql_time, new \DateTimeZone('UTC')))->format('Y-m-d\TH:i:s\Z');
    }

    public function runs_since(string $scope, \DateTimeImmutable $since): int
    {
        [$column, $value] = self::scope_column($scope);
        $started = RunStatus::started();
        $placeholders = implode(',', array_fill(0, count($started), '%s'));
        return (int) $this->db->get_var($this->db->prepare(
            "SELECT COUNT(*) FROM {$this->schema->runs_table()} WHERE {$column} = %s AND started_at >= %s AND status IN ({$placeholders})",
            $value,
            self::sql_time($since),
            ...$started
        ));
    }

    public function outcomes_since(string $scope, \DateTimeImmutable $since): array
    {
        [$column, $value] = self::scope_column($scope);
        $rows = $this->db->get_results($this->db->prepare(
            "SELECT status, COUNT(*) AS n FROM {$this->schema->runs_table()} WHERE {$column} = %s AND started_at >= %s AND status IN ('succeeded','failed') GROUP BY status",
            $value,
            self::sql_time($since)
        ), ARRAY_A) ?: [];
        $out = ['succeeded' => 0, 'failed' => 0];
        foreach ($rows as $row) {
            $out[(string) $row['status']] = (int) $row['n'];
        }
        return $out;
    }

    /** @return array{0:string,1:string} */
    private static function scope_column(string $scope): array
    {
        $parsed = Scope::parse($scope);
        return [$parsed->kind === Scope::CATEGORY ? 'category' : 'automation', $parsed->id];
    }

    /** @return array{0:string,1:list<string|int>} */
    private function where(RunQuery $query): array
    {
        $where = ['1=1'];
        $args = [];
        foreach (['category' => $query->category, 'automation' => $query->automation, 'status' => $query->status] as $column => $value) {
            if ($value !== null) {
                $where[] = "{$column} = %s";
                $args[] = $value;
            }
        }
        if ($query->since !== null) {
            $where[] = 'started_at >= %s';
            $args[] = self::sql_time($query->since);
        }
        if ($query->until !== null) {
            $where[] = 'started_at <= %s';
            $args[] = self::sql_time($query->until);
        }
        return [implode(' AND ', $where), $args];
    }

    /**
     * @param list<int> $run_ids
     * @return array<int,list<array<string,mixed>>>
     */
    private function events_for(array $run_ids): array
    {
        if ($run_ids === []) {
            return [];
        }
        $placeholders = implode(',', array_fill(0, count($run_ids), '%d'));
        $rows = $this->db->get_results($this->db->prepare(
            "SELECT * FROM {$this->schema->run_events_table()} WHERE run_id IN ({$placeholders}) ORDER BY id ASC",
            ...$run_ids
        ), ARRAY_A) ?: [];
        $by_run = [];
        foreach ($rows as $row) {
            $by_run[(int) $row['run_id']][] = $row;
        }
        return $by_run;
    }

    /**
     * @param array<string,string|null> $row
     * @param list<array<string,mixed>> $events
     */
    private function hydrate(array $row, array $events): RunRecord
    {
        $steps = [];
        $touched = [];
        foreach ($events as $event) {
            $at = (new \DateTimeImmutable((string) $event['created_at'], new \DateTimeZone('UTC')))->format('Y-m-d\TH:i:s\Z');
            if ($event['type'] === 'step') {
                $steps[] = ['name' => (string) $event['name'], 'at' => $at];
            } elseif ($event['type'] === 'touched') {
                $touched[] = ['type' => (string) $event['record_type'], 'id' => (string) $event['record_id'], 'action' => (string) $event['record_action'], 'run_id' => (int) $row['id']];
            }
        }
        $spend = json_decode((string) ($row['spend'] ?? ''), true);
        $context = json_decode((string) ($row['context'] ?? ''), true);
        return new RunRecord(
            (int) $row['id'],
            (string) $row['automation'],
            (string) $row['category'],
            (string) $row['run_trigger'],
            RunStatus::tryFrom((string) $row['status']) ?? RunStatus::Failed,
            new \DateTimeImmutable((string) $row['started_at'], new \DateTimeZone('UTC')),
            $row['finished_at'] !== null ? new \DateTimeImmutable((string) $row['finished_at'], new \DateTimeZone('UTC')) : null,
            (bool) $row['read_only'],
            (int) $row['attempt'],
            $row['failed_step'],
            $row['error'],
            is_array($spend) ? array_map('floatval', $spend) : [],
            (string) $row['decision_scope'],
            (string) ($row['reason'] ?? ''),
            $touched,
            $steps,
            is_array($context) ? $context : [],
        );
    }

    private static function sql_time(\DateTimeImmutable $at): string
    {
        return $at->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d H:i:s');
    }
}
