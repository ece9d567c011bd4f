<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit;

use PHPUnit\Framework\TestCase;
use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Config\BuiltinCategories;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Exception\Conflict;
use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Exception\NotFound;
use SophMate\SafeMode\Domain\Exception\ReviewIncomplete;
use SophMate\SafeMode\Domain\Exception\SafeModeException;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\Acknowledgements;
use SophMate\SafeMode\Domain\Switches\SafeModeMode;
use SophMate\SafeMode\Domain\Switches\Source;
use SophMate\SafeMode\Domain\Switches\SwitchBoard;
use SophMate\SafeMode\Domain\Switches\SwitchService;
use SophMate\SafeMode\Domain\Switches\SwitchState;
use SophMate\SafeMode\Tests\unit\Support\FakeTrialUsage;
use SophMate\SafeMode\Tests\unit\Support\FixedClock;
use SophMate\SafeMode\Tests\unit\Support\InMemoryAuditLog;
use SophMate\SafeMode\Tests\unit\Support\InMemorySwitchStateStore;

final class SwitchServiceTest extends TestCase
{
    private InMemorySwitchStateStore $store;
    private InMemoryAuditLog $audit;
    private FakeTrialUsage $trials;
    private FixedClock $clock;
    private SwitchService $service;
    private Actor $alice;

    protected function setUp(): void
    {
        $catalog = new Catalog(static fn () => BuiltinCategories::all());
        $catalog->add_automation(AutomationDefinition::from_args('newsletter', ['kind' => 'playbook', 'category' => 'marketing'], 1));
        $catalog->add_automation(AutomationDefinition::from_args('digest', ['kind' => 'workflow', 'category' => 'commerce'], 1));
        $this->store = new InMemorySwitchStateStore();
        $this->audit = new InMemoryAuditLog();
        $this->trials = new FakeTrialUsage();
        $this->clock = new FixedClock();
        $this->service = new SwitchService($this->store, $this->audit, $catalog, $this->trials, $this->clock);
        $this->alice = new Actor(7, 'alice', 'Alice Ops');
    }

    public function test_pausing_a_category_stores_who_why_and_when_and_audits_once(): void
    {
        $result = $this->service->pause(Scope::category('marketing'), '  Campaign sent twice  ', $this->alice, Source::Admin, 'https://tickets.example/42');

        self::assertTrue($result->changed);
        self::assertSame('running', $result->before);
        self::assertSame('paused', $result->after);
        $record = $this->store->board->categories['marketing'];
        self::assertSame('Campaign sent twice', $record->reason);
        self::assertSame('alice', $record->actor->login);
        self::assertSame('https://tickets.example/42', $record->incident_url);
        self::assertEquals($this->clock->now, $record->since);
        self::assertCount(1, $this->audit->entries);
        self::assertSame(['pause', 'category:marketing', 'running', 'paused', 'Campaign sent twice'], [
            $this->audit->entries[0]->action, $this->audit->entries[0]->scope, $this->audit->entries[0]->before, $this->audit->entries[0]->after, $this->audit->entries[0]->reason,
        ]);
    }

    public function test_listeners_hear_the_real_source_even_when_the_context_has_a_source_key(): void
    {
        $heard = [];
        $listener = new class ($heard) implements \SophMate\SafeMode\Domain\Switches\ChangeListener {
            /** @param list<array<string,mixed>> $heard */
            public function __construct(private array &$heard)
            {
            }

            public function switch_changed(string $action, Scope $scope, string $before, string $after, Actor $actor, string $reason, array $context): void
            {
                $this->heard[] = $context;
            }
        };
        $catalog = new Catalog(static fn () => BuiltinCategories::all());
        $service = new SwitchService($this->store, $this->audit, $catalog, $this->trials, $this->clock, [$listener]);
        $result = $service->pause(Scope::category('marketing'), 'Sync stale', $this->alice, Source::Breaker, null, ['source' => 'option last_sync', 'audit_id' => 0]);
        self::assertSame('breaker', $heard[0]['source']);
        self::assertSame($result->audit_id, $heard[0]['audit_id']);
    }

