<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration\Faults;

use SophMate\SafeMode\Storage\Schema\Schema;

/**
 * Tables from every earlier schema version, holding data, are upgraded by the real path (the next
 * request's plugins_loaded) to exactly the structure a fresh install has, keep every row, and a
 * second upgrade changes nothing (idempotent). The upgraded tables then work: a run is recorded
 * and its outcome reaches the breaker counters (v5's `packed` column).
 */
final class SchemaUpgradeTest extends TableFaultsTestCase
{
    /** @return array<string,array{0:int}> */
    public static function earlier_versions(): array
    {
        return ['from v1' => [1], 'from v2' => [2], 'from v3' => [3], 'from v4' => [4], 'from no version option at all' => [0]];
    }

    /** @dataProvider earlier_versions */
    public function test_an_older_schema_with_data_is_upgraded_in_place_idempotently(int $version): void
    {
        self::assertSame(200, $this->rest('POST', '/categories/marketing/pause', ['reason' => 'before the upgrade'])->get_status());
        $fresh = [];
        foreach ($this->services->schema->tables() as $table) {
            $fresh[$table] = $this->structure($table);
            $this->move_aside($table);
        }
        $prefix = $this->db->prefix;
        $old = OldSchemas::ddl(max(1, $version), $prefix, $this->db->get_charset_collate());
        foreach ($old as $sql) {
            self::assertNotFalse($this->db->query($sql), $this->db->last_error);
        }
        foreach (OldSchemas::sample_rows(max(1, $version), $prefix) as $sql) {
            self::assertSame(1, $this->db->query($sql), $this->db->last_error);
        }
        $audit = $this->services->schema->audit_table();
        $this->db->query("INSERT INTO {$audit} SELECT * FROM {$audit}" . self::ASIDE); // phpcs:ignore
        $rows_before = $this->row_counts();
        if ($version === 0) {
            delete_option(Schema::VERSION_OPTION);
        } else {
            update_option(Schema::VERSION_OPTION, $version, true);
        }

        // The next request upgrades (plugins_loaded), then records a run on the upgraded tables.
        $out = $this->php_in_site('
            sophmate_safe_mode_register_automation("probe", ["label" => "Probe", "kind" => "watcher", "category" => "content", "owner" => "admin"]);
            $run = sophmate_safe_mode_start_run("probe");
            $run->fail("on purpose, to reach the breaker counters");
            echo json_encode(["version" => get_option("' . Schema::VERSION_OPTION . '"), "run" => $run->id(), "allowed_before_fail" => $run->status(), "storage" => \SophMate\SafeMode\Plugin::services()->status->build()["storage_error"]]);');
        $result = json_decode($out, true);
        self::assertIsArray($result, $out);
        self::assertSame(Schema::VERSION, (int) $result['version']);
        self::assertNull($result['storage']);
        self::assertGreaterThan(41, $result['run'], 'recorded after the legacy run');

        wp_cache_flush();
        foreach ($this->services->schema->tables() as $table) {
            self::assertEquals($fresh[$table], $this->structure($table), "{$table} has exactly a fresh install's columns and indexes after upgrading from v{$version}");
        }
        self::assertSame('kept <b>"as is"</b> ✓', $this->db->get_var("SELECT reason FROM {$prefix}sophmate_runs WHERE id = 41"), 'rows survive with their text intact');
        self::assertSame('post', $this->db->get_var("SELECT record_type FROM {$prefix}sophmate_run_events WHERE id = 7"));
        if ($version >= 4) {
            self::assertSame('3', $this->db->get_var("SELECT consecutive FROM {$prefix}sophmate_breaker_state WHERE scope = 'category:content'"), 'the old streak of 2 plus the new failure');
        }
        self::assertTrue($this->services->audit->verify()->ok);
        self::assertSame('paused', $this->data($this->rest('GET', '/status'))['categories'][array_search('marketing', array_column($this->data($this->rest('GET', '/status'))['categories'], 'slug'), true)]['state']);

        // Idempotent: upgrading again changes neither structure nor data.
        $after_first = array_map(fn (string $t): array => $this->structure($t), $this->services->schema->tables());
        $counts = $this->row_counts();
        $this->services->schema_health->repair();
        $this->services->schema_health->repair();
        self::assertSame($after_first, array_map(fn (string $t): array => $this->structure($t), $this->services->schema->tables()));
        self::assertSame($counts, $this->row_counts());
        foreach ($rows_before as $table => $count) {
            self::assertGreaterThanOrEqual($count, $counts[$table], "no row of {$table} was lost");
        }
    }

    /** @return array<string,int> */
    private function row_counts(): array
    {
        $counts = [];
        foreach ($this->services->schema->tables() as $table) {
            if ($this->table_exists($table)) {
                $counts[$table] = (int) $this->db->get_var("SELECT COUNT(*) FROM {$table}"); // phpcs:ignore
            }
        }
        return $counts;
    }
}
