<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Enforcement\CronGate;

/**
 * Bound cron hooks of a plugin that knows nothing about us, run through the same steps as
 * wp-cron.php (reschedule, unschedule, do_action) for every due event.
 */
final class CronGateTest extends IntegrationTestCase
{
    private const RECURRING = 'acme_test_sync';
    private const SINGLE = 'acme_test_send_once';

    /** @var list<string> */
    public static array $calls = [];

    protected function setUp(): void
    {
        parent::setUp();
        self::$calls = [];
        wp_clear_scheduled_hook(self::RECURRING);
        wp_clear_scheduled_hook(self::SINGLE);
        wp_clear_scheduled_hook('acme_test_flaky');
        wp_unschedule_hook(CronGate::RETRY_HOOK);
        delete_option(CronGate::HELD_OPTION);
        foreach ([self::RECURRING, self::SINGLE] as $hook) {
            remove_all_actions($hook);
            add_action($hook, static function () use ($hook): void {
                self::$calls[] = $hook;
            });
        }
        sophmate_safe_mode_register_automation('acme-sync', ['label' => 'Acme sync', 'kind' => 'workflow', 'category' => 'marketing', 'owner' => 'admin', 'cron_hooks' => [self::RECURRING, self::SINGLE]]);
    }

    public function test_a_bound_recurring_hook_runs_and_is_recorded_while_nothing_is_paused(): void
    {
        wp_schedule_event(time() - 10, 'hourly', self::RECURRING);
        $this->tick();
        self::assertSame([self::RECURRING], self::$calls);
        self::assertSame(['succeeded'], $this->statuses());
    }

    public function test_skip_policy_skips_each_occurrence_records_it_and_keeps_the_schedule(): void
    {
        $this->policy('marketing', ['scheduled' => 'skip']);
        $this->pause('marketing');
        wp_schedule_event(time() - 10, 'hourly', self::RECURRING);

        $this->tick();

        self::assertSame([], self::$calls, 'the callback did not run');
        self::assertSame(['skipped'], $this->statuses());
        $next = wp_next_scheduled(self::RECURRING);
        self::assertNotFalse($next);
        self::assertGreaterThan(time() + 3000, $next, 'the next occurrence is scheduled an hour on');
    }

    public function test_hold_policy_keeps_the_due_event_waiting_and_runs_it_once_after_restart(): void
    {
        $this->policy('marketing', ['scheduled' => 'hold']);
        $this->pause('marketing');
        $due = time() - 10;
        wp_schedule_event($due, 'hourly', self::RECURRING);

        $this->tick();
        $this->tick();

        self::assertSame([], self::$calls);
        self::assertSame(['held'], $this->statuses(), 'held once, however many ticks');
        self::assertSame($due, wp_next_scheduled(self::RECURRING), 'the due event is still waiting');
        self::assertCount(1, $this->events_of(self::RECURRING), 'no extra occurrences piled up');

        $this->restart('marketing');
        $this->tick();

        self::assertSame([self::RECURRING], self::$calls, 'ran exactly once after restart');
        self::assertGreaterThan(time() + 3000, wp_next_scheduled(self::RECURRING), 'normal schedule resumes');
        self::assertCount(1, $this->events_of(self::RECURRING));
    }