    public function test_a_breaker_pause_keeps_its_signal_on_the_switch_and_an_operator_pause_does_not(): void
    {
        $this->service->pause(Scope::category('marketing'), 'failure rate 60% over last 20 runs ≥ 50%', Actor::system('circuit breaker'), Source::Breaker, null, ['signal' => 'failure_rate', 'value' => 60, 'threshold' => 50, 'breaker' => 'failures']);
        $this->service->pause(Scope::category('commerce'), 'Checkout bug', $this->alice, Source::Admin, null, ['signal' => 'failure_rate']);

        self::assertSame(['signal' => 'failure_rate', 'value' => 60, 'threshold' => 50], $this->store->board->categories['marketing']->trip);
        self::assertNull($this->store->board->categories['commerce']->trip);
        // Stored and read back, as the option round-trips it.
        $again = \SophMate\SafeMode\Domain\Switches\SwitchRecord::from_array($this->store->board->categories['marketing']->to_array());
        self::assertSame(['signal' => 'failure_rate', 'value' => 60, 'threshold' => 50], $again->trip);
        self::assertNull(\SophMate\SafeMode\Domain\Switches\SwitchRecord::from_array($this->store->board->categories['commerce']->to_array())->trip);
    }
    public function test_pausing_a_paused_scope_changes_nothing_and_writes_no_audit(): void
    {
        $this->service->pause(Scope::category('marketing'), 'first', $this->alice, Source::Admin);
        $version = $this->store->board->version;

        $again = $this->service->pause(Scope::category('marketing'), 'second', $this->alice, Source::Rest);

        self::assertFalse($again->changed);
        self::assertSame($version, $this->store->board->version);
        self::assertSame('first', $this->store->board->categories['marketing']->reason);
        self::assertCount(1, $this->audit->entries);
    }

    /** @return iterable<string,array{string}> */
    public static function bad_reasons(): iterable
    {
        yield 'empty' => [''];
        yield 'only spaces' => ["   \n\t "];
        yield 'too long' => [str_repeat('x', 501)];
    }

    /** @dataProvider bad_reasons */
    public function test_a_pause_without_a_usable_reason_is_refused(string $reason): void
    {
        try {
            $this->service->pause(Scope::category('marketing'), $reason, $this->alice, Source::Admin);
            self::fail('expected a refusal');
        } catch (InvalidInput $e) {
            self::assertSame('sophmate_invalid_reason', $e->error_code());
            self::assertSame(400, $e->status());
        }
        self::assertSame([], $this->store->board->categories);
        self::assertSame([], $this->audit->entries);
    }

    public function test_a_reason_of_exactly_500_characters_is_accepted(): void
    {
        self::assertTrue($this->service->pause(Scope::category('marketing'), str_repeat('é', 500), $this->alice, Source::Admin)->changed);
    }

    public function test_markup_in_a_reason_is_stored_as_text(): void
    {
        $this->service->pause(Scope::category('marketing'), '<script>alert(1)</script> broke', $this->alice, Source::Admin);
        self::assertSame('<script>alert(1)</script> broke', $this->store->board->categories['marketing']->reason);
    }

    public function test_pausing_an_unknown_category_or_automation_is_not_found(): void
    {
        foreach ([Scope::category('nope'), Scope::automation('nope')] as $scope) {
            try {
                $this->service->pause($scope, 'x', $this->alice, Source::Admin);
                self::fail('expected not found');
            } catch (NotFound $e) {
                self::assertSame(404, $e->status());
            }
        }
    }

