<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Breakers\BreakerHistory;
use SophMate\SafeMode\Breakers\BreakerSimulation;
use SophMate\SafeMode\Breakers\BreakerState;
use SophMate\SafeMode\Cli\BreakersCommand;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\Acknowledgements;
use SophMate\SafeMode\Tests\integration\Support\TripAssertions;

require_once __DIR__ . '/Support/wp-cli-double.php';

/**
 * The failures, spend and customer-impact breakers tripped by real runs: the automation stops, the
 * reason is exact, one audit event, one sophmate_safe_mode_tripped, one notification, a restart
 * needs the review, and the restart starts the counters over. Two workers finishing failing runs
 * at the same moment trip the breaker exactly once.
 */
final class BreakerTripTest extends IntegrationTestCase
{
    use TripAssertions;

    /** @var list<array{string,string}> scope and reason of every sophmate_safe_mode_tripped */
    private array $trips = [];

    /** @var list<string> */
    private array $registered = [];

    protected function setUp(): void
    {
        parent::setUp();
        $this->trips = [];
        add_action('sophmate_safe_mode_tripped', [$this, 'capture_trip'], 10, 5);
        add_filter('pre_wp_mail', '__return_true'); // Counted by the breaker, never sent.
    }

    protected function tearDown(): void
    {
        remove_action('sophmate_safe_mode_tripped', [$this, 'capture_trip'], 10);
        remove_filter('pre_wp_mail', '__return_true');
        foreach ($this->registered as $id) {
            $this->services->catalog->remove_automation($id);
        }
        parent::tearDown();
    }

    /** @param mixed $context */
    public function capture_trip(string $scope, string $state, $actor, string $reason, $context = []): void
    {
        $this->trips[] = [$scope, $reason];
    }

    /** @param array<string,mixed> $args */
    private function automation(string $id, string $category, array $args = []): void
    {
        sophmate_safe_mode_register_automation($id, $args + ['label' => $id, 'kind' => 'workflow', 'category' => $category, 'owner' => 'admin']);
        $this->registered[] = $id;
    }

    /** @param array<string,mixed> $breakers */
    private function breakers(string $category, array $breakers): void
    {
        $response = $this->rest('PATCH', '/categories/' . $category, ['breakers' => $breakers]);
        self::assertSame(200, $response->get_status(), (string) wp_json_encode($this->data($response)));
        $this->forget_caches();
    }

    /** Runs $automation once to the end: true = succeeds, false = fails. */
    private function finish(string $automation, bool $ok): void
    {
        $this->forget_caches();
        $run = sophmate_safe_mode_start_run($automation, ['trigger' => 'cron']);
        self::assertTrue($run->is_allowed(), "$automation may run: " . $run->decision()->reason());
        $run->step('work');
        $ok ? $run->succeed() : $run->fail('upstream 500');
    }

    /** @return array<string,mixed> the category's breaker_state */
    private function state(string $category): array
    {
        $response = $this->rest('GET', '/categories/' . $category);
        self::assertSame(200, $response->get_status());
        return $this->data($response)['breaker_state'];
    }

