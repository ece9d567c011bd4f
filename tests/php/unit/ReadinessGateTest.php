<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit;

use PHPUnit\Framework\TestCase;
use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Config\AutomationMode;
use SophMate\SafeMode\Domain\Config\Category;
use SophMate\SafeMode\Domain\Config\PausePolicy;
use SophMate\SafeMode\Domain\Drills\DrillOutcome;
use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Readiness\NotReady;
use SophMate\SafeMode\Domain\Readiness\OwnerStanding;
use SophMate\SafeMode\Domain\Readiness\OwnershipCheck;
use SophMate\SafeMode\Domain\Readiness\ReadinessFacts;
use SophMate\SafeMode\Domain\Readiness\ReadinessGate;
use SophMate\SafeMode\Domain\Readiness\ReviewedRuns;
use SophMate\SafeMode\Domain\Runs\RunRecord;
use SophMate\SafeMode\Domain\Runs\RunStatus;

final class ReadinessGateTest extends TestCase
{
    private const CHECKLIST = [
        'trigger' => 'hourly cron', 'input_data' => 'orders', 'output' => 'emails', 'approval' => 'none',
        'retry' => '3 times', 'failure_notification' => 'email to owner',
    ];

    /** @param array<string,mixed> $overrides */
    private static function automation(array $overrides = []): AutomationDefinition
    {
        $args = $overrides + ['label' => 'Sync', 'kind' => 'workflow', 'category' => 'marketing', 'mode' => 'draft', 'cron_hooks' => ['sync_hook'], 'checklist' => self::CHECKLIST];
        return AutomationDefinition::from_args('sync', $args, array_key_exists('owner_id', $overrides) ? $overrides['owner_id'] : 7, (string) ($overrides['origin'] ?? 'admin'));
    }

    private static function drill(bool $passed = true, array $covers = ['sync']): DrillOutcome
    {
        return new DrillOutcome(11, 'marketing', $passed, new \DateTimeImmutable('2026-11-25T10:00:00Z'), 'staging', $covers);
    }

    private static function facts(OwnerStanding $owner = OwnerStanding::Ok, ?DrillOutcome $drill = null, int $runs = 3, int $reviewed = 3): ReadinessFacts
    {
        return new ReadinessFacts($owner, $drill, $runs, 3, $reviewed);
    }

    /** @return list<string> */
    private static function refusal(AutomationDefinition $a, AutomationMode $from, AutomationMode $to, ReadinessFacts $facts): array
    {
        try {
            (new ReadinessGate())->check($a, $from, $to, $facts);
        } catch (NotReady $e) {
            self::assertSame('sophmate_not_ready', $e->error_code());
            self::assertSame(409, $e->status());
            self::assertSame(array_column($e->data()['missing'], 'id'), array_map(static fn ($m) => $m->id, $e->missing));
            foreach ($e->missing as $item) {
                self::assertStringContainsString($item->label, $e->getMessage(), 'the message names every missing item');
            }
            return array_map(static fn ($m) => $m->id, $e->missing);
        }
        self::fail('the gate allowed the change');
    }

    public function test_an_incomplete_checklist_keeps_a_draft_out_of_read_only(): void
    {
        $a = self::automation(['checklist' => ['trigger' => 'hourly', 'output' => '  ']]);
        self::assertSame(
            ['checklist.input_data', 'checklist.output', 'checklist.approval', 'checklist.retry', 'checklist.failure_notification'],
            self::refusal($a, AutomationMode::Draft, AutomationMode::ReadOnly, self::facts())
        );
    }

    public function test_a_retry_policy_describes_the_retry_behaviour(): void
    {
        $checklist = self::CHECKLIST;
        unset($checklist['retry']);
        (new ReadinessGate())->check(self::automation(['checklist' => $checklist, 'retry' => ['max_attempts' => 3, 'backoff_seconds' => 60]]), AutomationMode::Draft, AutomationMode::ReadOnly, self::facts());
        self::assertSame(['checklist.retry'], self::refusal(self::automation(['checklist' => $checklist]), AutomationMode::Draft, AutomationMode::ReadOnly, self::facts()));
    }

    public function test_read_only_needs_a_named_owner(): void
    {
        self::assertSame(['owner'], self::refusal(self::automation(['owner_id' => null]), AutomationMode::Draft, AutomationMode::ReadOnly, self::facts(OwnerStanding::None)));
    }

    public function test_read_only_needs_an_owner_who_still_exists(): void
    {
        self::assertSame(['owner_deleted'], self::refusal(self::automation(), AutomationMode::Draft, AutomationMode::ReadOnly, self::facts(OwnerStanding::Deleted)));
    }

