<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Cli\AutomationsCommand;
use SophMate\SafeMode\Plugin;
use SophMate\SafeMode\Readiness\OwnershipSiteHealth;
use SophMate\SafeMode\Storage\OptionAutomationRepository;
use SophMate\SafeMode\Storage\Settings;

require_once __DIR__ . '/Support/wp-cli-double.php';

/**
 * The readiness gate over REST and WP-CLI: draft → read_only → live one step at a time, every
 * refusal naming what is missing, every change audited; and the ownership flags.
 */
final class ReadinessGateTest extends IntegrationTestCase
{
    private const ID = 'acme-sync';
    private const CHECKLIST = [
        'trigger' => 'hourly WP-Cron event acme_sync', 'input_data' => 'subscribers', 'output' => 'a CSV to the vendor',
        'approval' => 'none: read-only export', 'retry' => 'next hourly event', 'failure_notification' => 'email to the owner',
    ];

    protected function setUp(): void
    {
        parent::setUp();
        \WP_CLI::reset();
    }

    protected function tearDown(): void
    {
        update_option(OptionAutomationRepository::OPTION, [], true);
        foreach (array_keys($this->services->catalog->automations()) as $id) {
            if ($this->services->catalog->automation($id)->origin === 'admin') {
                $this->services->catalog->remove_automation($id);
            }
        }
        delete_option(Settings::OPTION);
        parent::tearDown();
    }

    /** @param array<string,mixed> $overrides */
    private function create(array $overrides = []): array
    {
        $body = array_filter($overrides + [
            'id' => self::ID, 'label' => 'Acme sync', 'kind' => 'workflow', 'category' => 'marketing',
            'owner' => 'admin', 'cron_hooks' => ['acme_sync'], 'checklist' => self::CHECKLIST,
        ], static fn ($value): bool => $value !== null);
        $response = $this->rest('POST', '/automations', $body);
        self::assertSame(201, $response->get_status(), (string) wp_json_encode($this->data($response)));
        return $this->data($response);
    }

    private function mode(string $mode, array $extra = [], string $id = self::ID): \WP_REST_Response
    {
        return $this->rest('POST', '/automations/' . $id . '/mode', ['mode' => $mode] + $extra);
    }

    /** @return list<string> the ids of data.missing of a 409 sophmate_not_ready */
    private function missing(\WP_REST_Response $response): array
    {
        $this->assertError($response, 409, 'sophmate_not_ready');
        $data = $this->data($response);
        foreach ($data['data']['missing'] as $item) {
            self::assertStringContainsString($item['label'], $data['message'], 'the message names each missing item');
        }
        return array_column($data['data']['missing'], 'id');
    }

    /** A read-only run of the automation as WP-Cron would make it; returns its id. */
    private function read_only_run(string $id = self::ID, bool $succeed = true): int
    {
        $run = sophmate_safe_mode_start_run($id, ['trigger' => 'cron']);
        self::assertTrue($run->is_allowed());
        self::assertTrue($run->is_read_only());
        $run->step('export');
        $succeed ? $run->succeed() : $run->fail('vendor down');
        return $run->id();
    }

    /** A finished pause drill as the drills module stores it. */
    private function seed_drill(string $category, bool $passed, array $automations): int
    {
        $this->db->insert($this->services->schema->drills_table(), [
            'category' => $category,
            'outcome' => $passed ? 'passed' : 'failed',
            'environment' => wp_get_environment_type(),
            'actor_id' => self::admin_id(),
            'started_at' => gmdate('Y-m-d H:i:s', time() - 60),
            'finished_at' => gmdate('Y-m-d H:i:s'),
            'report' => wp_json_encode(['automations' => $automations]),
        ]);
        return (int) $this->db->insert_id;
    }

    /** @return list<int> */
    private function to_read_only_with_runs(int $n = 3): array
    {
        $this->create();
        self::assertSame(200, $this->mode('read_only')->get_status());
        $ids = [];
        for ($i = 0; $i < $n; $i++) {
            $ids[] = $this->read_only_run();
        }
        return $ids;
    }

