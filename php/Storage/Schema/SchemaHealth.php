<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Storage\Schema;

/**
 * Whether the plugin's tables are all there, with every column, at the current schema version.
 * Older schemas are upgraded on plugins_loaded; what cannot be fixed that way (a dropped table, a
 * table restored from an older backup, a failed upgrade) is a problem: automation is held (fail
 * closed) and the problem is reported until someone repairs it.
 *
 * Decisions must cost no query, so they read an alarm kept in a small autoloaded option. The real
 * check (SHOW TABLES and one information_schema query) runs where a query is already being paid
 * for: after an upgrade, when a run could not be recorded, in the hourly maintenance, and where an
 * operator looks (status, Site Health); each check raises or clears the alarm.
 */
final class SchemaHealth
{
    public const ALARM_OPTION = 'sophmate_safe_mode_storage_alarm';

    private bool $healthy = false;

    public function __construct(private readonly \wpdb $db, private readonly Schema $schema)
    {
    }

    /** Creates every missing table and column (idempotent: dbDelta only adds what is missing). */
    public function repair(): ?string
    {
        $this->schema->install();
        $this->forget();
        return $this->problem();
    }

    /** Null when storage is healthy; otherwise what is wrong, in words an operator can act on. */
    public function problem(): ?string
    {
        if ($this->healthy) {
            return null;
        }
        // Only a healthy answer is kept for the request: a repair made meanwhile (another
        // process, activation) is seen at the next check.
        $problem = $this->detect();
        $this->healthy = $problem === null;
        $this->set_alarm($problem);
        return $problem;
    }

    /** The last check's problem, read from the autoloaded alarm: no query. */
    public function alarm(): ?string
    {
        // From the autoloaded options WordPress loaded at boot: get_option() on a missing option
        // would cost a query on every request where nothing is wrong.
        $alarm = wp_load_alloptions()[self::ALARM_OPTION] ?? '';
        return is_string($alarm) && $alarm !== '' ? $alarm : null;
    }

    private function set_alarm(?string $problem): void
    {
        if ($problem === $this->alarm()) {
            return;
        }
        if ($problem === null) {
            delete_option(self::ALARM_OPTION);
            return;
        }
        // Autoloaded, so a decision reads it for free; written only when the verdict changes.
        update_option(self::ALARM_OPTION, $problem, true);
    }

    public function forget(): void
    {
        $this->healthy = false;
    }

    private function detect(): ?string
    {
        $installed = $this->schema->installed_version();
        if ($installed !== Schema::VERSION) {
            return sprintf(
                'the database schema is at version %d, this plugin needs version %d, and the upgrade has not completed',
                $installed,
                Schema::VERSION
            );
        }
        $like = $this->db->esc_like($this->db->prefix . 'sophmate_') . '%';
        $found = $this->db->get_col($this->db->prepare('SHOW TABLES LIKE %s', $like));
        if ($found === [] && $this->db->last_error !== '') {
            return 'the database could not be asked which tables exist: ' . $this->db->last_error;
        }
        $missing = array_values(array_diff($this->schema->tables(), $found));
        if ($missing !== []) {
            return sprintf('table(s) missing: %s', implode(', ', $missing));
        }
        return $this->outdated_tables();
    }

    /** A table restored from an older schema (the version option says current, a column is missing). */
    private function outdated_tables(): ?string
    {
        $rows = $this->db->get_results($this->db->prepare(
            'SELECT TABLE_NAME AS t, COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE %s',
            $this->db->esc_like($this->db->prefix . 'sophmate_') . '%'
        ), ARRAY_A) ?: [];
        $have = [];
        foreach ($rows as $row) {
            $have[(string) $row['t']][] = strtolower((string) $row['c']);
        }
        $problems = [];
        foreach ($this->schema->columns() as $table => $columns) {
            $lacking = array_diff($columns, $have[$table] ?? []);
            if ($lacking !== []) {
                $problems[] = sprintf('%s lacks %s', $table, implode(', ', $lacking));
            }
        }
        return $problems === [] ? null : 'table(s) from an older schema version: ' . implode('; ', $problems);
    }
}