    public function test_read_only_needs_an_owner_who_can_pause(): void
    {
        $ids = self::refusal(self::automation(), AutomationMode::Draft, AutomationMode::ReadOnly, self::facts(OwnerStanding::CannotPause));
        self::assertSame(['owner_capability'], $ids);
    }

    public function test_an_admin_automation_without_any_binding_has_no_kill_switch(): void
    {
        self::assertSame(['kill_switch'], self::refusal(self::automation(['cron_hooks' => []]), AutomationMode::Draft, AutomationMode::ReadOnly, self::facts()));
        self::assertTrue(ReadinessGate::has_kill_switch(self::automation(['cron_hooks' => [], 'origin' => 'code'])), 'code runs through the cooperative gate');
        self::assertTrue(ReadinessGate::has_kill_switch(self::automation(['cron_hooks' => [], 'providers' => ['openai']])));
    }

    public function test_a_complete_draft_moves_to_read_only_without_drill_or_runs(): void
    {
        (new ReadinessGate())->check(self::automation(), AutomationMode::Draft, AutomationMode::ReadOnly, self::facts(OwnerStanding::Ok, null, 0, 0));
        $this->addToAssertionCount(1);
    }

    public function test_skipping_from_draft_to_live_is_refused_naming_everything_missing(): void
    {
        $a = self::automation(['checklist' => ['trigger' => 'x', 'input_data' => 'x', 'output' => 'x', 'approval' => 'x', 'retry' => 'x']]);
        self::assertSame(
            ['read_only_step', 'checklist.failure_notification', 'drill', 'read_only_runs'],
            self::refusal($a, AutomationMode::Draft, AutomationMode::Live, self::facts(OwnerStanding::Ok, null, 0, 0))
        );
        self::assertContains('read_only_step', self::refusal(self::automation(), AutomationMode::Draft, AutomationMode::Live, self::facts(OwnerStanding::Ok, self::drill())));
    }

    public function test_live_needs_a_pause_drill(): void
    {
        self::assertSame(['drill'], self::refusal(self::automation(['mode' => 'read_only']), AutomationMode::ReadOnly, AutomationMode::Live, self::facts()));
    }

    public function test_a_failed_drill_does_not_count(): void
    {
        self::assertSame(['drill_failed'], self::refusal(self::automation(['mode' => 'read_only']), AutomationMode::ReadOnly, AutomationMode::Live, self::facts(OwnerStanding::Ok, self::drill(false))));
    }

    public function test_a_drill_that_did_not_cover_the_automation_does_not_count(): void
    {
        self::assertSame(['drill_coverage'], self::refusal(self::automation(['mode' => 'read_only']), AutomationMode::ReadOnly, AutomationMode::Live, self::facts(OwnerStanding::Ok, self::drill(true, ['other']))));
    }

    public function test_live_needs_n_successful_read_only_runs(): void
    {
        self::assertSame(['read_only_runs'], self::refusal(self::automation(['mode' => 'read_only']), AutomationMode::ReadOnly, AutomationMode::Live, self::facts(OwnerStanding::Ok, self::drill(), 2, 2)));
    }

    public function test_live_needs_n_reviewed_runs(): void
    {
        $ids = self::refusal(self::automation(['mode' => 'read_only']), AutomationMode::ReadOnly, AutomationMode::Live, self::facts(OwnerStanding::Ok, self::drill(), 5, 2));
        self::assertSame(['reviewed_runs'], $ids);
    }

    public function test_live_still_needs_the_read_only_requirements(): void
    {
        self::assertSame(['owner_deleted'], self::refusal(self::automation(['mode' => 'read_only']), AutomationMode::ReadOnly, AutomationMode::Live, self::facts(OwnerStanding::Deleted, self::drill())));
    }

    public function test_a_ready_read_only_automation_goes_live(): void
    {
        (new ReadinessGate())->check(self::automation(['mode' => 'read_only']), AutomationMode::ReadOnly, AutomationMode::Live, self::facts(OwnerStanding::Ok, self::drill()));
        $this->addToAssertionCount(1);
    }

    public function test_going_down_is_always_allowed(): void
    {
        $gate = new ReadinessGate();
        $bare = self::automation(['owner_id' => null, 'checklist' => [], 'cron_hooks' => [], 'mode' => 'live']);
        $gate->check($bare, AutomationMode::Live, AutomationMode::ReadOnly, self::facts(OwnerStanding::None, null, 0, 0));
        $gate->check($bare, AutomationMode::Live, AutomationMode::Draft, self::facts(OwnerStanding::None, null, 0, 0));
        $gate->check($bare, AutomationMode::ReadOnly, AutomationMode::Draft, self::facts(OwnerStanding::None, null, 0, 0));
        $this->addToAssertionCount(3);
    }