    /**
     * Exactly one trip: the audit event with the breaker's context, one tripped action (in this
     * process), one trip notification; a restart without the review is refused.
     *
     * @param string $reason the exact reason, or a /regular expression/ when a race decides the value
     * @return array<string,mixed> the audit context
     */
    private function assertTrippedOnce(string $scope, string $reason, string $signal, bool $in_process = true): array
    {
        $pauses = $this->pauses($scope);
        self::assertCount(1, $pauses, 'one audit event for ' . $scope . ': ' . wp_json_encode($pauses));
        if (str_starts_with($reason, '/')) {
            self::assertMatchesRegularExpression($reason, $pauses[0]['reason']);
            $reason = $pauses[0]['reason'];
        }
        self::assertSame([$reason, 'breaker', 'circuit breaker', 'paused'], [$pauses[0]['reason'], $pauses[0]['source'], $pauses[0]['actor_login'], $pauses[0]['after_state']]);
        $context = json_decode((string) $pauses[0]['context'], true);
        self::assertSame($signal, $context['signal'] ?? null);
        self::assertArrayHasKey('value', $context);
        self::assertArrayHasKey('threshold', $context);
        self::assertArrayHasKey('breaker', $context);
        // GET /status carries the signal on the switch, so the overview needs neither the audit log nor the reason text.
        [$kind, $id] = explode(':', $scope, 2);
        $status = $this->data($this->rest('GET', '/status'));
        $listed = array_values(array_filter($status[$kind === 'category' ? 'categories' : 'automations'], static fn (array $item): bool => ($item['slug'] ?? $item['id'] ?? '') === $id));
        self::assertSame(['signal' => $signal, 'value' => $context['value'], 'threshold' => $context['threshold']], $listed[0]['switch']['trip'] ?? null);
        if ($in_process) {
            self::assertSame([[$scope, $reason]], $this->trips, 'one sophmate_safe_mode_tripped');
        }
        $outbox = $this->outbox($scope);
        self::assertCount(1, $outbox, 'one notification for ' . $scope);
        self::assertSame('trip', $outbox[0]['event']);
        $path = '/' . ($kind === 'category' ? 'categories' : 'automations') . '/' . $id . '/restart';
        $this->assertError($this->rest('POST', $path, ['note' => 'Looks fine', 'scope' => ['max_runs' => 1]]), 422, 'sophmate_review_incomplete');
        self::assertSame('paused', $this->services->switch_store->load_fresh()->state_of(Scope::parse($scope))->value, 'a breaker never restarts anything');
        return $context;
    }

    private function restart(string $category): void
    {
        $response = $this->rest('POST', '/categories/' . $category . '/restart', ['acknowledged' => Acknowledgements::REQUIRED, 'note' => 'Upstream fixed', 'scope' => ['max_runs' => 5]]);
        self::assertSame('trial', $this->data($response)['state'] ?? null, (string) wp_json_encode($this->data($response)));
        $this->forget_caches();
    }

    public function test_a_failure_rate_over_the_window_trips_only_after_min_runs_and_a_restart_starts_the_counters_over(): void
    {
        $this->automation('bt-sync', 'support');
        $this->breakers('support', ['failures' => ['consecutive' => null, 'rate_percent' => 50, 'window_runs' => 10, 'min_runs' => 10]]);
        // 6 failures in 10 runs, never more than two in a row; nothing trips before the 10th run.
        foreach ([false, true, false, true, false, true, false, false, true] as $ok) {
            $this->finish('bt-sync', $ok);
        }
        self::assertSame([], $this->pauses('category:support'), 'nine runs are fewer than min_runs');
        $state = $this->state('support')['failures'];
        self::assertSame([9, 55, 0], [$state['recent_runs'], $state['rate_percent'], $state['consecutive']]);

        $this->finish('bt-sync', false);
        $context = $this->assertTrippedOnce('category:support', 'failure rate 60% over last 10 runs ≥ 50%', 'failure_rate');
        self::assertSame([60, 50, 'failures'], [$context['value'], $context['threshold'], $context['breaker']]);
        self::assertFalse($this->allowed('bt-sync'), 'the automation stops');
        $last = $this->state('support')['last_trip'];
        self::assertSame(['category:support', 'failure_rate', 'failure rate 60% over last 10 runs ≥ 50%'], [$last['scope'], $last['signal'], $last['reason']]);

        $this->restart('support');
        $state = $this->state('support')['failures'];
        self::assertSame([0, 0, null], [$state['recent_runs'], $state['consecutive'], $state['rate_percent']], 'a restart is a new incident');
        self::assertSame('failure_rate', $this->state('support')['last_trip']['signal'] ?? null, 'the last trip stays on record');
    }

