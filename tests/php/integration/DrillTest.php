<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Cli\DrillCommand;
use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\Acknowledgements;
use SophMate\SafeMode\Domain\Switches\Source;
use SophMate\SafeMode\Domain\Switches\SwitchRecord;
use SophMate\SafeMode\Domain\Switches\SwitchState;
use SophMate\SafeMode\Drills\DrillRecovery;
use SophMate\SafeMode\Drills\DrillRunner;
use SophMate\SafeMode\Drills\ProbeRuns;
use SophMate\SafeMode\Enforcement\CronGate;

require_once __DIR__ . '/Support/wp-cli-double.php';

/**
 * Pause drills against the real gates: a category bound to another plugin's cron hook, an inbound
 * route and a provider is paused, every binding is exercised with a probe standing in for the real
 * work, and the exact prior state comes back, whatever happened in between.
 */
final class DrillTest extends IntegrationTestCase
{
    private const HOOK = 'acme_drill_sync';
    private const ROUTE = '/acme-drill/v1/orders/(?P<id>\d+)';

    /** @var list<string> what the other plugin's real code did */
    public static array $real = [];
    /** @var list<string> requests that reached the (fake) network */
    private array $sent = [];
    /** @var list<array<string,mixed>> reports passed to the drill_finished action */
    private array $finished = [];
    private ?\Closure $bypass = null;

    protected function setUp(): void
    {
        parent::setUp();
        self::$real = [];
        $this->sent = [];
        $this->finished = [];
        wp_clear_scheduled_hook(self::HOOK);
        remove_all_actions(self::HOOK);
        add_action(self::HOOK, static function (): void {
            self::$real[] = 'cron';
        });
        $this->services->providers->forget();
        sophmate_safe_mode_register_provider('acme-ai', ['label' => 'Acme AI', 'hosts' => ['api.acme-ai.test', '*.acme-cdn.test']]);
        sophmate_safe_mode_register_automation('acme-drill', [
            'label' => 'Acme order sync',
            'kind' => 'workflow',
            'category' => 'marketing',
            'owner' => 'admin',
            'cron_hooks' => [self::HOOK],
            'rest_routes' => [self::ROUTE],
            'providers' => ['acme-ai'],
        ]);
        rest_get_server();
        register_rest_route('acme-drill/v1', '/orders/(?P<id>\d+)', ['methods' => 'POST', 'callback' => static function () {
            self::$real[] = 'rest';
            return ['ok' => true];
        }, 'permission_callback' => '__return_true'], true);
        add_filter('pre_http_request', [$this, 'fake_network'], 999, 3);
        add_action(DrillRunner::FINISHED_ACTION, [$this, 'on_finished']);
        // Automations another test or run stored before this process booted are not this test's.
        foreach (['marketing', 'content'] as $slug) {
            foreach ($this->services->catalog->automations_in($slug) as $automation) {
                if ($automation->id !== 'acme-drill') {
                    $this->services->catalog->remove_automation($automation->id);
                }
            }
        }
    }

    protected function tearDown(): void
    {
        remove_filter('pre_http_request', [$this, 'fake_network'], 999);
        remove_action(DrillRunner::FINISHED_ACTION, [$this, 'on_finished']);
        remove_all_actions(DrillRunner::BINDING_ACTION);
        if ($this->bypass !== null) {
            remove_filter('pre_unschedule_event', $this->bypass, 1);
            $this->bypass = null;
        }
        $this->services->catalog->remove_automation('acme-drill');
        parent::tearDown();
    }

    /** A custom cron runner that answers pre_unschedule_event before the gate does bypasses it. */
    private function bypass_the_cron_gate(): void
    {
        $this->bypass = static fn ($pre, $timestamp, $hook) => $hook === self::HOOK ? true : $pre;
        add_filter('pre_unschedule_event', $this->bypass, 1, 3);
    }

    /** @return mixed */
    public function fake_network($pre, $args, $url)
    {
        if ($pre !== false) {
            return $pre;
        }
        $this->sent[] = strtoupper((string) ($args['method'] ?? 'GET')) . ' ' . $url;
        return ['headers' => [], 'body' => '{}', 'response' => ['code' => 200, 'message' => 'OK'], 'cookies' => [], 'filename' => null];
    }