    public function test_held_events_run_within_the_trial_budget_and_the_rest_wait_for_promotion(): void
    {
        $this->policy('marketing', ['scheduled' => 'hold', 'queued' => 'hold']);
        $this->pause('marketing');
        wp_schedule_event(time() - 3 * HOUR_IN_SECONDS, 'hourly', self::RECURRING);
        wp_schedule_single_event(time() - 5, self::SINGLE, [1]);
        $this->tick();
        $this->tick();
        self::assertSame([], self::$calls);

        $response = $this->rest('POST', '/categories/marketing/restart', ['acknowledged' => \SophMate\SafeMode\Domain\Switches\Acknowledgements::REQUIRED, 'note' => 'one trial run', 'scope' => ['max_runs' => 1]]);
        self::assertSame('trial', $this->data($response)['state']);
        $this->tick();
        $this->tick();

        self::assertCount(1, self::$calls, 'one trial run, not a burst of every missed occurrence');
        $waiting = array_values(array_diff([self::RECURRING, self::SINGLE], self::$calls));
        self::assertNotFalse(wp_next_scheduled($waiting[0], $waiting[0] === self::SINGLE ? [1] : []), 'the event beyond the budget is held, not lost');

        self::assertSame('running', $this->data($this->rest('POST', '/categories/marketing/promote'))['state']);
        $this->tick();
        self::assertEqualsCanonicalizing([self::RECURRING, self::SINGLE], self::$calls, 'after promotion the held event runs once');
        self::assertGreaterThan(time() + 3000, wp_next_scheduled(self::RECURRING), 'the recurring hook is back on its normal schedule');
    }

    public function test_a_queued_single_event_is_held_under_hold(): void
    {
        $this->policy('marketing', ['queued' => 'hold']);
        $this->pause('marketing');
        wp_schedule_single_event(time() - 5, self::SINGLE, [42]);

        $this->tick();

        self::assertSame([], self::$calls);
        self::assertSame(['held'], $this->statuses());
        self::assertNotFalse(wp_next_scheduled(self::SINGLE, [42]), 'still queued');

        $this->restart('marketing');
        $this->tick();
        self::assertSame([self::SINGLE], self::$calls);
        self::assertFalse(wp_next_scheduled(self::SINGLE, [42]));
    }

    public function test_a_queued_single_event_is_cancelled_under_cancel(): void
    {
        $this->policy('marketing', ['queued' => 'cancel']);
        $this->pause('marketing');
        wp_schedule_single_event(time() - 5, self::SINGLE, [7]);

        $this->tick();

        self::assertSame([], self::$calls);
        self::assertSame(['cancelled'], $this->statuses());
        self::assertFalse(wp_next_scheduled(self::SINGLE, [7]), 'unscheduled');

        $this->restart('marketing');
        $this->tick();
        self::assertSame([], self::$calls, 'a cancelled job never comes back');
    }

    public function test_unbound_hooks_are_left_alone_while_paused(): void
    {
        $this->pause('marketing');
        add_action('acme_unbound', static function (): void {
            self::$calls[] = 'acme_unbound';
        });
        wp_schedule_single_event(time() - 5, 'acme_unbound');
        $this->tick();
        self::assertSame(['acme_unbound'], self::$calls);
        self::assertSame([], $this->statuses());
    }

    public function test_a_cooperative_automation_on_a_bound_hook_records_one_run_with_its_own_outcome(): void
    {
        add_action(self::SINGLE, static function (): void {
            $run = sophmate_safe_mode_start_run('acme-sync');
            $run->step('send');
            $run->fail('SMTP said no');
        });
        wp_schedule_single_event(time() - 5, self::SINGLE, [1]);
        $this->tick();
        $rows = $this->db->get_results("SELECT status, failed_step, error, run_trigger FROM {$this->services->schema->runs_table()}", ARRAY_A);
        self::assertSame([['status' => 'failed', 'failed_step' => 'send', 'error' => 'SMTP said no', 'run_trigger' => 'cron']], $rows);
    }