    public function test_pausing_global_turns_safe_mode_on(): void
    {
        $result = $this->service->pause(Scope::global(), 'provider outage', $this->alice, Source::Cli);
        self::assertTrue($result->changed);
        self::assertSame(SafeModeMode::Paused, $this->store->board->safe_mode->mode);
        self::assertSame('cli', $this->audit->entries[0]->source);
    }

    public function test_a_restart_without_every_acknowledgement_names_what_is_missing(): void
    {
        $this->service->pause(Scope::category('marketing'), 'x', $this->alice, Source::Admin);
        try {
            $this->service->restart(Scope::category('marketing'), ['run_history', 'failed_steps'], 'ok', [], $this->alice, Source::Admin);
            self::fail('expected review incomplete');
        } catch (ReviewIncomplete $e) {
            self::assertSame(422, $e->status());
            self::assertSame('sophmate_review_incomplete', $e->error_code());
            self::assertSame(['audit_records', 'pending_approvals', 'provider_status', 'affected_records'], $e->data()['missing']);
        }
        self::assertSame(SwitchState::Paused, $this->store->board->state_of(Scope::category('marketing')));
    }

    public function test_a_reviewed_restart_goes_to_trial_with_its_narrow_scope(): void
    {
        $this->service->pause(Scope::category('marketing'), 'x', $this->alice, Source::Admin);
        $result = $this->service->restart(Scope::category('marketing'), Acknowledgements::REQUIRED, 'reviewed', ['automations' => ['newsletter'], 'max_runs' => 3, 'read_only' => true], $this->alice, Source::Admin);

        self::assertSame('trial', $result->after);
        $trial = $this->store->board->categories['marketing']->trial;
        self::assertNotNull($trial);
        self::assertSame(['newsletter'], $trial->automations);
        self::assertSame(3, $trial->max_runs);
        self::assertTrue($trial->read_only);
        self::assertSame('restart', $this->audit->entries[1]->action);
    }

    public function test_a_trial_cannot_include_an_automation_from_another_category(): void
    {
        $this->service->pause(Scope::category('marketing'), 'x', $this->alice, Source::Admin);
        $this->expectException(InvalidInput::class);
        $this->expectExceptionMessage('is not part of category:marketing');
        $this->service->restart(Scope::category('marketing'), Acknowledgements::REQUIRED, 'reviewed', ['automations' => ['digest'], 'max_runs' => 1], $this->alice, Source::Admin);
    }

    public function test_a_restart_needs_a_note_and_a_trial_size_and_changes_nothing_without_them(): void
    {
        $this->service->pause(Scope::category('marketing'), 'x', $this->alice, Source::Admin);
        foreach ([['', ['max_runs' => 3], 'sophmate_invalid_note'], ['reviewed', [], 'sophmate_invalid_trial_scope'], ['reviewed', ['read_only' => true], 'sophmate_invalid_trial_scope']] as [$note, $scope, $code]) {
            try {
                $this->service->restart(Scope::category('marketing'), Acknowledgements::REQUIRED, $note, $scope, $this->alice, Source::Admin);
                self::fail('expected ' . $code);
            } catch (InvalidInput $e) {
                self::assertSame($code, $e->error_code());
            }
        }
        self::assertSame('paused', $this->store->board->categories['marketing']->state->value);
        self::assertCount(1, $this->audit->entries);
    }

    public function test_turning_safe_mode_off_needs_a_note(): void
    {
        $this->service->set_safe_mode(SafeModeMode::Paused, 'spend spike', null, $this->alice, Source::Rest);
        try {
            $this->service->set_safe_mode(SafeModeMode::Off, ' ', Acknowledgements::REQUIRED, $this->alice, Source::Rest);
            self::fail('expected a note to be required');
        } catch (InvalidInput $e) {
            self::assertSame('sophmate_invalid_note', $e->error_code());
        }
    }

    public function test_restarting_a_running_scope_is_a_conflict(): void
    {
        $this->expectException(Conflict::class);
        $this->expectExceptionMessage('not paused');
        $this->service->restart(Scope::category('marketing'), Acknowledgements::REQUIRED, '', [], $this->alice, Source::Admin);
    }

