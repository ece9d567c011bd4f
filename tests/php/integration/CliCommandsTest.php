<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Cli\AuditCommand;
use SophMate\SafeMode\Cli\PauseCommand;
use SophMate\SafeMode\Cli\RestartCommand;
use SophMate\SafeMode\Cli\SafeModeCommand;
use SophMate\SafeMode\Cli\StatusCommand;

require_once __DIR__ . '/Support/wp-cli-double.php';

/** The WP-CLI commands call the same services as REST and follow the same rules. */
final class CliCommandsTest extends IntegrationTestCase
{
    protected function setUp(): void
    {
        parent::setUp();
        \WP_CLI::reset();
    }

    public function test_pause_records_the_cli_source_and_a_second_pause_changes_nothing(): void
    {
        $pause = new PauseCommand($this->services);
        $pause(['category:marketing'], ['reason' => 'from the shell']);
        $pause(['category:marketing'], ['reason' => 'again']);

        self::assertSame(['success', 'category:marketing paused (was running).'], \WP_CLI::$output[0]);
        self::assertStringContainsString('already paused', \WP_CLI::$output[1][1]);
        $rows = $this->audit_rows();
        self::assertCount(1, $rows);
        self::assertSame(['cli', 'from the shell'], [$rows[0]['source'], $rows[0]['reason']]);
    }

    public function test_a_bad_scope_or_missing_reason_is_an_error_with_its_code(): void
    {
        $pause = new PauseCommand($this->services);
        foreach ([[['team:ops'], ['reason' => 'x'], 'sophmate_invalid_scope'], [['category:marketing'], [], 'sophmate_invalid_reason']] as [$args, $assoc, $code]) {
            try {
                $pause($args, $assoc);
                self::fail('expected an error');
            } catch (\WP_CLI\ExitException $e) {
                self::assertStringContainsString($code, $e->getMessage());
            }
        }
        self::assertSame([], $this->audit_rows());
    }

    public function test_restart_refuses_without_acknowledgements_and_accepts_all_reviewed(): void
    {
        (new PauseCommand($this->services))(['category:content'], ['reason' => 'x']);
        $restart = new RestartCommand($this->services);
        try {
            $restart(['category:content'], ['ack' => 'run_history']);
            self::fail('expected refusal');
        } catch (\WP_CLI\ExitException $e) {
            self::assertStringContainsString('sophmate_review_incomplete', $e->getMessage());
        }
        try {
            $restart(['category:content'], ['ack' => 'all-reviewed', 'max-runs' => '2']);
            self::fail('a restart needs a note');
        } catch (\WP_CLI\ExitException $e) {
            self::assertStringContainsString('sophmate_invalid_note', $e->getMessage());
        }
        $restart(['category:content'], ['ack' => 'all-reviewed', 'max-runs' => '2', 'read-only' => true, 'note' => 'fixed']);
        $this->forget_caches();
        $stored = $this->stored_switches()['categories']['content'];
        self::assertSame('trial', $stored['state']);
        self::assertSame(2, $stored['trial']['max_runs']);
        self::assertTrue($stored['trial']['read_only']);
    }

    public function test_safe_mode_on_and_off_through_the_shell(): void
    {
        $safe = new SafeModeCommand($this->services);
        $safe(['on'], ['reason' => 'provider outage']);
        $this->forget_caches();
        self::assertSame('paused', $this->stored_switches()['safe_mode']['mode']);
        $safe(['off'], ['ack' => 'all-reviewed', 'note' => 'outage over']);
        $this->forget_caches();
        self::assertSame('off', $this->stored_switches()['safe_mode']['mode']);
    }

    public function test_status_lists_categories_and_audit_verify_reports_an_intact_chain(): void
    {
        (new PauseCommand($this->services))(['category:marketing'], ['reason' => 'x']);
        $this->forget_caches();
        (new StatusCommand($this->services))([], ['format' => 'csv']);
        $rows = \WP_CLI::$formatted[0]['rows'];
        $marketing = array_values(array_filter($rows, static fn ($r) => $r['category'] === 'marketing'))[0];
        self::assertSame('paused', $marketing['state']);
        self::assertSame('blocked', $marketing['effective']);

        (new AuditCommand($this->services))->verify([], []);
        self::assertSame('success', end(\WP_CLI::$output)[0]);
    }

    public function test_lists_take_fields_and_refuse_unknown_ones(): void
    {
        (new PauseCommand($this->services))(['category:marketing'], ['reason' => 'x']);
        (new \SophMate\SafeMode\Cli\AuditCommand($this->services))->list_([], ['format' => 'json', 'fields' => 'scope,actor,reason']);
        self::assertSame([['scope' => 'category:marketing', 'actor' => 'admin', 'reason' => 'x']], end(\WP_CLI::$formatted)['rows']);
        try {
            (new \SophMate\SafeMode\Cli\RunsCommand($this->services))->list_([], ['fields' => 'id,colour']);
            self::fail('expected an error');
        } catch (\WP_CLI\ExitException $e) {
            self::assertStringContainsString('colour', $e->getMessage());
        }
    }

    public function test_audit_verify_fails_after_tampering(): void
    {
        (new PauseCommand($this->services))(['category:marketing'], ['reason' => 'x']);
        (new PauseCommand($this->services))(['category:content'], ['reason' => 'y']);
        $this->db->query("UPDATE {$this->services->schema->audit_table()} SET reason = 'nothing happened' WHERE scope = 'category:marketing'");
        try {
            (new AuditCommand($this->services))->verify([], []);
            self::fail('expected a broken chain');
        } catch (\WP_CLI\ExitException $e) {
            self::assertStringContainsString('broken at event', $e->getMessage());
        }
    }
}