    public function test_consecutive_failures_trip_and_a_success_in_between_resets_the_streak(): void
    {
        $this->automation('bt-import', 'content');
        $this->breakers('content', ['failures' => ['consecutive' => 3, 'rate_percent' => null]]);
        foreach ([false, false, true, false, false] as $ok) {
            $this->finish('bt-import', $ok);
        }
        self::assertSame([], $this->pauses('category:content'));
        $this->finish('bt-import', false);
        $context = $this->assertTrippedOnce('category:content', '3 consecutive failures ≥ 3', 'consecutive_failures');
        self::assertSame([3, 3], [$context['value'], $context['threshold']]);
        self::assertFalse($this->allowed('bt-import'));
    }

    public function test_spend_over_the_hourly_budget_trips_during_the_run_and_stops_it_at_its_checkpoint(): void
    {
        $this->automation('bt-agent', 'marketing');
        $this->breakers('marketing', ['spend' => ['enabled' => true, 'budgets' => [['unit' => 'usd', 'per_hour' => 5.0, 'per_day' => 50.0], ['unit' => 'tokens', 'per_day' => 1000000]]]]);
        $this->forget_caches();
        $first = sophmate_safe_mode_start_run('bt-agent');
        $first->spend(2.0, 'usd');
        $first->spend(2.0, 'usd');
        $first->spend(900000, 'tokens');
        $first->succeed();
        self::assertSame([], $this->pauses('category:marketing'), '4.00 usd and 900000 tokens are within budget');

        $this->forget_caches();
        $second = sophmate_safe_mode_start_run('bt-agent');
        $second->spend(1.2, 'usd');
        $this->assertTrippedOnce('category:marketing', 'spend 5.20 usd in the last hour ≥ 5.00 usd per hour', 'spend_per_hour');
        self::assertFalse($second->checkpoint(), 'the run in flight stops at its next checkpoint');
        self::assertFalse($this->allowed('bt-agent'));
        $spend = array_column($this->state('marketing')['spend'], null, 'unit');
        self::assertEqualsWithDelta(5.2, $spend['usd']['last_hour'], 0.0001);
        self::assertSame([5.0, 50.0], [$spend['usd']['per_hour'], $spend['usd']['per_day']]);
        self::assertEqualsWithDelta(900000, $spend['tokens']['last_day'], 0.0001);
    }

    public function test_customer_facing_touched_records_trip_customer_impact_and_other_records_do_not_count(): void
    {
        $this->automation('bt-orders', 'commerce', ['customer_facing' => ['order:updated']]);
        $this->breakers('commerce', ['customer_impact' => ['enabled' => true, 'max_actions' => 3, 'window_minutes' => 60]]);
        $this->forget_caches();
        $run = sophmate_safe_mode_start_run('bt-orders');
        foreach ([1, 2, 3] as $id) {
            $run->touched('order', $id, 'updated');
            $run->touched('post', $id, 'updated'); // not customer-facing for this automation
        }
        $run->succeed();
        self::assertSame([], $this->pauses('category:commerce'), 'three actions are not more than three');
        self::assertSame(3, $this->state('commerce')['customer_impact']['count']);

        $this->forget_caches();
        $run = sophmate_safe_mode_start_run('bt-orders');
        $run->touched('order', 4, 'updated');
        $this->assertTrippedOnce('category:commerce', '4 customer-facing actions in 60 min > 3', 'customer_actions');
        $run->succeed();
        self::assertFalse($this->allowed('bt-orders'));
    }