    public function test_promotion_needs_a_clean_trial(): void
    {
        $this->service->pause(Scope::category('marketing'), 'x', $this->alice, Source::Admin);
        $this->service->restart(Scope::category('marketing'), Acknowledgements::REQUIRED, 'reviewed', ['max_runs' => 5], $this->alice, Source::Admin);

        foreach ([[0, 0], [2, 1]] as [$succeeded, $failed]) {
            $this->trials->succeeded = $succeeded;
            $this->trials->failed = $failed;
            try {
                $this->service->promote(Scope::category('marketing'), $this->alice, Source::Admin);
                self::fail('expected trial not clean');
            } catch (Conflict $e) {
                self::assertSame('sophmate_trial_not_clean', $e->error_code());
            }
        }

        $this->trials->succeeded = 1;
        $this->trials->failed = 0;
        $result = $this->service->promote(Scope::category('marketing'), $this->alice, Source::Admin);
        self::assertSame('running', $result->after);
        self::assertSame([], $this->store->board->categories);
    }

    public function test_promoting_outside_a_trial_is_a_conflict(): void
    {
        try {
            $this->service->promote(Scope::category('marketing'), $this->alice, Source::Admin);
            self::fail('expected conflict');
        } catch (Conflict $e) {
            self::assertSame('sophmate_not_in_trial', $e->error_code());
        }
    }

    public function test_turning_safe_mode_off_needs_the_review_but_turning_it_on_needs_a_reason(): void
    {
        try {
            $this->service->set_safe_mode(SafeModeMode::ReadOnly, '', null, $this->alice, Source::Rest);
            self::fail('expected reason required');
        } catch (InvalidInput $e) {
            self::assertSame('sophmate_invalid_reason', $e->error_code());
        }
        $this->service->set_safe_mode(SafeModeMode::ReadOnly, 'spend spike', null, $this->alice, Source::Rest);
        try {
            $this->service->set_safe_mode(SafeModeMode::Off, '', [], $this->alice, Source::Rest);
            self::fail('expected review incomplete');
        } catch (ReviewIncomplete $e) {
            self::assertCount(6, $e->data()['missing']);
        }
        $off = $this->service->set_safe_mode(SafeModeMode::Off, 'all clear', Acknowledgements::REQUIRED, $this->alice, Source::Rest);
        self::assertTrue($off->changed);
        self::assertSame(['pause', 'restart'], array_map(static fn ($e) => $e->action, $this->audit->entries));
    }

    public function test_a_lost_compare_and_swap_is_retried_on_fresh_state(): void
    {
        $this->store->lose_next_swaps = 3;
        $result = $this->service->pause(Scope::category('marketing'), 'x', $this->alice, Source::Admin);
        self::assertTrue($result->changed);
        self::assertSame(1, $this->store->swaps);
        self::assertCount(1, $this->audit->entries);
    }

    public function test_unreadable_state_refuses_changes_instead_of_overwriting_them(): void
    {
        $this->store->board = SwitchBoard::unreadable('not JSON');
        try {
            $this->service->pause(Scope::category('marketing'), 'x', $this->alice, Source::Admin);
            self::fail('expected refusal');
        } catch (SafeModeException $e) {
            self::assertSame('sophmate_state_unreadable', $e->error_code());
            self::assertSame(503, $e->status());
        }
    }

    public function test_audit_entries_form_a_verifiable_hash_chain(): void
    {
        $this->service->pause(Scope::category('marketing'), 'one', $this->alice, Source::Admin);
        $this->service->pause(Scope::category('commerce'), 'two', $this->alice, Source::Admin);
        self::assertTrue($this->audit->verify()->ok);
        self::assertSame($this->audit->entries[0]->hash, $this->audit->entries[1]->prev_hash);
    }
}
