<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit;

use PHPUnit\Framework\TestCase;
use SophMate\SafeMode\Domain\Exception\Conflict;
use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Review\RestartReview;
use SophMate\SafeMode\Domain\Review\ReviewChecks;
use SophMate\SafeMode\Domain\Review\ReviewEvidence;
use SophMate\SafeMode\Domain\Review\ReviewSnapshot;
use SophMate\SafeMode\Domain\Switches\Acknowledgements;

final class ReviewTest extends TestCase
{
    private const PAUSED_AT = '2026-11-25T10:00:00Z';

    /** @param array<string,mixed> $overrides */
    private static function evidence(array $overrides = []): ReviewEvidence
    {
        $args = $overrides + [
            'runs' => ['succeeded' => 4, 'failed' => 0, 'total' => 4],
            'runs_since_pause' => ['total' => 0],
            'failed_steps' => [],
            'audit' => [],
            'pending_approvals' => [],
            'providers' => [],
            'affected_records' => [],
        ];
        $since = new \DateTimeImmutable(self::PAUSED_AT);
        return new ReviewEvidence(
            'category:marketing',
            'paused',
            $since,
            $since->modify('-24 hours'),
            new \DateTimeImmutable('2026-11-25T12:00:00Z'),
            $args['runs'],
            $args['runs_since_pause'],
            $args['failed_steps'],
            $args['audit'],
            $args['pending_approvals'],
            $args['providers'],
            $args['affected_records'],
        );
    }

    /** @return array<string,array{ok:bool,detail:string}> */
    private static function checks(ReviewEvidence $e): array
    {
        $out = [];
        foreach (ReviewChecks::of($e) as $check) {
            $out[$check->id] = ['ok' => $check->ok, 'detail' => $check->detail];
        }
        return $out;
    }

    private static function failure(int $run, string $step, bool $since_pause): array
    {
        return ['run_id' => $run, 'automation' => 'newsletter', 'step' => $step, 'error' => 'SMTP refused', 'at' => '2026-11-25T09:00:00Z', 'since_pause' => $since_pause];
    }

    public function test_there_is_one_check_per_acknowledgement_in_the_same_order(): void
    {
        self::assertSame(Acknowledgements::REQUIRED, array_keys(self::checks(self::evidence())));
    }

    public function test_clean_evidence_has_every_check_ok(): void
    {
        foreach (self::checks(self::evidence()) as $id => $check) {
            self::assertTrue($check['ok'], $id . ': ' . $check['detail']);
        }
    }

    public function test_failed_steps_are_grouped_by_step_and_by_before_or_after_the_pause(): void
    {
        $checks = self::checks(self::evidence([
            'runs' => ['succeeded' => 1, 'failed' => 4, 'total' => 5],
            'runs_since_pause' => ['failed' => 3, 'total' => 3],
            'failed_steps' => [self::failure(9, 'send email', true), self::failure(8, 'send email', true), self::failure(7, 'send email', true), self::failure(2, 'render', false)],
        ]));
        self::assertFalse($checks['failed_steps']['ok']);
        self::assertStringContainsString("3 runs failed at step 'send email' since the pause", $checks['failed_steps']['detail']);
        self::assertStringContainsString("1 run failed at step 'render' before the pause", $checks['failed_steps']['detail']);
        self::assertFalse($checks['run_history']['ok']);
        self::assertSame('5 runs in the review window, 4 failed; 3 since the pause.', $checks['run_history']['detail']);
    }

    public function test_a_provider_in_outage_or_degraded_needs_attention_and_unknown_is_said(): void
    {
        $checks = self::checks(self::evidence(['providers' => [
            ['slug' => 'openai', 'label' => 'OpenAI', 'status' => 'outage', 'checked_at' => null],
            ['slug' => 'smtp', 'label' => 'SMTP', 'status' => 'unknown', 'checked_at' => null],
            ['slug' => 'stripe', 'label' => 'Stripe', 'status' => 'operational', 'checked_at' => null],
        ]]));
        self::assertFalse($checks['provider_status']['ok']);
        self::assertSame('provider openai: outage; provider smtp: unknown.', $checks['provider_status']['detail']);
    }