    /** @param array<string,mixed> $report */
    public function on_finished(array $report): void
    {
        $this->finished[] = $report;
    }

    public function test_a_drill_holds_the_cron_hook_route_and_provider_and_restores_running(): void
    {
        $this->rest('PATCH', '/categories/marketing', ['policy' => ['queued' => 'hold', 'running' => 'finish', 'cleanup_notes' => "Check the CRM import\nRe-send held invoices", 'restart_owner_id' => self::admin_id()]]);
        $cron_before = _get_cron_array();

        $response = $this->rest('POST', '/drills', ['category' => 'marketing']);
        $report = $this->data($response);

        self::assertSame(201, $response->get_status(), (string) wp_json_encode($report));
        self::assertSame('passed', $report['outcome'], (string) $report['failure_reason']);
        self::assertNull($report['failure_reason']);
        self::assertSame([], self::$real, 'neither the real cron callback nor the real route ran');
        self::assertSame([], $this->sent, 'nothing reached the network');
        $by_type = array_column($report['bindings'], null, 'type');
        self::assertSame(["cooperative", "cron", "rest", "provider"], array_column($report["bindings"], "type"), (string) wp_json_encode($report["bindings"]));
        foreach ($report['bindings'] as $binding) {
            self::assertTrue($binding['passed'], $binding['type'] . ': ' . $binding['detail']);
        }
        self::assertStringContainsString('held', $by_type['cron']['detail']);
        self::assertStringContainsString('/acme-drill/v1/orders/1', $by_type['rest']['detail']);
        self::assertStringContainsString('503', $by_type['rest']['detail']);
        self::assertSame(['running', 'running', true], [$report['prior_state'], $report['restored_state'], $report['state_restored']]);
        self::assertSame(wp_get_environment_type(), $report['environment']);
        self::assertSame(['Check the CRM import', 'Re-send held invoices'], $report['needs_cleanup']);
        self::assertCount(1, $report['would_finish']);
        self::assertSame(self::admin_id(), $report['restart']['owner']['id']);
        self::assertSame(['total' => 4, 'passed' => 4, 'failed' => 0, 'not_exercised' => 0], $report['summary']);
        self::assertSame(['acme-drill'], $report['automations']);

        $this->forget_caches();
        self::assertSame([], $this->stored_switches()['categories'], 'marketing is running again, as before');
        self::assertEquals($cron_before, _get_cron_array(), 'the test event is gone; the real schedule untouched');
        self::assertSame([], array_filter((array) get_option(CronGate::HELD_OPTION, []), static fn ($e) => ($e['hook'] ?? '') === self::HOOK));
        $triggers = $this->db->get_col("SELECT DISTINCT run_trigger FROM {$this->services->schema->runs_table()}");
        self::assertSame(['drill'], $triggers, 'every run the gates recorded during the drill says so');
        $audit = array_slice($this->audit_rows(), 1); // after the policy change
        self::assertSame(['drill_started', 'pause', 'restore', 'drill_finished'], array_column($audit, 'action'));
        self::assertSame(['drill'], array_values(array_unique(array_column($audit, 'source'))));

        self::assertSame('0', $this->db->get_var("SELECT COUNT(*) FROM {$this->services->schema->notifications_table()}"), 'a drill that passed notifies nobody');
        self::assertCount(1, $this->finished, 'drill_finished fired once');
        self::assertSame($report, json_decode((string) wp_json_encode($this->finished[0]), true), 'the action gets exactly the response body');
        $latest = $this->services->drills->latest('marketing');
        self::assertNotNull($latest);
        self::assertTrue($latest->passed);
        self::assertTrue($latest->covers('acme-drill'));
        self::assertSame($report['id'], $latest->id);
    }