    public function test_a_new_automation_is_a_draft_and_shows_what_read_only_needs(): void
    {
        $data = $this->create(['checklist' => ['trigger' => 'hourly']]);
        self::assertSame('draft', $data['mode']);
        self::assertSame('read_only', $data['readiness']['next']);
        self::assertContains('checklist.output', array_column($data['readiness']['missing'], 'id'));
        self::assertSame(['succeeded' => 0, 'required' => 3], $data['readiness']['read_only_runs']);
        self::assertNull($data['readiness']['drill']);
    }

    public function test_an_incomplete_checklist_is_refused(): void
    {
        $this->create(['checklist' => ['trigger' => 'hourly', 'input_data' => 'x', 'output' => 'y', 'approval' => 'z', 'retry' => 'r']]);
        self::assertSame(['checklist.failure_notification'], $this->missing($this->mode('read_only')));
        self::assertSame([], array_filter($this->audit_rows(), static fn ($r) => $r['action'] === 'mode'), 'a refusal changes nothing');
        self::assertSame('draft', $this->services->catalog->automation(self::ID)->mode->value);
    }

    public function test_no_owner_is_refused(): void
    {
        $this->create(['owner' => null]);
        self::assertSame(['owner'], $this->missing($this->mode('read_only')));
    }

    public function test_a_deleted_owner_is_refused(): void
    {
        $user = $this->user_with_role('administrator');
        $this->create(['owner' => $user]);
        require_once ABSPATH . 'wp-admin/includes/user.php';
        wp_delete_user($user);
        self::assertSame(['owner_deleted'], $this->missing($this->mode('read_only')));
    }

    public function test_an_owner_who_cannot_pause_is_refused(): void
    {
        $editor = $this->user_with_role('editor');
        $this->create(['owner' => $editor]);
        self::assertSame(['owner_capability'], $this->missing($this->mode('read_only')));
        get_userdata($editor)->add_cap(Plugin::CAP_PAUSE);
        self::assertSame(200, $this->mode('read_only')->get_status(), 'once they may pause, they may own it');
    }

    public function test_skipping_from_draft_to_live_is_refused_naming_everything(): void
    {
        $this->create(['checklist' => []]);
        $missing = $this->missing($this->mode('live'));
        self::assertSame('read_only_step', $missing[0]);
        foreach (['checklist.trigger', 'checklist.failure_notification', 'drill', 'read_only_runs'] as $id) {
            self::assertContains($id, $missing);
        }
        $this->assertError($this->rest('POST', '/automations', ['id' => 'straight-live', 'kind' => 'workflow', 'category' => 'marketing', 'owner' => 'admin', 'mode' => 'live', 'cron_hooks' => ['x'], 'checklist' => self::CHECKLIST]), 409, 'sophmate_not_ready');
        self::assertFalse($this->services->catalog->has_automation('straight-live'), 'nothing is created');
    }

    public function test_patch_goes_through_the_same_gate(): void
    {
        $this->create(['checklist' => []]);
        $this->assertError($this->rest('PATCH', '/automations/' . self::ID, ['mode' => 'read_only']), 409, 'sophmate_not_ready');
        $response = $this->rest('PATCH', '/automations/' . self::ID, ['mode' => 'read_only', 'checklist' => self::CHECKLIST]);
        self::assertSame(200, $response->get_status(), 'filling the checklist in the same request counts');
        self::assertSame('read_only', $this->data($response)['mode']);
        $modes = array_values(array_filter($this->audit_rows(), static fn ($r) => $r['action'] === 'mode'));
        self::assertSame([['draft', 'read_only']], array_map(static fn ($r) => [$r['before_state'] ?? $r['before'], $r['after_state'] ?? $r['after']], $modes));
        $this->assertError($this->rest('PATCH', '/automations/' . self::ID, ['mode' => 'live']), 409, 'sophmate_not_ready');
    }

