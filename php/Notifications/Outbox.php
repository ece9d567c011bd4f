<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Notifications;

use SophMate\SafeMode\Storage\Schema\Schema;

/**
 * The notification outbox table: one row per message and target. A row is `pending` until its
 * first try, `retrying` after a failed try with another one planned, `sending` while a worker
 * holds it (a lease: a worker that died leaves it due again when next_attempt_at passes), then
 * `sent` or `failed` (gave up after the last backoff step).
 */
final class Outbox
{
    public const STATUSES = ['pending', 'retrying', 'sending', 'sent', 'failed'];
    public const CHANNELS = ['email', 'webhook'];
    private const LEASE_MINUTES = 10;

    public function __construct(private readonly \wpdb $db, private readonly Schema $schema)
    {
    }

    /** @param array<string,mixed> $payload */
    public function enqueue(string $event, string $scope, string $channel, string $target, string $subject, array $payload, \DateTimeImmutable $now): int
    {
        $ok = $this->db->insert($this->schema->notifications_table(), [
            'created_at' => self::sql($now),
            'event' => substr($event, 0, 40),
            'scope' => substr($scope, 0, 140),
            'channel' => $channel,
            'target' => substr($target, 0, 500),
            'subject' => mb_substr($subject, 0, 255),
            'payload' => (string) wp_json_encode($payload, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE),
            'status' => 'pending',
            'attempts' => 0,
            'next_attempt_at' => self::sql($now),
        ]);
        if ($ok === false) {
            throw new \RuntimeException('The notification outbox is not writable: ' . $this->db->last_error);
        }
        return (int) $this->db->insert_id;
    }

    /**
     * Takes a row for delivery if nobody else holds it and it is due. Returns the row, or null.
     *
     * @return array<string,mixed>|null
     */
    public function claim(int $id, \DateTimeImmutable $now): ?array
    {
        $table = $this->schema->notifications_table();
        $claimed = $this->db->query($this->db->prepare(
            "UPDATE {$table} SET status = 'sending', next_attempt_at = %s WHERE id = %d AND (status IN ('pending','retrying') OR status = 'sending') AND (next_attempt_at IS NULL OR next_attempt_at <= %s)", // phpcs:ignore
            self::sql($now->modify('+' . self::LEASE_MINUTES . ' minutes')),
            $id,
            self::sql($now)
        ));
        return $claimed === 1 ? $this->get($id) : null;
    }

    /** @return list<int> ids of rows due for a try (first tries, retries, and leases that expired) */
    public function due_ids(\DateTimeImmutable $now, int $limit = 50): array
    {
        $table = $this->schema->notifications_table();
        $ids = $this->db->get_col($this->db->prepare(
            "SELECT id FROM {$table} WHERE status IN ('pending','retrying','sending') AND next_attempt_at <= %s ORDER BY next_attempt_at, id LIMIT %d", // phpcs:ignore
            self::sql($now),
            $limit
        ));
        return array_map('intval', $ids ?: []);
    }

    /** The earliest planned try, to schedule the retry job for. */
    public function next_due(): ?\DateTimeImmutable
    {
        $table = $this->schema->notifications_table();
        $at = $this->db->get_var("SELECT MIN(next_attempt_at) FROM {$table} WHERE status IN ('pending','retrying','sending')"); // phpcs:ignore
        return is_string($at) && $at !== '' ? new \DateTimeImmutable($at, new \DateTimeZone('UTC')) : null;
    }

    public function mark_sent(int $id, int $attempts, \DateTimeImmutable $now): void
    {
        $this->db->update($this->schema->notifications_table(), [
            'status' => 'sent',
            'attempts' => $attempts,
            'sent_at' => self::sql($now),
            'next_attempt_at' => null,
            'last_error' => null,
        ], ['id' => $id]);
    }

    public function mark_failed(int $id, int $attempts, string $error, ?\DateTimeImmutable $next_attempt): void
    {
        $this->db->update($this->schema->notifications_table(), [
            'status' => $next_attempt === null ? 'failed' : 'retrying',
            'attempts' => $attempts,
            'last_error' => mb_substr($error, 0, 2000),
            'next_attempt_at' => $next_attempt === null ? null : self::sql($next_attempt),
        ], ['id' => $id]);
    }

    /** An operator asked to try again now: the row is due at once, its attempts so far are kept. */
    public function requeue(int $id, \DateTimeImmutable $now): bool
    {
        $table = $this->schema->notifications_table();
        $changed = $this->db->query($this->db->prepare(
            "UPDATE {$table} SET status = 'retrying', next_attempt_at = %s WHERE id = %d AND status IN ('pending','retrying','failed')", // phpcs:ignore
            self::sql($now),
            $id
        ));
        return $changed === 1;
    }

    /** @return array<string,mixed>|null */
    public function get(int $id): ?array
    {
        $table = $this->schema->notifications_table();
        $row = $this->db->get_row($this->db->prepare("SELECT * FROM {$table} WHERE id = %d", $id), ARRAY_A); // phpcs:ignore
        return is_array($row) ? $row : null;
    }

    /**
     * Newest first.
     *
     * @param array{status?:?string,event?:?string,channel?:?string} $filters
     * @return array{items:list<array<string,mixed>>,total:int}
     */
    public function find(array $filters, int $page, int $per_page): array
    {
        $table = $this->schema->notifications_table();
        $where = ['1=1'];
        $args = [];
        foreach (['status', 'event', 'channel'] as $column) {
            if (($filters[$column] ?? null) !== null) {
                $where[] = "{$column} = %s";
                $args[] = (string) $filters[$column];
            }
        }
        $where_sql = implode(' AND ', $where);
        $count_sql = "SELECT COUNT(*) FROM {$table} WHERE {$where_sql}";
        $total = (int) $this->db->get_var($args === [] ? $count_sql : $this->db->prepare($count_sql, ...$args)); // phpcs:ignore
        $rows = $this->db->get_results($this->db->prepare(
            "SELECT * FROM {$table} WHERE {$where_sql} ORDER BY created_at DESC, id DESC LIMIT %d OFFSET %d", // phpcs:ignore
            ...[...$args, $per_page, max(0, ($page - 1) * $per_page)]
        ), ARRAY_A) ?: [];
        return ['items' => array_values($rows), 'total' => $total];
    }

    /**
     * Deletes delivered and given-up rows created before $before, a batch at a time; rows still
     * waiting for a try are kept whatever their age.
     */
    public function prune(\DateTimeImmutable $before, int $limit = 1000): int
    {
        $table = $this->schema->notifications_table();
        $deleted = $this->db->query($this->db->prepare(
            "DELETE FROM {$table} WHERE status IN ('sent','failed') AND created_at < %s ORDER BY id LIMIT %d", // phpcs:ignore
            self::sql($before),
            $limit
        ));
        return is_int($deleted) ? $deleted : 0;
    }

    public function count_status(string $status): int
    {
        $table = $this->schema->notifications_table();
        return (int) $this->db->get_var($this->db->prepare("SELECT COUNT(*) FROM {$table} WHERE status = %s", $status)); // phpcs:ignore
    }

    private static function sql(\DateTimeImmutable $time): string
    {
        return $time->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d H:i:s');
    }
}