    public function test_a_binding_the_gate_cannot_hold_fails_the_drill_and_is_named(): void
    {
        $this->bypass_the_cron_gate();

        $report = $this->data($this->rest('POST', '/drills', ['category' => 'marketing']));

        self::assertSame('failed', $report['outcome']);
        self::assertStringContainsString('cron ' . self::HOOK . ' of acme-drill', (string) $report['failure_reason']);
        $cron = array_values(array_filter($report['bindings'], static fn ($b) => $b['type'] === 'cron'))[0];
        self::assertFalse($cron['passed']);
        self::assertSame([], self::$real, 'the probe stood in for the real callback');
        self::assertSame('running', $report['restored_state']);
        self::assertFalse($this->services->drills->latest('marketing')->passed);
        self::assertSame('failed', $this->finished[0]['outcome']);
    }

    public function test_a_read_only_automation_is_checked_to_refuse_writes_once_the_category_is_back(): void
    {
        sophmate_safe_mode_register_automation('acme-reader', ['label' => 'Acme reader', 'kind' => 'agent', 'category' => 'marketing', 'owner' => 'admin', 'mode' => 'read_only', 'providers' => ['acme-ai']]);
        try {
            $report = $this->data($this->rest('POST', '/drills', ['category' => 'marketing']));
            $read_only = array_values(array_filter($report['bindings'], static fn ($b) => $b['type'] === 'read_only'));

            self::assertSame('passed', $report['outcome'], (string) wp_json_encode($read_only));
            self::assertCount(1, $read_only);
            self::assertSame(['acme-reader', true], [$read_only[0]['automation'], $read_only[0]['passed']]);
            self::assertStringContainsString('POST to api.acme-ai.test was refused', $read_only[0]['detail']);
            self::assertSame([], $this->sent);
            $counted = $this->db->get_var("SELECT COUNT(*) FROM {$this->services->schema->runs_table()} WHERE automation = 'acme-reader' AND status = 'succeeded'");
            self::assertSame('0', $counted, 'the check is not a successful read-only run');

            $this->rest('POST', '/categories/marketing/pause', ['reason' => 'incident']);
            $paused = $this->data($this->rest('POST', '/drills', ['category' => 'marketing']));
            $read_only = array_values(array_filter($paused['bindings'], static fn ($b) => $b['type'] === 'read_only'));
            self::assertNull($read_only[0]['passed'], 'blocked in its prior state: not exercised');
            self::assertSame('passed', $paused['outcome']);
        } finally {
            $this->services->catalog->remove_automation('acme-reader');
        }
    }

    public function test_a_route_no_sample_path_fills_is_reported_not_exercised_and_does_not_fail_the_drill(): void
    {
        sophmate_safe_mode_register_automation('acme-keyed', ['label' => 'Keyed webhook', 'kind' => 'workflow', 'category' => 'marketing', 'owner' => 'admin', 'rest_routes' => ['/acme-drill/v1/(?P<key>[A-F]+)']]);
        try {
            $report = $this->data($this->rest('POST', '/drills', ['category' => 'marketing']));
        } finally {
            $this->services->catalog->remove_automation('acme-keyed');
        }
        $rest = array_values(array_filter($report['bindings'], static fn ($b) => $b['automation'] === 'acme-keyed' && $b['type'] === 'rest'))[0];

        self::assertSame([false, null], [$rest['exercised'], $rest['passed']]);
        self::assertStringContainsString('Not exercised', $rest['detail']);
        self::assertSame('passed', $report['outcome']);
        self::assertSame(1, $report['summary']['not_exercised']);
    }

    public function test_a_paused_category_stays_paused_with_its_reason_and_actor(): void
    {
        $owner = $this->user_with_role('editor');
        get_user_by('id', $owner)->add_cap('sophmate_pause_automation');
        wp_set_current_user($owner);
        $paused = $this->rest('POST', '/categories/marketing/pause', ['reason' => 'provider outage', 'incident_url' => 'https://status.example.test/1']);
        self::assertSame(200, $paused->get_status(), (string) wp_json_encode($this->data($paused)));
        wp_set_current_user(self::admin_id());
        $before = $this->stored_switches()['categories']['marketing'];

        $report = $this->data($this->rest('POST', '/drills', ['category' => 'marketing']));

        self::assertSame('passed', $report['outcome'], (string) $report['failure_reason']);
        self::assertSame(['paused', 'paused'], [$report['prior_state'], $report['restored_state']]);
        self::assertSame($before, $this->stored_switches()['categories']['marketing'], 'the same record: reason, actor, since, incident');
        self::assertSame($owner, $before['actor']['id']);
    }

