<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Storage;

/**
 * A named lock held by this database connection (MariaDB's GET_LOCK): every PHP worker and web
 * node sharing the database sees it, and the server frees it if the holder dies. Lock names are
 * server-wide, so callers include the table prefix where several sites share a server.
 */
final class DatabaseLock
{
    private function __construct(private readonly \wpdb $db, private readonly string $name)
    {
    }

    /** The lock once held, waiting up to $wait_seconds (0: not at all); null when another holder kept it. */
    public static function acquire(\wpdb $db, string $name, int $wait_seconds): ?self
    {
        $got = (int) $db->get_var($db->prepare('SELECT GET_LOCK(%s, %d)', $name, max(0, $wait_seconds)));
        return $got === 1 ? new self($db, $name) : null;
    }

    public function release(): void
    {
        $this->db->query($this->db->prepare('SELECT RELEASE_LOCK(%s)', $this->name));
    }
}
