<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Storage;

use SophMate\SafeMode\Domain\Exception\StorageUnavailable;

/**
 * A database transaction on WordPress' own connection (InnoDB: wp_options and the plugin's tables).
 * A nested call joins the outer transaction. After a commit the callbacks given at construction run:
 * caches must be dropped after the commit, not before, or another worker (or web node sharing a
 * persistent object cache) could re-cache the old value in between.
 */
final class DatabaseTransaction implements Transaction
{
    private int $depth = 0;

    /** @param list<callable():void> $after_commit */
    public function __construct(private readonly \wpdb $db, private readonly array $after_commit = [])
    {
    }

    public function atomically(callable $work): mixed
    {
        if ($this->depth > 0) {
            return $work();
        }
        // wpdb silently reconnects when the connection drops: the server has then discarded the
        // transaction, and later statements would commit on their own on the new connection (an
        // audit entry without its switch change). No reconnect inside a transaction: a lost
        // database ends it, whole.
        $retries = $this->db->reconnect_retries;
        $this->db->reconnect_retries = 0;
        try {
            return $this->run($work);
        } finally {
            $this->db->reconnect_retries = $retries;
        }
    }

    private function run(callable $work): mixed
    {
        if ($this->db->query('START TRANSACTION') === false) {
            throw new StorageUnavailable('sophmate_storage_unavailable', 'The database is unavailable, so nothing was changed: ' . $this->db->last_error);
        }
        $this->depth++;
        try {
            $result = $work();
        } catch (\Throwable $e) {
            $this->depth--;
            // If the connection is gone the server has already discarded the transaction.
            $this->db->query('ROLLBACK');
            throw $e;
        }
        $this->depth--;
        if ($this->db->query('COMMIT') === false) {
            $this->db->query('ROLLBACK');
            throw new StorageUnavailable('sophmate_storage_unavailable', 'The database went away before the change could be saved, so nothing was changed: ' . $this->db->last_error);
        }
        foreach ($this->after_commit as $callback) {
            $callback();
        }
        return $result;
    }
}