    public function test_live_without_a_drill_is_refused(): void
    {
        $runs = $this->to_read_only_with_runs();
        self::assertSame(['drill'], $this->missing($this->mode('live', ['reviewed_runs' => $runs])));
    }

    public function test_a_failed_drill_is_refused(): void
    {
        $runs = $this->to_read_only_with_runs();
        $this->seed_drill('marketing', false, [self::ID]);
        self::assertSame(['drill_failed'], $this->missing($this->mode('live', ['reviewed_runs' => $runs])));
    }

    public function test_a_drill_that_did_not_cover_the_automation_is_refused(): void
    {
        $runs = $this->to_read_only_with_runs();
        $this->seed_drill('marketing', true, ['someone-else']);
        self::assertSame(['drill_coverage'], $this->missing($this->mode('live', ['reviewed_runs' => $runs])));
    }

    public function test_fewer_than_n_reviewed_runs_are_refused(): void
    {
        $runs = $this->to_read_only_with_runs();
        $this->seed_drill('marketing', true, [self::ID]);
        self::assertSame(['reviewed_runs'], $this->missing($this->mode('live', ['reviewed_runs' => array_slice($runs, 0, 2)])));
        self::assertSame(['reviewed_runs'], $this->missing($this->mode('live')));
        (new Settings())->update(['read_only_runs_before_live' => 4]);
        self::assertSame(['read_only_runs'], $this->missing($this->mode('live', ['reviewed_runs' => $runs])), 'N is configurable');
    }

    public function test_run_ids_that_prove_nothing_are_refused(): void
    {
        $runs = $this->to_read_only_with_runs();
        $this->seed_drill('marketing', true, [self::ID]);
        $failed = $this->read_only_run(self::ID, false);
        $this->create(['id' => 'other-sync', 'mode' => 'read_only']);
        $other = $this->read_only_run('other-sync');
        $response = $this->mode('live', ['reviewed_runs' => [$runs[0], $runs[1], $failed, $other, 999999]]);
        $this->assertError($response, 400, 'sophmate_invalid_reviewed_runs');
        $message = $this->data($response)['message'];
        self::assertStringContainsString(sprintf('run #%d did not succeed (failed)', $failed), $message);
        self::assertStringContainsString(sprintf('run #%d belongs to "other-sync"', $other), $message);
        self::assertStringContainsString('run #999999 does not exist', $message);
        $this->assertError($this->mode('live', ['reviewed_runs' => ['abc']]), 400, 'sophmate_invalid_param');
    }

    public function test_a_ready_automation_goes_live_and_the_audit_keeps_the_evidence(): void
    {
        $runs = $this->to_read_only_with_runs();
        $drill = $this->seed_drill('marketing', true, [self::ID]);
        $readiness = $this->data($this->rest('GET', '/automations/' . self::ID . '/readiness'));
        self::assertSame(['reviewed_runs'], array_column($readiness['missing'], 'id'));
        self::assertSame(array_reverse($runs), array_column($readiness['candidates'], 'id'), 'newest first');
        self::assertSame(['id' => $drill, 'passed' => true, 'covers' => true], array_slice($readiness['drill'], 0, 3));

        $response = $this->mode('live', ['reviewed_runs' => $runs, 'note' => 'three clean exports']);
        self::assertSame(200, $response->get_status(), (string) wp_json_encode($this->data($response)));
        self::assertSame(['changed' => true, 'before' => 'read_only', 'mode' => 'live'], array_slice($this->data($response), 1, 3));
        self::assertSame('live', get_option(OptionAutomationRepository::OPTION)[self::ID]['mode']);
        self::assertSame('run', sophmate_safe_mode_decide(self::ID)->effect());

        $modes = array_values(array_filter($this->audit_rows(), static fn ($r) => $r['action'] === 'mode'));
        self::assertCount(2, $modes);
        $live = $modes[1];
        self::assertSame('automation:' . self::ID, $live['scope']);
        self::assertSame('three clean exports', $live['reason']);
        $context = json_decode((string) $live['context'], true);
        self::assertSame($runs, $context['reviewed_runs']);
        self::assertSame($drill, $context['drill_id']);
        self::assertSame(wp_get_environment_type(), $context['environment']);

        self::assertFalse($this->data($this->mode('live'))['changed'], 'asking again changes nothing');
        self::assertCount(2, array_filter($this->audit_rows(), static fn ($r) => $r['action'] === 'mode'));
    }