    public function test_emails_sent_inside_a_run_count_as_customer_impact_and_emails_outside_runs_do_not(): void
    {
        $this->automation('bt-mailer', 'marketing', ['breakers' => ['customer_impact' => ['enabled' => true, 'max_actions' => 2, 'window_minutes' => 30]]]);
        wp_mail('someone@example.test', 'Not from a run', 'Hello');
        $this->forget_caches();
        $run = sophmate_safe_mode_start_run('bt-mailer');
        wp_mail('a@example.test', 'Offer', 'One');
        wp_mail(['b@example.test', 'c@example.test'], 'Offer', 'Two');
        self::assertSame([], $this->pauses('automation:bt-mailer'));
        wp_mail('d@example.test', 'Offer', 'Three');
        $this->assertTrippedOnce('automation:bt-mailer', '3 customer-facing actions in 30 min > 2', 'customer_actions');
        $run->succeed();
        self::assertFalse($this->allowed('bt-mailer'), 'the automation that overrides the kind is paused, not its category');
        self::assertSame('running', $this->services->switch_store->load_fresh()->state_of(Scope::category('marketing'))->value);
        $records = $this->data($this->rest('GET', '/runs/' . $run->id()))['affected_records'];
        self::assertSame(['a@example.test', 'b@example.test', 'd@example.test'], array_column(array_values(array_filter($records, static fn (array $r): bool => $r['type'] === 'email')), 'id'), 'each email is kept with its run');
    }

    public function test_two_workers_finishing_failing_runs_at_the_same_moment_trip_the_breaker_exactly_once(): void
    {
        $this->breakers('system', ['failures' => ['consecutive' => 3, 'rate_percent' => null]]);
        $start = microtime(true) + 3.0;
        $script = sprintf(
            '$t = 0; add_action("sophmate_safe_mode_tripped", static function () use (&$t) { $t++; });
            sophmate_safe_mode_register_automation("bt-worker", ["label" => "Worker", "kind" => "workflow", "category" => "system", "owner" => "admin"]);
            $runs = [];
            for ($i = 0; $i < 6; $i++) { $runs[] = sophmate_safe_mode_start_run("bt-worker"); }
            $allowed = count(array_filter($runs, static fn ($r) => $r->is_allowed()));
            while (microtime(true) < %F) { usleep(200); }
            foreach ($runs as $run) { $run->fail("boom"); }
            echo json_encode(["allowed" => $allowed, "tripped" => $t]);',
            $start
        );
        $workers = [];
        for ($w = 0; $w < 2; $w++) {
            $workers[] = $this->spawn($script);
        }
        $results = [];
        foreach ($workers as [$process, $pipes]) {
            $out = stream_get_contents($pipes[1]);
            fclose($pipes[1]);
            proc_close($process);
            $results[] = json_decode(trim((string) $out), true) ?? $out;
        }
        foreach ($results as $result) {
            self::assertIsArray($result, (string) wp_json_encode($results));
            self::assertSame(6, $result['allowed'], 'every run started before the trip');
        }
        self::assertSame(1, $results[0]['tripped'] + $results[1]['tripped'], 'one sophmate_safe_mode_tripped across both workers: ' . wp_json_encode($results));
        $this->automation('bt-worker', 'system');
        // The streak may already be past 3 when the winning worker reads it: both raced to the threshold.
        $this->assertTrippedOnce('category:system', '/^([3-9]|1[0-2]) consecutive failures ≥ 3$/', 'consecutive_failures', false);
        self::assertFalse($this->allowed('bt-worker'));
        self::assertSame(12, $this->state('system')['failures']['consecutive'], 'every failure was counted, none lost to the race');
    }

