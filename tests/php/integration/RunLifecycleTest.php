<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Domain\Runs\RunQuery;

final class RunLifecycleTest extends IntegrationTestCase
{
    private const REGISTER = 'sophmate_safe_mode_register_automation("crashy", ["label" => "Crashy", "kind" => "custom_tool", "category" => "system", "owner" => "admin"]);';

    public function test_a_fatal_error_inside_a_run_is_recorded_as_that_runs_failure(): void
    {
        $this->php_in_site(self::REGISTER . '
            $run = sophmate_safe_mode_start_run("crashy", ["trigger" => "manual"]);
            $run->step("call a function that does not exist");
            sophmate_no_such_function();', [], $exit);

        self::assertNotSame(0, $exit);
        $run = $this->services->runs->find(new RunQuery(null, 'crashy'))['items'][0];
        self::assertSame('failed', $run->status->value);
        self::assertStringContainsString('sophmate_no_such_function', (string) $run->error);
        self::assertSame(['call a function that does not exist'], array_column($run->steps, 'name'));
    }

    public function test_a_run_dropped_without_an_outcome_is_recorded_as_failed(): void
    {
        sophmate_safe_mode_register_automation('forgetful', ['label' => 'Forgetful', 'kind' => 'workflow', 'category' => 'system', 'owner' => 'admin']);
        (static function (): void {
            $run = sophmate_safe_mode_start_run('forgetful');
            $run->step('work');
        })();
        $run = $this->services->runs->find(new RunQuery(null, 'forgetful'))['items'][0];
        self::assertSame('failed', $run->status->value);
        self::assertStringStartsWith('abandoned', (string) $run->error);
    }

    public function test_stop_at_checkpoint_stops_a_long_run_paused_from_another_request(): void
    {
        sophmate_safe_mode_register_automation('long-job', ['label' => 'Long job', 'kind' => 'workflow', 'category' => 'marketing', 'owner' => 'admin']);
        $run = sophmate_safe_mode_start_run('long-job');
        self::assertTrue($run->checkpoint());
        // Another worker pauses marketing (policy: stop_at_checkpoint) while this run is going.
        $this->php_in_site('sophmate_safe_mode_pause("category:marketing", "stop now");');

        self::assertFalse($run->checkpoint());
        self::assertSame('cancelled', $this->services->runs->get($run->id())->status->value);
    }

    public function test_finish_policy_lets_a_running_job_complete(): void
    {
        sophmate_safe_mode_register_automation('content-job', ['label' => 'Content job', 'kind' => 'workflow', 'category' => 'content', 'owner' => 'admin']);
        $run = sophmate_safe_mode_start_run('content-job');
        $this->php_in_site('sophmate_safe_mode_pause("category:content", "finish what you started");');
        self::assertTrue($run->checkpoint(), 'content finishes running jobs');
        $run->succeed();
        self::assertSame('succeeded', $this->services->runs->get($run->id())->status->value);
    }

    public function test_maintenance_fails_abandoned_runs_and_prunes_old_history_but_never_audit(): void
    {
        sophmate_safe_mode_register_automation('old-job', ['label' => 'Old', 'kind' => 'workflow', 'category' => 'system', 'owner' => 'admin']);
        $runs = $this->services->runs;
        $now = new \DateTimeImmutable('now', new \DateTimeZone('UTC'));
        $stuck = $runs->create('old-job', 'system', 'cron', \SophMate\SafeMode\Domain\Runs\RunStatus::Running, false, 1, '', '', [], $now->modify('-3 hours'));
        $ancient = $runs->create('old-job', 'system', 'cron', \SophMate\SafeMode\Domain\Runs\RunStatus::Succeeded, false, 1, '', '', [], $now->modify('-200 days'));
        $runs->add_event($ancient, 'step', ['name' => 'x'], $now->modify('-200 days'));
        $recent = $runs->create('old-job', 'system', 'cron', \SophMate\SafeMode\Domain\Runs\RunStatus::Running, false, 1, '', '', [], $now->modify('-5 minutes'));
        $this->rest('POST', '/categories/system/pause', ['reason' => 'keep me']);

        $result = $this->services->maintenance->run();

        self::assertSame(['abandoned' => 1, 'pruned' => 1], $result);
        self::assertSame('failed', $runs->get($stuck)->status->value);
        self::assertStringStartsWith('abandoned', (string) $runs->get($stuck)->error);
        self::assertNull($runs->get($ancient));
        self::assertSame('0', $this->db->get_var($this->db->prepare("SELECT COUNT(*) FROM {$this->services->schema->run_events_table()} WHERE run_id = %d", $ancient)));
        self::assertSame('running', $runs->get($recent)->status->value);
        self::assertCount(1, $this->audit_rows());
    }

    public function test_nothing_paused_adds_zero_queries_to_a_request(): void
    {
        $out = $this->php_in_site('
            global $wpdb;
            sophmate_safe_mode_register_automation("probe", ["label" => "Probe", "kind" => "watcher", "category" => "content", "owner" => 1, "cron_hooks" => ["probe_hook"]]);
            $before = $wpdb->num_queries;
            for ($i = 0; $i < 50; $i++) { sophmate_safe_mode_decide("probe"); }
            wp_remote_get("https://example.test/");
            $mine = array_filter($wpdb->queries, static fn ($q) => stripos($q[0], "sophmate") !== false);
            echo json_encode(["added" => $wpdb->num_queries - $before, "mine" => array_values(array_map(static fn ($q) => $q[0], $mine))]);', ['SAVEQUERIES' => true]);
        $result = json_decode($out, true);
        self::assertIsArray($result, $out);
        self::assertSame(0, $result['added']);
        self::assertSame([], $result['mine'], 'no query on the plugin\'s options or tables during load, decisions or HTTP');
    }
}