    public function test_a_category_in_trial_keeps_its_trial_and_budget(): void
    {
        $this->rest('POST', '/categories/marketing/pause', ['reason' => 'bad batch']);
        $this->rest('POST', '/categories/marketing/restart', ['acknowledged' => Acknowledgements::REQUIRED, 'note' => 'fixed', 'scope' => ['max_runs' => 2, 'read_only' => true]]);
        $before = $this->stored_switches()['categories']['marketing'];
        $since = new \DateTimeImmutable($before['since']);
        $used = $this->services->runs->runs_since('category:marketing', $since);

        $report = $this->data($this->rest('POST', '/drills', ['category' => 'marketing']));

        self::assertSame(['trial', 'trial'], [$report['prior_state'], $report['restored_state']]);
        self::assertSame($before, $this->stored_switches()['categories']['marketing']);
        self::assertSame(['automations' => [], 'max_runs' => 2, 'read_only' => true, 'note' => 'fixed'], $before['trial']);
        self::assertSame($used, $this->services->runs->runs_since('category:marketing', $since), 'no trial run used up');
    }

    public function test_an_error_midway_still_restores_the_state_and_records_a_failed_drill(): void
    {
        add_action(DrillRunner::BINDING_ACTION, static function (array $binding): void {
            if ($binding['type'] === 'rest') {
                throw new \RuntimeException('disk full');
            }
        });

        $response = $this->rest('POST', '/drills', ['category' => 'marketing']);
        $report = $this->data($response);

        self::assertSame(201, $response->get_status());
        self::assertSame('failed', $report['outcome']);
        self::assertStringContainsString('disk full', (string) $report['failure_reason']);
        self::assertSame('running', $report['restored_state']);
        self::assertSame([], $this->stored_switches()['categories']);
        $rest = array_values(array_filter($report['bindings'], static fn ($b) => $b['type'] === 'rest'))[0];
        self::assertNull($rest['passed']);
        self::assertSame('failed', $this->services->drills->get($report['id'])['outcome']);
        self::assertSame([], self::$real);
    }

    public function test_a_drill_abandoned_by_a_dead_process_is_recovered_on_the_next_request(): void
    {
        // What a process that died mid-drill leaves: the row "running", the category paused by the drill.
        $long_ago = new \DateTimeImmutable('-10 minutes');
        $id = $this->services->drills->start('marketing', self::admin_id(), 'production', $long_ago, ['prior_record' => null, 'prior_state' => 'running', 'automations' => ['acme-drill']]);
        $store = $this->services->switch_store;
        $board = $store->load_fresh();
        $store->swap($board, $board->with_record(Scope::category('marketing'), new SwitchRecord(SwitchState::Paused, 'Pause drill #' . $id, Actor::system(), Source::Drill, $long_ago)));
        $this->forget_caches();

        (new DrillRecovery($this->services))->on_request();

        self::assertSame([], $this->stored_switches()['categories'], 'running again');
        $row = $this->services->drills->get($id);
        self::assertSame('failed', $row['outcome']);
        self::assertStringContainsString('stopped before it finished', (string) $row['report']['failure_reason']);
        self::assertSame($id, $this->finished[0]['id']);
        self::assertSame(['restore', 'drill_finished'], array_column($this->audit_rows(), 'action'));
        self::assertNotFalse(has_action('init'), 'recovery runs on every request');
    }

    public function test_a_recent_running_drill_is_a_conflict_and_an_old_one_is_recovered_first(): void
    {
        $this->services->drills->start('marketing', self::admin_id(), 'local', new \DateTimeImmutable(), ['prior_record' => null]);
        $this->assertError($this->rest('POST', '/drills', ['category' => 'marketing']), 409, 'sophmate_drill_running');

        $this->db->query("UPDATE {$this->services->schema->drills_table()} SET started_at = DATE_SUB(UTC_TIMESTAMP(), INTERVAL 1 HOUR)");
        self::assertSame(201, $this->rest('POST', '/drills', ['category' => 'marketing'])->get_status());
        self::assertSame(['failed', 'passed'], $this->db->get_col("SELECT outcome FROM {$this->services->schema->drills_table()} ORDER BY id"));
    }