    public function test_a_real_pause_drill_that_covered_it_opens_the_way_to_live(): void
    {
        wp_clear_scheduled_hook('acme_sync');
        wp_schedule_event(time() + 3600, 'hourly', 'acme_sync');
        $runs = $this->to_read_only_with_runs();
        $drill = $this->rest('POST', '/drills', ['category' => 'marketing']);
        $report = $this->data($drill);
        self::assertSame('passed', $report['outcome'] ?? null, (string) wp_json_encode($report));
        $readiness = $this->data($this->rest('GET', '/automations/' . self::ID . '/readiness'));
        self::assertSame(['id' => $report['id'], 'passed' => true, 'covers' => true], array_slice($readiness['drill'], 0, 3));
        self::assertSame(200, $this->mode('live', ['reviewed_runs' => $runs])->get_status());
        wp_clear_scheduled_hook('acme_sync');
    }

    public function test_going_down_is_always_allowed_and_audited(): void
    {
        $this->to_read_only_with_runs(0);
        $response = $this->mode('draft', ['note' => 'vendor changed the API']);
        self::assertSame(200, $response->get_status());
        self::assertSame('draft', $this->data($response)['mode']);
        self::assertSame('mode', $this->audit_rows()[count($this->audit_rows()) - 1]['action']);
    }

    public function test_code_registered_automations_keep_their_mode_from_code(): void
    {
        sophmate_safe_mode_register_automation('coded-sync', ['label' => 'Coded', 'kind' => 'workflow', 'category' => 'system', 'owner' => 'admin', 'mode' => 'read_only']);
        $this->assertError($this->mode('live', [], 'coded-sync'), 409, 'sophmate_automation_from_code');
        $data = $this->data($this->rest('GET', '/automations/coded-sync'));
        self::assertTrue($data['readiness']['mode_from_code']);
        self::assertNotContains('kill_switch', array_column($data['readiness']['missing'], 'id'), 'code runs through the cooperative gate');
        $this->services->catalog->remove_automation('coded-sync');
    }

    public function test_only_managers_change_modes(): void
    {
        $this->create();
        wp_set_current_user($this->user_with_role('editor'));
        $this->assertError($this->mode('read_only'), 403, 'rest_forbidden');
    }

    public function test_status_carries_readiness_and_ownership_problems(): void
    {
        $this->create(['checklist' => []]);
        $status = $this->data($this->rest('GET', '/status'));
        $row = array_values(array_filter($status['automations'], static fn ($a) => $a['id'] === self::ID))[0];
        self::assertSame('read_only', $row['readiness']['next']);
        self::assertSame([], $status['problems'], 'a freshly activated site has owners everywhere');
    }

    private function problems(): array
    {
        $status = $this->data($this->rest('GET', '/status'));
        return array_map(static fn ($p) => [$p['kind'], $p['scope'], $p['role']], $status['problems']);
    }

    public function test_a_category_without_an_owner_is_flagged(): void
    {
        $this->rest('PATCH', '/categories/marketing', ['owner_id' => null]);
        self::assertContains(['category_without_owner', 'category:marketing', 'owner'], $this->problems());
    }

    public function test_a_deleted_backup_owner_is_flagged(): void
    {
        $user = $this->user_with_role('administrator');
        $this->rest('PATCH', '/categories/content', ['backup_owner_id' => $user]);
        require_once ABSPATH . 'wp-admin/includes/user.php';
        wp_delete_user($user);
        self::assertContains(['owner_deleted', 'category:content', 'backup_owner'], $this->problems());
    }