    public function test_a_failed_run_is_retried_per_the_automations_policy_and_a_pause_holds_the_retry(): void
    {
        sophmate_safe_mode_register_automation('acme-retrying', ['label' => 'Retrying', 'kind' => 'workflow', 'category' => 'support', 'owner' => 'admin', 'cron_hooks' => ['acme_test_flaky'], 'retry' => ['max_attempts' => 2, 'backoff_seconds' => 60]]);
        remove_all_actions('acme_test_flaky');
        add_action('acme_test_flaky', static function ($order): void {
            self::$calls[] = 'flaky:' . $order;
            sophmate_safe_mode_start_run('acme-retrying')->fail('timeout');
        });
        wp_schedule_single_event(time() - 5, 'acme_test_flaky', [99]);
        $this->tick(['acme_test_flaky']);

        $retry = wp_next_scheduled(CronGate::RETRY_HOOK, ['acme-retrying', 'acme_test_flaky', [99], 2]);
        self::assertNotFalse($retry, 'attempt 2 is scheduled');

        // Make the retry due now rather than waiting out its backoff.
        $retry_args = ['acme-retrying', 'acme_test_flaky', [99], 2];
        wp_unschedule_event($retry, CronGate::RETRY_HOOK, $retry_args);
        wp_schedule_single_event(time() - 1, CronGate::RETRY_HOOK, $retry_args);

        $this->policy('support', ['retrying' => 'hold']);
        $this->pause('support');
        $this->tick([CronGate::RETRY_HOOK]);
        self::assertSame(['flaky:99'], self::$calls, 'the retry waits while paused');
        self::assertNotFalse(wp_next_scheduled(CronGate::RETRY_HOOK, ['acme-retrying', 'acme_test_flaky', [99], 2]), 'held, attempt count kept');

        $this->restart('support');
        $this->tick([CronGate::RETRY_HOOK]);
        self::assertSame(['flaky:99', 'flaky:99'], self::$calls);
        $attempts = $this->db->get_col("SELECT attempt FROM {$this->services->schema->runs_table()} WHERE automation = 'acme-retrying' AND status = 'failed' ORDER BY id");
        self::assertSame(['1', '2'], $attempts);
        self::assertFalse(wp_next_scheduled(CronGate::RETRY_HOOK, ['acme-retrying', 'acme_test_flaky', [99], 3]), 'no attempt beyond max_attempts');
    }

    /** Runs due events exactly as wp-cron.php does. */
    /** @param list<string> $only hooks to run (default: this test's hooks) */
    private function tick(array $only = []): void
    {
        $only = $only === [] ? [self::RECURRING, self::SINGLE, 'acme_unbound'] : $only;
        $this->forget_caches();
        add_filter('wp_doing_cron', '__return_true');
        try {
            $crons = _get_cron_array() ?: [];
            $now = microtime(true);
            foreach ($crons as $timestamp => $hooks) {
                if ($timestamp > $now) {
                    break;
                }
                foreach ($hooks as $hook => $keys) {
                    if (!in_array($hook, $only, true)) {
                        continue;
                    }
                    foreach ($keys as $event) {
                        if ($event['schedule']) {
                            wp_reschedule_event($timestamp, $event['schedule'], $hook, $event['args'], true);
                        }
                        wp_unschedule_event($timestamp, $hook, $event['args'], true);
                        do_action_ref_array($hook, $event['args']);
                    }
                }
            }
        } finally {
            remove_filter('wp_doing_cron', '__return_true');
        }
    }

    /** @return list<string> */
    private function statuses(): array
    {
        return $this->db->get_col("SELECT status FROM {$this->services->schema->runs_table()} ORDER BY id");
    }

    /** @return list<int> timestamps */
    private function events_of(string $hook): array
    {
        $found = [];
        foreach (_get_cron_array() ?: [] as $timestamp => $hooks) {
            if (isset($hooks[$hook])) {
                $found[] = $timestamp;
            }
        }
        return $found;
    }

    /** @param array<string,string> $policy */
    private function policy(string $slug, array $policy): void
    {
        self::assertSame(200, $this->rest('PATCH', '/categories/' . $slug, ['policy' => $policy])->get_status());
    }

    private function pause(string $slug): void
    {
        self::assertSame(200, $this->rest('POST', '/categories/' . $slug . '/pause', ['reason' => 'cron test'])->get_status());
    }

    private function restart(string $slug): void
    {
        // A reviewed restart puts the category in trial, with a budget these tests never reach.
        $response = $this->rest('POST', '/categories/' . $slug . '/restart', ['acknowledged' => \SophMate\SafeMode\Domain\Switches\Acknowledgements::REQUIRED, 'note' => 'cron test', 'scope' => ['max_runs' => 100]]);
        self::assertSame('trial', $this->data($response)['state']);
    }
}