    public function test_bad_requests_and_permissions(): void
    {
        $this->assertError($this->rest('POST', '/drills', ['category' => 'nope']), 404, 'sophmate_unknown_category');
        $this->assertError($this->rest('POST', '/drills', []), 400, 'sophmate_missing_param');
        $this->assertError($this->rest('POST', '/drills', ['category' => 'Bad Slug!']), 400, 'sophmate_invalid_category');
        $this->assertError($this->rest('GET', '/drills/999'), 404, 'sophmate_unknown_drill');
        $this->assertError($this->rest('GET', '/drills', [], ['category' => 'Bad Slug!']), 400, 'sophmate_invalid_category');

        $pauser = $this->user_with_role('editor');
        get_user_by('id', $pauser)->add_cap('sophmate_pause_automation');
        wp_set_current_user($pauser);
        self::assertSame(403, $this->rest('POST', '/drills', ['category' => 'marketing'])->get_status(), 'pausing is not enough to drill');
        self::assertSame(200, $this->rest('GET', '/drills')->get_status(), 'but enough to read drills');

        wp_set_current_user(self::admin_id());
        $this->rest('PATCH', '/categories/content', ['owner_id' => $pauser]);
        wp_set_current_user($pauser);
        self::assertSame(201, $this->rest('POST', '/drills', ['category' => 'content'])->get_status(), 'the owner may drill their category');
    }

    public function test_drill_history_is_listed_newest_first_and_shown_on_the_category(): void
    {
        $first = $this->data($this->rest('POST', '/drills', ['category' => 'marketing']));
        $second = $this->data($this->rest('POST', '/drills', ['category' => 'marketing']));
        $this->rest('POST', '/drills', ['category' => 'content']);

        $list = $this->rest('GET', '/drills', [], ['category' => 'marketing', 'per_page' => 1]);
        self::assertSame('2', $list->get_headers()['X-WP-Total']);
        self::assertSame([$second['id']], array_column($this->data($list), 'id'));
        self::assertSame($first, $this->data($this->rest('GET', '/drills/' . $first['id'])));

        $category = $this->data($this->rest('GET', '/categories/marketing'));
        self::assertSame(['id' => $second['id'], 'outcome' => 'passed', 'finished_at' => $second['finished_at'], 'environment' => $second['environment']], $category['last_drill']);
    }

    public function test_cli_prints_the_report_and_fails_with_a_non_zero_exit_when_the_drill_fails(): void
    {
        \WP_CLI::reset();
        $command = new DrillCommand($this->services, new DrillRunner($this->services, ProbeRuns::for($this->services)));
        $command(['marketing'], []);
        self::assertSame('success', end(\WP_CLI::$output)[0]);
        self::assertSame(['automation', 'type', 'target', 'result', 'detail'], \WP_CLI::$formatted[0]['fields']);

        $this->bypass_the_cron_gate();
        \WP_CLI::reset();
        try {
            $command(['marketing'], ['format' => 'json']);
            self::fail('a failed drill is an error (exit code 1)');
        } catch (\WP_CLI\ExitException $e) {
            self::assertStringContainsString('failed', $e->getMessage());
        }
        $json = json_decode(\WP_CLI::$output[0][1], true);
        self::assertSame('failed', $json['outcome']);

        \WP_CLI::reset();
        $command(['list'], ['category' => 'marketing', 'format' => 'json']);
        self::assertSame(['failed', 'passed'], array_column(\WP_CLI::$formatted[0]['rows'], 'outcome'));

        \WP_CLI::reset();
        try {
            $command(['nope'], []);
            self::fail('unknown category');
        } catch (\WP_CLI\ExitException $e) {
            self::assertStringContainsString('sophmate_unknown_category', $e->getMessage());
        }
    }
}