    public function test_assessment_names_the_next_step_and_what_it_lacks(): void
    {
        $gate = new ReadinessGate();
        $draft = $gate->assess(self::automation(['owner_id' => null]), self::facts(OwnerStanding::None));
        self::assertSame(['mode' => 'draft', 'next' => 'read_only', 'ready' => false, 'missing' => [['id' => 'owner', 'label' => 'Name an owner: a user who can pause it.']]], $draft->to_array());
        $read_only = $gate->assess(self::automation(['mode' => 'read_only']), self::facts(OwnerStanding::Ok, self::drill(), 4, 0));
        self::assertSame('live', $read_only->to_array()['next']);
        self::assertSame(['reviewed_runs'], array_column($read_only->to_array()['missing'], 'id'), 'reviewing is always the last step');
        $live = $gate->assess(self::automation(['mode' => 'live']), self::facts());
        self::assertSame(['mode' => 'live', 'next' => null, 'ready' => false, 'missing' => []], $live->to_array());
    }

    private static function run_record(int $id, string $automation = 'sync', bool $read_only = true, RunStatus $status = RunStatus::Succeeded): RunRecord
    {
        $at = new \DateTimeImmutable('2026-11-25T10:00:00Z');
        return new RunRecord($id, $automation, 'marketing', 'cron', $status, $at, $at, $read_only, 1, null, null, [], 'readiness', '');
    }

    public function test_reviewed_runs_must_be_succeeded_read_only_runs_of_this_automation(): void
    {
        $records = [1 => self::run_record(1), 2 => self::run_record(2, 'other'), 3 => self::run_record(3, 'sync', false), 4 => self::run_record(4, 'sync', true, RunStatus::Failed)];
        self::assertSame([1], ReviewedRuns::verify('sync', [1], $records));
        try {
            ReviewedRuns::verify('sync', [1, 2, 3, 4, 5], $records + [5 => null]);
            self::fail('accepted runs that prove nothing');
        } catch (InvalidInput $e) {
            self::assertSame('sophmate_invalid_reviewed_runs', $e->error_code());
            foreach (['run #2 belongs to "other"', 'run #3 was not a read-only run', 'run #4 did not succeed (failed)', 'run #5 does not exist'] as $why) {
                self::assertStringContainsString($why, $e->getMessage());
            }
            self::assertStringNotContainsString('run #1', $e->getMessage());
        }
    }

    public function test_reviewed_run_ids_parse_from_rest_and_cli(): void
    {
        self::assertSame([1, 2, 3], ReviewedRuns::parse([1, '2', 3, 3]));
        self::assertSame([4, 5], ReviewedRuns::parse('4, 5'));
        self::assertSame([], ReviewedRuns::parse(null));
        $this->expectException(InvalidInput::class);
        ReviewedRuns::parse(['x']);
    }

    public function test_ownership_gaps_are_flagged(): void
    {
        $standing = static fn (int $id): OwnerStanding => match ($id) {
            1 => OwnerStanding::Ok,
            2 => OwnerStanding::Deleted,
            default => OwnerStanding::CannotPause,
        };
        $categories = [
            new Category('marketing', 'Marketing', '', true, null, 2, PausePolicy::from_array(['restart_owner_id' => 3])),
            new Category('content', 'Content', '', true, 1, null, PausePolicy::from_array([])),
        ];
        $automations = [
            self::automation(['mode' => 'live', 'owner_id' => null]),
            AutomationDefinition::from_args('gone', ['kind' => 'workflow', 'category' => 'content', 'mode' => 'live'], 2, 'admin'),
            AutomationDefinition::from_args('fine', ['kind' => 'workflow', 'category' => 'content', 'mode' => 'draft'], null, 'admin'),
        ];
        $found = array_map(
            static fn ($p) => [$p->kind, $p->scope, $p->role],
            (new OwnershipCheck($standing))->problems($categories, $automations)
        );
        self::assertSame([
            ['category_without_owner', 'category:marketing', 'owner'],
            ['owner_deleted', 'category:marketing', 'backup_owner'],
            ['owner_cannot_pause', 'category:marketing', 'restart_owner'],
            ['live_without_owner', 'automation:sync', 'owner'],
            ['owner_deleted', 'automation:gone', 'owner'],
            ['live_without_owner', 'automation:gone', 'owner'],
        ], $found);
    }
}
