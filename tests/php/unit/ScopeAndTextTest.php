<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit;

use PHPUnit\Framework\TestCase;
use SophMate\SafeMode\Domain\Config\PausePolicy;
use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\SwitchBoard;

final class ScopeAndTextTest extends TestCase
{
    public function test_scopes_parse_and_print_round_trip(): void
    {
        foreach (['global', 'category:marketing', 'automation:demo-agent_2'] as $text) {
            self::assertSame($text, Scope::parse($text)->to_string());
        }
    }

    /** @return iterable<string,array{string}> */
    public static function bad_scopes(): iterable
    {
        foreach (['', 'everything', 'category:', 'category:Marketing', 'automation:../x', 'team:ops', 'category:' . str_repeat('a', 65)] as $scope) {
            yield $scope === '' ? 'empty' : $scope => [$scope];
        }
    }

    /** @dataProvider bad_scopes */
    public function test_a_malformed_scope_is_refused_with_a_clear_code(string $scope): void
    {
        try {
            Scope::parse($scope);
            self::fail('expected refusal');
        } catch (InvalidInput $e) {
            self::assertStringStartsWith('sophmate_invalid_', $e->error_code());
            self::assertSame(400, $e->status());
        }
    }

    public function test_policy_values_outside_their_sets_are_refused(): void
    {
        $this->expectException(InvalidInput::class);
        $this->expectExceptionMessage('policy.queued must be one of hold, cancel');
        (new PausePolicy())->with(['queued' => 'drop']);
    }

    public function test_unknown_policy_fields_are_refused(): void
    {
        $this->expectException(InvalidInput::class);
        (new PausePolicy())->with(['paused_jobs' => 'hold']);
    }

    public function test_a_board_survives_serialisation(): void
    {
        $board = SwitchBoard::empty()->with_record(Scope::category('marketing'), new \SophMate\SafeMode\Domain\Switches\SwitchRecord(
            \SophMate\SafeMode\Domain\Switches\SwitchState::Paused,
            'why',
            new \SophMate\SafeMode\Domain\Actor(3, 'bob', 'Bob'),
            \SophMate\SafeMode\Domain\Switches\Source::Cli,
            new \DateTimeImmutable('2026-01-02T03:04:05+00:00'),
            'https://x.example/1'
        ));
        $copy = SwitchBoard::from_array(json_decode((string) json_encode($board->to_array()), true));
        self::assertEquals($board->to_array(), $copy->to_array());
        self::assertSame(1, $copy->version);
    }

    public function test_a_board_missing_its_version_is_rejected_as_corrupt(): void
    {
        $this->expectException(\UnexpectedValueException::class);
        SwitchBoard::from_array(['safe_mode' => ['mode' => 'off']]);
    }

    public function test_a_board_with_an_unknown_state_is_rejected_as_corrupt(): void
    {
        $this->expectException(\UnexpectedValueException::class);
        SwitchBoard::from_array(['version' => 2, 'safe_mode' => ['mode' => 'off'], 'categories' => ['marketing' => ['state' => 'asleep']]]);
    }
}
