<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration\Faults;

use SophMate\SafeMode\Admin\StorageHealthReport;
use SophMate\SafeMode\Cli\RepairCommand;
use SophMate\SafeMode\Storage\Schema\Schema;

require_once dirname(__DIR__) . '/Support/wp-cli-double.php';

/**
 * A missing table is detected (GET /status storage_error, Site Health critical, wp-admin notice),
 * holds every automation until `wp sophmate repair`, and never leaves half-written state: with the
 * audit table gone a pause is refused and the switch is left as it was.
 */
final class MissingTablesTest extends TableFaultsTestCase
{
    protected function setUp(): void
    {
        parent::setUp();
        \WP_CLI::reset();
        sophmate_safe_mode_register_automation('probe', ['label' => 'Probe', 'kind' => 'watcher', 'category' => 'content', 'owner' => 'admin']);
    }

    /** @return array<string,array{0:string}> */
    public static function tables(): array
    {
        $names = ['sophmate_runs', 'sophmate_run_events', 'sophmate_audit', 'sophmate_drills', 'sophmate_notifications', 'sophmate_breaker_state', 'sophmate_breaker_buckets'];
        return array_combine($names, array_map(static fn (string $n): array => [$n], $names));
    }

    /** @dataProvider tables */
    public function test_a_missing_table_is_reported_holds_automation_and_is_repaired(string $suffix): void
    {
        self::assertTrue(sophmate_safe_mode_decide('probe')->allows_run());
        $table = $this->db->prefix . $suffix;
        $this->move_aside($table);

        $status = $this->data($this->rest('GET', '/status'));
        self::assertIsString($status['storage_error']);
        self::assertStringContainsString($table, $status['storage_error']);
        $decision = sophmate_safe_mode_decide('probe');
        self::assertFalse($decision->allows_run(), 'fail closed once the check has run');
        self::assertSame('storage', $decision->scope());
        self::assertFalse(sophmate_safe_mode_start_run('probe')->is_allowed());
        $probe = $this->php_in_site('echo json_encode(sophmate_safe_mode_decide("probe")->effect());');
        self::assertSame('"blocked"', $probe, 'every other request holds it too, without a query of its own');

        $health = (new StorageHealthReport($this->services->schema_health))->run();
        self::assertSame('critical', $health['status']);
        self::assertStringContainsString($table, $health['description']);
        ob_start();
        (new StorageHealthReport($this->services->schema_health))->render_notice();
        self::assertStringContainsString('data-sophmate-notice="storage"', (string) ob_get_clean());

        (new RepairCommand($this->services))([], []);
        self::assertSame('success', end(\WP_CLI::$output)[0]);
        self::assertTrue($this->table_exists($table));
        self::assertNull($this->data($this->rest('GET', '/status'))['storage_error']);
        self::assertTrue(sophmate_safe_mode_decide('probe')->allows_run(), 'released once repaired');
        (new RepairCommand($this->services))([], []);
        self::assertStringContainsString('already healthy', end(\WP_CLI::$output)[1]);
    }

    public function test_without_the_audit_table_a_pause_is_refused_and_leaves_the_switch_as_it_was(): void
    {
        $before = $this->stored_switches();
        $this->move_aside($this->services->schema->audit_table());

        $this->db->suppress_errors(true);
        $response = $this->rest('POST', '/categories/marketing/pause', ['reason' => 'no audit, no pause']);
        $this->db->suppress_errors(false);

        self::assertSame(503, $response->get_status(), (string) wp_json_encode($this->data($response)));
        self::assertStringStartsWith('sophmate_', $this->data($response)['code']);
        self::assertSame($before, $this->stored_switches(), 'the switch change was rolled back with the failed audit entry');
        $this->forget_caches();
        self::assertSame('running', $this->services->switch_store->load()->state_of(\SophMate\SafeMode\Domain\Scope::category('marketing'))->value);
    }

    public function test_without_the_runs_table_a_run_is_not_started_even_before_any_check(): void
    {
        update_option(\SophMate\SafeMode\Storage\Schema\SchemaHealth::ALARM_OPTION, '', true);
        $this->move_aside($this->services->schema->runs_table());

        $this->db->suppress_errors(true);
        $run = sophmate_safe_mode_start_run('probe');
        $this->db->suppress_errors(false);

        self::assertFalse($run->is_allowed(), 'a run that cannot be recorded does not start');
        self::assertSame(0, $run->id());
        self::assertSame('storage', $run->decision()->scope());
        self::assertNotNull($this->services->schema_health->alarm(), 'and the failure raised the alarm for everyone');
    }

    public function test_a_table_restored_from_an_older_schema_is_reported_holds_automation_and_is_upgraded_by_repair(): void
    {
        $table = $this->services->schema->breaker_state_table();
        $this->move_aside($table);
        // A v4 backup restored into a v5 site: the version option still says current.
        $ddl = OldSchemas::ddl(4, $this->db->prefix, $this->db->get_charset_collate())['sophmate_breaker_state'];
        self::assertNotFalse($this->db->query($ddl), $this->db->last_error);
        self::assertSame(1, $this->db->query(OldSchemas::sample_rows(4, $this->db->prefix)['sophmate_breaker_state']));

        $status = $this->data($this->rest('GET', '/status'));
        self::assertSame("table(s) from an older schema version: {$table} lacks packed", $status['storage_error']);
        self::assertFalse(sophmate_safe_mode_decide('probe')->allows_run());

        (new RepairCommand($this->services))([], []);
        self::assertSame('success', end(\WP_CLI::$output)[0]);
        self::assertNull($this->services->schema_health->problem());
        self::assertSame('011', $this->db->get_var("SELECT recent FROM {$table} WHERE scope = 'category:content'"), 'the restored row is kept'); // phpcs:ignore
        self::assertTrue(sophmate_safe_mode_decide('probe')->allows_run());
    }

    public function test_a_schema_version_this_code_does_not_match_is_reported_and_holds_automation_until_upgraded(): void
    {
        update_option(Schema::VERSION_OPTION, Schema::VERSION + 1, true); // a newer plugin's tables, then a downgrade
        $this->services->schema_health->forget();
        $status = $this->data($this->rest('GET', '/status'));
        self::assertStringContainsString('version ' . (Schema::VERSION + 1), (string) $status['storage_error']);
        self::assertFalse(sophmate_safe_mode_decide('probe')->allows_run());
    }
}
