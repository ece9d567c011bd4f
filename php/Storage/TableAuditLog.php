<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Storage;

use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Audit\AuditEntry;
use SophMate\SafeMode\Domain\Audit\AuditQuery;
use SophMate\SafeMode\Domain\Audit\ChainVerification;
use SophMate\SafeMode\Domain\Exception\StorageUnavailable;
use SophMate\SafeMode\Storage\Schema\Schema;

/**
 * Audit entries in a custom table, each hashed together with the previous entry's hash.
 * Appends take a named database lock so concurrent writers cannot fork the chain.
 */
final class TableAuditLog implements AuditLog
{
    private const LOCK = 'sophmate_safe_mode_audit';

    public function __construct(private readonly \wpdb $db, private readonly Schema $schema)
    {
    }

    public function append(AuditEntry $entry): int
    {
        $table = $this->schema->audit_table();
        $lock = DatabaseLock::acquire($this->db, self::LOCK, 10);
        if ($lock === null) {
            throw new StorageUnavailable('sophmate_audit_busy', 'The audit log is locked by another writer; try again.');
        }
        try {
            $prev = (string) $this->db->get_var("SELECT hash FROM {$table} ORDER BY id DESC LIMIT 1");
            $inserted = $this->db->insert($table, [
                'created_at' => $entry->created_at->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d H:i:s'),
                'action' => $entry->action,
                'scope' => $entry->scope,
                'before_state' => $entry->before,
                'after_state' => $entry->after,
                'reason' => $entry->reason,
                'actor_id' => $entry->actor->id,
                'actor_login' => $entry->actor->login,
                'actor_name' => $entry->actor->name,
                'source' => $entry->source,
                'context' => wp_json_encode((object) $entry->context),
                'prev_hash' => $prev,
                'hash' => $entry->hash_with($prev),
            ]);
            if ($inserted !== 1) {
                throw new StorageUnavailable('sophmate_audit_write_failed', 'The audit entry could not be written: ' . $this->db->last_error);
            }
            return (int) $this->db->insert_id;
        } finally {
            $lock->release();
        }
    }

    public function find(AuditQuery $query): array
    {
        $table = $this->schema->audit_table();
        $where = ['1=1'];
        $args = [];
        if ($query->scope !== null) {
            $where[] = 'scope = %s';
            $args[] = $query->scope;
        }
        if ($query->action !== null) {
            $where[] = 'action = %s';
            $args[] = $query->action;
        }
        if ($query->actor_id !== null) {
            $where[] = 'actor_id = %d';
            $args[] = $query->actor_id;
        }
        if ($query->since !== null) {
            $where[] = 'created_at >= %s';
            $args[] = $query->since->format('Y-m-d H:i:s');
        }
        if ($query->until !== null) {
            $where[] = 'created_at <= %s';
            $args[] = $query->until->format('Y-m-d H:i:s');
        }
        $sql_where = implode(' AND ', $where);
        $count_sql = "SELECT COUNT(*) FROM {$table} WHERE {$sql_where}";
        $total = (int) $this->db->get_var($args === [] ? $count_sql : $this->db->prepare($count_sql, ...$args));
        $offset = max(0, ($query->page - 1) * $query->per_page);
        $rows_sql = "SELECT * FROM {$table} WHERE {$sql_where} ORDER BY id DESC LIMIT %d OFFSET %d";
        $rows = $this->db->get_results($this->db->prepare($rows_sql, ...[...$args, $query->per_page, $offset]), ARRAY_A) ?: [];
        return ['items' => array_map([self::class, 'hydrate'], $rows), 'total' => $total];
    }

    public function verify(): ChainVerification
    {
        $table = $this->schema->audit_table();
        $prev = '';
        $checked = 0;
        $last_id = 0;
        do {
            // Batches keep memory flat on long histories.
            $rows = $this->db->get_results($this->db->prepare("SELECT * FROM {$table} WHERE id > %d ORDER BY id ASC LIMIT 500", $last_id), ARRAY_A) ?: [];
            foreach ($rows as $row) {
                $entry = self::hydrate($row);
                $checked++;
                if ($entry->prev_hash !== $prev || !hash_equals($entry->hash_with($prev), $entry->hash)) {
                    return new ChainVerification(false, $checked, (int) $row['id']);
                }
                $prev = $entry->hash;
                $last_id = (int) $row['id'];
            }
        } while (count($rows) === 500);
        return new ChainVerification(true, $checked);
    }

    /** @param array<string,string|null> $row */
    private static function hydrate(array $row): AuditEntry
    {
        $context = json_decode((string) ($row['context'] ?? '{}'), true);
        return new AuditEntry(
            (string) $row['action'],
            (string) $row['scope'],
            (string) $row['before_state'],
            (string) $row['after_state'],
            (string) $row['reason'],
            new Actor((int) $row['actor_id'], (string) $row['actor_login'], (string) $row['actor_name']),
            (string) $row['source'],
            new \DateTimeImmutable((string) $row['created_at'], new \DateTimeZone('UTC')),
            is_array($context) ? $context : [],
            (int) $row['id'],
            (string) $row['hash'],
            (string) $row['prev_hash'],
        );
    }
}
