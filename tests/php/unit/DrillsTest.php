<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit;

use PHPUnit\Framework\TestCase;
use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Config\BuiltinCategories;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Config\Category;
use SophMate\SafeMode\Domain\Config\PausePolicy;
use SophMate\SafeMode\Domain\Drills\BindingResult;
use SophMate\SafeMode\Domain\Drills\DrillBinding;
use SophMate\SafeMode\Domain\Drills\DrillPlan;
use SophMate\SafeMode\Domain\Drills\DrillReport;
use SophMate\SafeMode\Domain\Exception\Conflict;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\Acknowledgements;
use SophMate\SafeMode\Domain\Switches\Source;
use SophMate\SafeMode\Domain\Switches\SwitchService;
use SophMate\SafeMode\Drills\RestProbe;
use SophMate\SafeMode\Tests\unit\Support\FakeTrialUsage;
use SophMate\SafeMode\Tests\unit\Support\FixedClock;
use SophMate\SafeMode\Tests\unit\Support\InMemoryAuditLog;
use SophMate\SafeMode\Tests\unit\Support\InMemorySwitchStateStore;

/** Pause drills: what a drill exercises, how its report reads, and the exact restore it ends with. */
final class DrillsTest extends TestCase
{
    private const ALICE = ['id' => 7, 'login' => 'alice', 'name' => 'Alice Ops'];

    private static function category(array $policy = [], array $providers = []): Category
    {
        return new Category('marketing', 'Marketing', '', true, 7, 8, PausePolicy::from_array($policy), 30, $providers);
    }

    /** @return list<AutomationDefinition> */
    private static function automations(): array
    {
        return [
            AutomationDefinition::from_args('newsletter', ['label' => 'Newsletter', 'kind' => 'playbook', 'category' => 'marketing', 'cron_hooks' => ['acme_send'], 'rest_routes' => ['/acme/v1/hook'], 'providers' => ['mailer']], 7),
            AutomationDefinition::from_args('digest', ['label' => 'Digest', 'kind' => 'workflow', 'category' => 'commerce', 'cron_hooks' => ['acme_digest']], 7),
            AutomationDefinition::from_args('audience', ['label' => 'Audience sync', 'kind' => 'workflow', 'category' => 'marketing'], 7),
        ];
    }

    /** @return list<string> */
    private static function keys(DrillPlan $plan): array
    {
        return array_map(static fn (DrillBinding $b): string => $b->key(), $plan->bindings);
    }

    /** @param list<BindingResult> $results */
    private static function report(DrillPlan $plan, array $results, array $overrides = []): DrillReport
    {
        $o = $overrides + ['restored' => 'running', 'ok' => true, 'aborted' => null, 'people' => [7 => self::ALICE, 8 => null]];
        return new DrillReport(
            12,
            $plan,
            $results,
            'staging',
            new \DateTimeImmutable('2026-11-25T12:00:00Z'),
            new \DateTimeImmutable('2026-11-25T12:00:02Z'),
            self::ALICE,
            'running',
            $o['restored'],
            $o['ok'],
            $o['aborted'],
            $o['people'],
            'https://example.test/wp-admin/admin.php?page=sophmate&view=category&slug=marketing',
        );
    }

    /** @return list<BindingResult> every binding held */
    private static function all_held(DrillPlan $plan): array
    {
        return array_map(static fn (DrillBinding $b): BindingResult => BindingResult::held($b, 'held'), $plan->bindings);
    }

    public function test_the_plan_exercises_each_automation_of_the_category_and_every_binding_it_has(): void
    {
        $plan = DrillPlan::for(self::category([], ['ai']), self::automations());

        self::assertSame(['audience', 'newsletter'], $plan->automation_ids(), 'only this category, in a stable order');
        self::assertSame([
            'audience|cooperative|audience',
            'audience|provider|ai',
            'newsletter|cooperative|newsletter',
            'newsletter|cron|acme_send',
            'newsletter|rest|/acme/v1/hook',
            'newsletter|provider|mailer',
            'newsletter|provider|ai',
        ], self::keys($plan), 'the category\'s providers are exercised from each of its automations');
    }

    public function test_a_read_only_automation_gets_a_read_only_check_after_the_pause(): void
    {
        $reader = AutomationDefinition::from_args('reader', ['kind' => 'agent', 'category' => 'marketing', 'mode' => 'read_only'], 7);
        $plan = DrillPlan::for(self::category(), [$reader]);

        self::assertSame(['reader|cooperative|reader', 'reader|read_only|reader'], self::keys($plan));
        self::assertSame(['reader|cooperative|reader'], array_map(static fn (DrillBinding $b): string => $b->key(), $plan->paused_bindings()));
    }

