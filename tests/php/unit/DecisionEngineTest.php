<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit;

use PHPUnit\Framework\TestCase;
use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Decision\DecisionEngine;
use SophMate\SafeMode\Domain\Decision\EmergencyState;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\SafeModeMode;
use SophMate\SafeMode\Domain\Switches\SafeModeRecord;
use SophMate\SafeMode\Domain\Switches\Source;
use SophMate\SafeMode\Domain\Switches\SwitchBoard;
use SophMate\SafeMode\Domain\Switches\SwitchRecord;
use SophMate\SafeMode\Domain\Switches\SwitchState;
use SophMate\SafeMode\Domain\Switches\TrialScope;
use SophMate\SafeMode\Tests\unit\Support\FakeTrialUsage;

final class DecisionEngineTest extends TestCase
{
    private const RANK = ['run' => 0, 'read_only' => 1, 'blocked' => 2];

    /**
     * Every combination of emergency × global × category × automation × readiness: the effect is
     * the most restrictive layer's, and the reason names the highest-precedence layer among those.
     *
     * @return iterable<string,array{string,string,string,string,string}>
     */
    public static function combinations(): iterable
    {
        foreach (['none', 'read_only', 'paused'] as $emergency) {
            foreach (['off', 'read_only', 'paused'] as $global) {
                foreach (['running', 'paused', 'trial', 'trial_read_only', 'trial_excluded'] as $category) {
                    foreach (['running', 'paused', 'trial', 'trial_read_only'] as $automation) {
                        foreach (['live', 'read_only', 'draft'] as $mode) {
                            yield "$emergency/$global/$category/$automation/$mode" => [$emergency, $global, $category, $automation, $mode];
                        }
                    }
                }
            }
        }
    }

    /** @dataProvider combinations */
    public function test_the_most_restrictive_layer_wins_and_the_highest_precedence_names_it(string $emergency, string $global, string $category, string $automation, string $mode): void
    {
        $layers = [
            'emergency' => ['none' => 'run', 'read_only' => 'read_only', 'paused' => 'blocked'][$emergency],
            'global' => ['off' => 'run', 'read_only' => 'read_only', 'paused' => 'blocked'][$global],
            'category:marketing' => self::switch_effect($category),
            'automation:newsletter' => self::switch_effect($automation),
            'readiness' => ['live' => 'run', 'read_only' => 'read_only', 'draft' => 'blocked'][$mode],
        ];
        $expected_effect = 'run';
        $expected_scope = '';
        foreach ($layers as $scope => $effect) {
            if (self::RANK[$effect] > self::RANK[$expected_effect]) {
                $expected_effect = $effect;
                $expected_scope = $scope;
            }
        }

        $board = new SwitchBoard(
            7,
            $global === 'off' ? SafeModeRecord::off() : new SafeModeRecord(SafeModeMode::from($global), 'incident', Actor::system(), Source::Admin, new \DateTimeImmutable()),
            self::records('marketing', $category),
            self::records('newsletter', $automation),
        );
        $emergency_state = $emergency === 'none' ? new EmergencyState() : new EmergencyState(SafeModeMode::from($emergency), 'constant');
        $decision = (new DecisionEngine(new FakeTrialUsage()))->decide(self::automation($mode), $board, $emergency_state, 'cron');

        self::assertSame($expected_effect, $decision->effect());
        self::assertSame($expected_scope, $decision->scope());
        self::assertSame($expected_effect !== 'blocked', $decision->allows_run());
        self::assertSame($expected_effect === 'read_only', $decision->is_read_only());
    }

    public function test_a_draft_runs_when_started_by_hand(): void
    {
        $decision = (new DecisionEngine(new FakeTrialUsage()))->decide(self::automation('draft'), SwitchBoard::empty(), new EmergencyState(), 'manual');
        self::assertTrue($decision->allows_run());
    }

    public function test_a_trial_blocks_once_its_run_budget_is_used(): void
    {
        $usage = new FakeTrialUsage();
        $board = SwitchBoard::empty()->with_record(Scope::category('marketing'), new SwitchRecord(
            SwitchState::Trial,
            'restart',
            Actor::system(),
            Source::Admin,
            new \DateTimeImmutable(),
            null,
            new TrialScope([], 2)
        ));
        $engine = new DecisionEngine($usage);
        $usage->runs = 1;
        self::assertSame('run', $engine->decide(self::automation('live'), $board, new EmergencyState())->effect());
        $usage->runs = 2;
        $decision = $engine->decide(self::automation('live'), $board, new EmergencyState());
        self::assertSame('blocked', $decision->effect());
        self::assertStringContainsString('trial runs are used', $decision->reason());
    }

    public function test_unreadable_state_blocks_everything(): void
    {
        $decision = (new DecisionEngine(new FakeTrialUsage()))->decide(self::automation('live'), SwitchBoard::unreadable('not JSON'), new EmergencyState());
        self::assertSame('blocked', $decision->effect());
        self::assertSame('state', $decision->scope());
        self::assertTrue($decision->is_fail_closed(), 'held because the plugin cannot see, not because someone paused');
        self::assertTrue((new \SophMate\SafeMode\Domain\Decision(\SophMate\SafeMode\Domain\Decision\Effect::Blocked, 'storage', 'x'))->is_fail_closed());
        self::assertFalse((new \SophMate\SafeMode\Domain\Decision(\SophMate\SafeMode\Domain\Decision\Effect::Blocked, 'category:marketing', 'x'))->is_fail_closed());
    }

    public function test_a_category_level_decision_ignores_automation_switches(): void
    {
        $board = SwitchBoard::empty()->with_record(Scope::automation('newsletter'), new SwitchRecord(SwitchState::Paused, 'x', Actor::system(), Source::Admin, new \DateTimeImmutable()));
        $engine = new DecisionEngine(new FakeTrialUsage());
        self::assertSame('run', $engine->decide_category('marketing', $board, new EmergencyState())->effect());
        self::assertSame('blocked', $engine->decide_category('marketing', $board, new EmergencyState(SafeModeMode::Paused, 'file'))->effect());
    }

    private static function switch_effect(string $state): string
    {
        return ['running' => 'run', 'paused' => 'blocked', 'trial' => 'run', 'trial_read_only' => 'read_only', 'trial_excluded' => 'blocked'][$state];
    }

    /** @return array<string,SwitchRecord> */
    private static function records(string $id, string $state): array
    {
        $trial = match ($state) {
            'trial' => new TrialScope(),
            'trial_read_only' => new TrialScope([], null, true),
            'trial_excluded' => new TrialScope(['some-other-automation']),
            default => null,
        };
        return match ($state) {
            'running' => [],
            'paused' => [$id => new SwitchRecord(SwitchState::Paused, 'why', Actor::system(), Source::Admin, new \DateTimeImmutable())],
            default => [$id => new SwitchRecord(SwitchState::Trial, 'restart', Actor::system(), Source::Admin, new \DateTimeImmutable(), null, $trial)],
        };
    }

    private static function automation(string $mode): AutomationDefinition
    {
        return AutomationDefinition::from_args('newsletter', ['kind' => 'playbook', 'category' => 'marketing', 'mode' => $mode], 1);
    }
}