    public function test_a_restart_owner_who_lost_the_capability_is_flagged(): void
    {
        $user = $this->user_with_role('administrator');
        $this->rest('PATCH', '/categories/content', ['policy' => ['restart_owner_id' => $user]]);
        self::assertNotContains(['owner_cannot_pause', 'category:content', 'restart_owner'], $this->problems());
        (new \WP_User($user))->set_role('subscriber');
        self::assertContains(['owner_cannot_pause', 'category:content', 'restart_owner'], $this->problems());
    }

    public function test_a_live_automation_without_an_owner_is_flagged_and_critical_in_site_health(): void
    {
        $health = new OwnershipSiteHealth($this->services);
        self::assertSame('good', $health->run()['status']);
        $user = $this->user_with_role('administrator');
        sophmate_safe_mode_register_automation('live-sync', ['label' => 'Live sync', 'kind' => 'workflow', 'category' => 'system', 'owner' => $user, 'mode' => 'live']);
        require_once ABSPATH . 'wp-admin/includes/user.php';
        wp_delete_user($user);
        $this->forget_caches();
        self::assertContains(['live_without_owner', 'automation:live-sync', 'owner'], $this->problems());
        $result = $health->run();
        self::assertSame('critical', $result['status']);
        self::assertStringContainsString('live without an owner', $result['description']);
        self::assertStringContainsString('page=sophmate-safe-mode', $result['actions']);
        $this->services->catalog->remove_automation('live-sync');
    }

    public function test_site_health_lists_the_test_and_recommends_fixing_other_gaps(): void
    {
        $tests = apply_filters('site_status_tests', ['direct' => [], 'async' => []]);
        self::assertArrayHasKey(OwnershipSiteHealth::TEST, $tests['direct']);
        $this->rest('PATCH', '/categories/marketing', ['owner_id' => null]);
        $result = call_user_func($tests['direct'][OwnershipSiteHealth::TEST]['test']);
        self::assertSame('recommended', $result['status']);
        self::assertStringContainsString('Marketing', $result['description']);
    }

    public function test_cli_lists_readiness_and_sets_modes_with_the_same_rules(): void
    {
        $this->create(['checklist' => ['trigger' => 'hourly']]);
        $command = new AutomationsCommand($this->services);
        $command->list_([], ['format' => 'json']);
        $row = array_values(array_filter(\WP_CLI::$formatted[0]['rows'], static fn ($r) => $r['id'] === self::ID))[0];
        self::assertSame(['draft', 'read_only', 'admin', 5], [$row['mode'], $row['next'], $row['owner'], $row['missing_count']]);
        self::assertStringContainsString('Checklist: describe the output.', $row['missing']);

        try {
            $command->set_mode([self::ID, 'read-only'], []);
            self::fail('expected a refusal');
        } catch (\WP_CLI\ExitException $e) {
            self::assertStringContainsString('sophmate_not_ready', $e->getMessage());
            self::assertStringContainsString('Checklist: describe the output.', $e->getMessage());
        }
        $this->rest('PATCH', '/automations/' . self::ID, ['checklist' => self::CHECKLIST]);
        $command->set_mode([self::ID, 'read-only'], ['note' => 'from the shell']);
        self::assertSame(['success', self::ID . ' is now read_only (was draft).'], end(\WP_CLI::$output));
        $runs = [$this->read_only_run(), $this->read_only_run(), $this->read_only_run()];
        $this->seed_drill('marketing', true, [self::ID]);
        try {
            $command->set_mode([self::ID, 'live'], ['reviewed-runs' => (string) $runs[0]]);
            self::fail('expected a refusal');
        } catch (\WP_CLI\ExitException $e) {
            self::assertStringContainsString('Review at least 3 successful read-only runs (1 reviewed)', $e->getMessage());
        }
        $command->set_mode([self::ID, 'live'], ['reviewed-runs' => implode(',', $runs)]);
        self::assertSame('live', $this->services->catalog->automation(self::ID)->mode->value);
        $modes = array_values(array_filter($this->audit_rows(), static fn ($r) => $r['action'] === 'mode'));
        self::assertSame(['cli', 'cli'], array_column($modes, 'source'));
    }
}