    public function test_the_policy_says_what_pauses_at_once_what_finishes_and_what_needs_cleanup(): void
    {
        $stop = DrillPlan::for(self::category(['running' => 'stop_at_checkpoint', 'scheduled' => 'hold', 'queued' => 'cancel', 'retrying' => 'cancel']), self::automations());
        $text = implode("\n", $stop->paused_immediately());
        self::assertStringContainsString('stop at their next checkpoint()', $text);
        self::assertStringContainsString('acme_send: due recurring events are held and run once after restart (scheduled: hold), queued one-off events are dropped and recorded as cancelled (queued: cancel)', $text);
        self::assertStringContainsString('/acme/v1/hook answers 503', $text);
        self::assertStringContainsString('retrying: cancel', $text);
        self::assertSame([], $stop->would_finish());

        $finish = DrillPlan::for(self::category(['running' => 'finish', 'cleanup_notes' => "- Check the CRM list\n\n* Resend held mails  "]), self::automations());
        self::assertCount(2, $finish->would_finish());
        self::assertStringContainsString('"Newsletter" already in progress run to completion', $finish->would_finish()[1]);
        self::assertSame(['Check the CRM list', 'Resend held mails'], $finish->needs_cleanup());
    }

    public function test_a_drill_where_every_binding_held_passes(): void
    {
        $plan = DrillPlan::for(self::category(['restart_owner_id' => 7]), self::automations());
        $report = self::report($plan, self::all_held($plan))->to_array();

        self::assertSame('passed', $report['outcome']);
        self::assertNull($report['failure_reason']);
        self::assertSame(['total' => 5, 'passed' => 5, 'failed' => 0, 'not_exercised' => 0], $report['summary']);
        self::assertSame(self::ALICE, $report['restart']['owner']);
        self::assertStringContainsString('Alice Ops restarts', $report['restart']['detail']);
        self::assertSame(['2026-11-25T12:00:00Z', '2026-11-25T12:00:02Z', 'staging'], [$report['started_at'], $report['finished_at'], $report['environment']]);
        self::assertSame(['id', 'category', 'category_label', 'outcome', 'environment', 'started_at', 'finished_at', 'actor', 'automations', 'prior_state', 'restored_state', 'state_restored', 'bindings', 'summary', 'paused_immediately', 'would_finish', 'needs_cleanup', 'restart', 'failure_reason', 'review_url'], array_keys($report));
    }

    public function test_a_binding_that_got_through_fails_the_drill_and_is_named(): void
    {
        $plan = DrillPlan::for(self::category(), self::automations());
        $results = self::all_held($plan);
        $results[2] = BindingResult::got_through($plan->bindings[2], 'callbacks ran');
        $report = self::report($plan, $results)->to_array();

        self::assertSame('failed', $report['outcome']);
        self::assertSame('1 binding(s) were not held by the pause: cron acme_send of newsletter.', $report['failure_reason']);
        self::assertFalse($report['bindings'][2]['passed']);
    }

    public function test_a_binding_that_could_not_be_exercised_is_reported_but_does_not_fail_the_drill(): void
    {
        $plan = DrillPlan::for(self::category(), self::automations());
        $results = self::all_held($plan);
        $results[3] = BindingResult::not_exercised($plan->bindings[3], 'regex route');
        $report = self::report($plan, $results)->to_array();

        self::assertSame('passed', $report['outcome']);
        self::assertSame(['exercised' => false, 'passed' => null, 'detail' => 'regex route'], array_slice($report['bindings'][3], 3));
        self::assertSame(1, $report['summary']['not_exercised']);
    }

    public function test_a_drill_that_stopped_early_fails_and_marks_the_rest_not_exercised(): void
    {
        $plan = DrillPlan::for(self::category(), self::automations());
        $report = self::report($plan, array_slice(self::all_held($plan), 0, 2), ['aborted' => 'disk full'])->to_array();

        self::assertSame('failed', $report['outcome']);
        self::assertSame('The drill stopped early: disk full', $report['failure_reason']);
        self::assertSame([true, true, null, null, null], array_column($report['bindings'], 'passed'));
        self::assertStringContainsString('stopped before it got here', $report['bindings'][4]['detail']);
    }