    public function test_simulate_replays_history_with_draft_settings_and_refuses_bad_ones_naming_the_field(): void
    {
        $this->automation('bt-sim', 'image');
        $this->breakers('image', ['failures' => ['enabled' => false]]);
        foreach ([false, false, true, false, false, false, false] as $ok) {
            $this->finish('bt-sim', $ok);
        }
        self::assertSame([], $this->pauses('category:image'), 'the breaker is off');
        $response = $this->rest('POST', '/categories/image/breakers/simulate', ['breakers' => ['failures' => ['consecutive' => 2, 'rate_percent' => null]]]);
        self::assertSame(200, $response->get_status(), (string) wp_json_encode($this->data($response)));
        $data = $this->data($response);
        self::assertSame(7, $data['runs_considered']);
        self::assertSame(
            [['category:image', 'consecutive_failures', '2 consecutive failures ≥ 2'], ['category:image', 'consecutive_failures', '2 consecutive failures ≥ 2'], ['category:image', 'consecutive_failures', '2 consecutive failures ≥ 2']],
            array_map(static fn (array $t): array => [$t['scope'], $t['signal'], $t['reason']], $data['trips'])
        );
        self::assertMatchesRegularExpression('/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $data['trips'][0]['at']);
        self::assertSame([], $this->data($this->rest('POST', '/categories/image/breakers/simulate'))['trips'], 'the current settings (off) would not have tripped');
        self::assertSame([], $this->pauses('category:image'), 'a simulation changes nothing');

        $bad = $this->rest('POST', '/categories/image/breakers/simulate', ['breakers' => ['failures' => ['min_runs' => 0]]]);
        $this->assertError($bad, 400, 'sophmate_invalid_breakers');
        self::assertStringContainsString('breakers.failures.min_runs', $this->data($bad)['message']);
        $this->assertError($this->rest('PATCH', '/categories/image', ['breakers' => ['spend' => ['enabled' => true]]]), 400, 'sophmate_invalid_breakers');
        $this->assertError($this->rest('POST', '/categories/nope/breakers/simulate'), 404, 'sophmate_unknown_category');
    }

    public function test_cli_lists_values_next_to_thresholds_and_simulates_draft_settings(): void
    {
        \WP_CLI::reset();
        $this->automation('bt-cli', 'agent');
        $this->breakers('agent', ['failures' => ['consecutive' => 4, 'rate_percent' => null], 'spend' => ['enabled' => true, 'budgets' => [['unit' => 'usd', 'per_day' => 20]]]]);
        foreach ([false, false] as $ok) {
            $this->finish('bt-cli', $ok);
        }
        $command = new BreakersCommand($this->services, BreakerState::from_services($this->services), new BreakerSimulation($this->services->catalog, new BreakerHistory($this->db, $this->services->schema), $this->services->clock, new \SophMate\SafeMode\Breakers\FreshnessReader($this->services->clock)));
        $command->list(['agent'], ['format' => 'json']);
        $rows = array_column(\WP_CLI::$formatted[0]['rows'], null, 'breaker');
        self::assertSame(['yes', '2 in a row; 100% over 2 runs', 'consecutive 4; rate off over 20 runs (min 10)'], [$rows['failures']['enabled'], $rows['failures']['value'], $rows['failures']['threshold']]);
        self::assertSame(['yes', '- per hour; 20 per day'], [$rows['spend:usd']['enabled'], $rows['spend:usd']['threshold']]);
        self::assertSame('no', $rows['updates']['enabled']);

        \WP_CLI::reset();
        $command->simulate(['agent'], ['breakers' => '{"failures":{"consecutive":2,"rate_percent":null}}', 'format' => 'csv']);
        self::assertSame(['2 consecutive failures ≥ 2'], array_column(\WP_CLI::$formatted[0]['rows'], 'reason'));
        \WP_CLI::reset();
        try {
            $command->simulate(['agent'], ['breakers' => '{"failures":{"window_runs":0}}']);
            self::fail('accepted window_runs 0');
        } catch (\WP_CLI\ExitException $e) {
            self::assertStringContainsString('breakers.failures.window_runs', $e->getMessage());
        }
        self::assertSame([], $this->pauses('category:agent'));
    }

    /** @return array{resource,array<int,resource>} */
    private function spawn(string $code): array
    {
        $host = (string) parse_url(home_url(), PHP_URL_HOST) . (parse_url(home_url(), PHP_URL_PORT) ? ':' . parse_url(home_url(), PHP_URL_PORT) : '');
        $script = sprintf('$_SERVER["HTTP_HOST"] = %s; require %s; wp_set_current_user(%d); %s', var_export($host, true), var_export(ABSPATH . 'wp-load.php', true), self::admin_id(), $code);
        $process = proc_open([PHP_BINARY, '-d', 'display_errors=stderr', '-r', $script], [1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
        self::assertIsResource($process);
        return [$process, $pipes];
    }
}
