<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration\Faults;

use SophMate\SafeMode\Storage\Schema\Schema;
use SophMate\SafeMode\Tests\integration\IntegrationTestCase;

/**
 * Moves the plugin's real tables aside (RENAME, data kept) so a test can drop or replace them, and
 * always puts them back in tearDown, so the shared test site is left exactly as it was.
 */
abstract class TableFaultsTestCase extends IntegrationTestCase
{
    protected const ASIDE = '_faults_aside';

    protected function tearDown(): void
    {
        foreach ($this->services->schema->tables() as $table) {
            if ($this->table_exists($table . self::ASIDE)) {
                $this->db->query("DROP TABLE IF EXISTS {$table}"); // phpcs:ignore -- our own table names
                $this->db->query("RENAME TABLE {$table}" . self::ASIDE . " TO {$table}"); // phpcs:ignore
            }
        }
        update_option(Schema::VERSION_OPTION, Schema::VERSION, true);
        $this->services->schema_health->repair();
        parent::tearDown();
    }

    protected function move_aside(string $table): void
    {
        $this->db->query("DROP TABLE IF EXISTS {$table}" . self::ASIDE); // phpcs:ignore
        self::assertNotFalse($this->db->query("RENAME TABLE {$table} TO {$table}" . self::ASIDE), $this->db->last_error); // phpcs:ignore
        $this->services->schema_health->forget();
    }

    protected function table_exists(string $table): bool
    {
        return $this->db->get_var($this->db->prepare('SHOW TABLES LIKE %s', $this->db->esc_like($table))) === $table;
    }

    /**
     * Columns and indexes, order-insensitive (dbDelta appends columns an upgrade adds).
     *
     * @return array<string,mixed>
     */
    protected function structure(string $table): array
    {
        $columns = $this->db->get_results($this->db->prepare(
            'SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = %s ORDER BY COLUMN_NAME',
            $table
        ), ARRAY_A);
        $indexes = $this->db->get_results($this->db->prepare(
            'SELECT INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, NON_UNIQUE FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = %s ORDER BY INDEX_NAME, SEQ_IN_INDEX',
            $table
        ), ARRAY_A);
        $engine = $this->db->get_var($this->db->prepare('SELECT ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = %s', $table));
        return ['columns' => $columns, 'indexes' => $indexes, 'engine' => $engine];
    }
}