    public function test_a_state_not_restored_is_the_first_thing_the_report_says(): void
    {
        $plan = DrillPlan::for(self::category(), self::automations());
        $report = self::report($plan, self::all_held($plan), ['restored' => 'paused', 'ok' => false, 'aborted' => 'boom'])->to_array();

        self::assertSame('failed', $report['outcome']);
        self::assertStringStartsWith('The category was not put back to its prior state (running); it is paused now.', (string) $report['failure_reason']);
    }

    public function test_a_category_without_automations_proves_nothing_and_without_owners_names_nobody(): void
    {
        $plan = DrillPlan::for(new Category('empty', 'Empty', '', false, null, null, new PausePolicy()), self::automations());
        $report = self::report($plan, [], ['people' => []])->to_array();

        self::assertSame('failed', $report['outcome']);
        self::assertStringContainsString('no automations', (string) $report['failure_reason']);
        self::assertNull($report['restart']['owner']);
        self::assertStringStartsWith('Nobody is named to restart', $report['restart']['detail']);
    }

    public function test_a_restart_owner_who_no_longer_exists_is_named_as_missing(): void
    {
        $plan = DrillPlan::for(self::category(['restart_owner_id' => 9]), self::automations());
        $restart = self::report($plan, self::all_held($plan), ['people' => [9 => null, 7 => self::ALICE, 8 => null]])->to_array()['restart'];

        self::assertNull($restart['owner']);
        self::assertSame([self::ALICE], $restart['owners']);
        self::assertSame('The restart owner (user #9) no longer exists; Alice Ops (owner) would restart it.', $restart['detail']);
    }

    public function test_a_route_pattern_is_filled_with_a_sample_path_or_reported_as_impossible(): void
    {
        self::assertSame('/acme/v1/hook', RestProbe::instantiate('/acme/v1/hook'));
        self::assertSame('/acme/v1/orders/1', RestProbe::instantiate('/acme/v1/orders/(?P<id>\\d+)'));
        self::assertSame('/acme/v1/items/1/notes', RestProbe::instantiate('/acme/v1/items/(?P<id>[^/]+)/notes'));
        self::assertSame('/acme/v1/hooks/sophmate-drill', RestProbe::instantiate('/acme/v1/hooks/(?P<slug>[a-z-]+)'));
        self::assertNull(RestProbe::instantiate('/acme/v1/(?P<key>[a-f]{32})'), 'no sample is a 32-digit hex key');
        self::assertNull(RestProbe::instantiate('/acme/v1/(a|b)'), 'an unnamed group');
        self::assertNull(RestProbe::instantiate('/acme/v1/.*'), 'a wildcard');
    }

    public function test_restore_puts_back_the_exact_record_and_never_overwrites_someone_elses_change(): void
    {
        $catalog = new Catalog(static fn () => BuiltinCategories::all());
        $store = new InMemorySwitchStateStore();
        $audit = new InMemoryAuditLog();
        $clock = new FixedClock();
        $service = new SwitchService($store, $audit, $catalog, new FakeTrialUsage(), $clock);
        $scope = Scope::category('marketing');
        $alice = new Actor(7, 'alice', 'Alice Ops');
        $service->pause($scope, 'bad batch', $alice, Source::Admin);
        $service->restart($scope, Acknowledgements::REQUIRED, 'fixed', ['max_runs' => 2], $alice, Source::Admin);
        $prior = $store->board->record_for($scope);

        $clock->advance('+1 hour');
        $drill = $service->pause($scope, 'Pause drill #1', Actor::system('cli'), Source::Drill)->board->record_for($scope);
        $result = $service->restore($scope, $prior, $drill, Actor::system('cli'), Source::Drill, 'Pause drill #1: restored');

        self::assertSame(['paused', 'trial'], [$result->before, $result->after]);
        self::assertSame($prior->to_array(), $store->board->record_for($scope)->to_array(), 'same reason, actor, since and trial budget');
        self::assertFalse($service->restore($scope, $prior, $drill, Actor::system('cli'), Source::Drill, 'again')->changed, 'already back: nothing written');

        $service->pause($scope, 'Pause drill #2', Actor::system('cli'), Source::Drill);
        $service->restore($scope, $prior, $store->board->record_for($scope), Actor::system(), Source::Drill, '');
        $service->pause($scope, 'a real incident', $alice, Source::Admin);
        $this->expectException(Conflict::class);
        $service->restore($scope, $prior, $drill, Actor::system('cli'), Source::Drill, 'late restore');
    }
}