    public function test_records_touched_after_the_pause_and_pending_approvals_need_attention(): void
    {
        $checks = self::checks(self::evidence([
            'affected_records' => [
                ['type' => 'post', 'id' => '17', 'action' => 'update', 'run_id' => 9, 'at' => '2026-11-25T10:05:00Z', 'since_pause' => true],
                ['type' => 'post', 'id' => '16', 'action' => 'update', 'run_id' => 8, 'at' => '2026-11-25T09:05:00Z', 'since_pause' => false],
            ],
            'pending_approvals' => [['source' => 'x', 'id' => '1', 'label' => 'Refund #1', 'run_id' => null, 'url' => null]],
        ]));
        self::assertFalse($checks['affected_records']['ok']);
        self::assertStringContainsString('2 record change(s) in the review window, 1 of them after the pause', $checks['affected_records']['detail']);
        self::assertFalse($checks['pending_approvals']['ok']);
        self::assertStringStartsWith('1 item waiting for approval', $checks['pending_approvals']['detail']);
    }

    public function test_an_automatic_trip_in_the_audit_needs_attention(): void
    {
        $checks = self::checks(self::evidence(['audit' => [
            ['id' => 4, 'action' => 'pause', 'source' => 'breaker', 'reason' => 'failure rate 60% over last 20 runs ≥ 50%', 'actor' => ['login' => 'system', 'name' => 'System']],
        ]]));
        self::assertFalse($checks['audit_records']['ok']);
        self::assertStringContainsString('latest: pause by System (breaker): failure rate 60%', $checks['audit_records']['detail']);
    }

    public function test_the_snapshot_hash_ignores_when_it_was_generated_and_changes_with_the_evidence(): void
    {
        $a = ReviewSnapshot::of(self::evidence());
        $again = ReviewSnapshot::of(self::evidence());
        self::assertSame($a->hash, $again->hash);
        self::assertMatchesRegularExpression('/^[0-9a-f]{64}$/', $a->hash);
        $changed = ReviewSnapshot::of(self::evidence(['failed_steps' => [self::failure(9, 'send email', true)]]));
        self::assertNotSame($a->hash, $changed->hash);
        self::assertSame(1, $changed->counts['failed_steps']);
        self::assertSame(4, $a->counts['runs']);
    }

    public function test_a_restart_during_an_outage_needs_an_override_reason(): void
    {
        $evidence = self::evidence(['providers' => [['slug' => 'openai', 'label' => 'OpenAI', 'status' => 'outage', 'checked_at' => null]]]);
        try {
            (new RestartReview($evidence))->assert_restartable();
            self::fail('an outage must refuse the restart');
        } catch (Conflict $e) {
            self::assertSame('sophmate_provider_outage', $e->error_code());
            self::assertStringContainsString('openai is in outage', $e->getMessage());
            self::assertSame(['providers' => ['openai']], $e->data());
        }
        $context = (new RestartReview($evidence, 'Provider says fixed; trial is read-only'))->assert_restartable();
        self::assertSame('Provider says fixed; trial is read-only', $context['override_reason']);
        self::assertSame(['openai'], $context['providers_in_outage']);
    }

    public function test_a_blank_override_reason_is_no_override(): void
    {
        $evidence = self::evidence(['providers' => [['slug' => 'openai', 'label' => 'OpenAI', 'status' => 'outage', 'checked_at' => null]]]);
        $this->expectException(Conflict::class);
        (new RestartReview($evidence, "  \n "))->assert_restartable();
    }

    public function test_an_overlong_override_reason_is_refused_as_bad_input(): void
    {
        $evidence = self::evidence(['providers' => [['slug' => 'openai', 'label' => 'OpenAI', 'status' => 'outage', 'checked_at' => null]]]);
        $this->expectException(InvalidInput::class);
        (new RestartReview($evidence, str_repeat('x', 501)))->assert_restartable();
    }

    public function test_the_restart_context_records_the_snapshot_and_whether_the_operator_saw_the_current_evidence(): void
    {
        $evidence = self::evidence();
        $hash = ReviewSnapshot::of($evidence)->hash;
        $context = (new RestartReview($evidence, null, $hash))->assert_restartable();
        self::assertSame($hash, $context['review']['hash']);
        self::assertTrue($context['review']['seen_is_current']);
        self::assertArrayNotHasKey('override_reason', $context);
        $stale = (new RestartReview($evidence, null, str_repeat('a', 64)))->assert_restartable();
        self::assertFalse($stale['review']['seen_is_current']);
        $unseen = (new RestartReview($evidence))->assert_restartable();
        self::assertArrayNotHasKey('seen_is_current', $unseen['review']);
    }
}
