<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit;

use PHPUnit\Framework\TestCase;
use SophMate\SafeMode\Domain\Config\PausePolicy;
use SophMate\SafeMode\Domain\Config\RetryPolicy;
use SophMate\SafeMode\Domain\Decision;
use SophMate\SafeMode\Domain\Decision\Effect;
use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Providers\Provider;
use SophMate\SafeMode\Domain\Runs\CronVerdict;

final class PoliciesTest extends TestCase
{
    /** @return iterable<string,array{string,string,string,string,string}> job, policy field value, expected action, expected status */
    public static function verdicts(): iterable
    {
        yield 'scheduled skip' => [CronVerdict::SCHEDULED, 'scheduled', 'skip', 'skip', 'skipped'];
        yield 'scheduled hold' => [CronVerdict::SCHEDULED, 'scheduled', 'hold', 'hold', 'held'];
        yield 'queued hold' => [CronVerdict::QUEUED, 'queued', 'hold', 'hold', 'held'];
        yield 'queued cancel' => [CronVerdict::QUEUED, 'queued', 'cancel', 'cancel', 'cancelled'];
        yield 'retrying hold' => [CronVerdict::RETRYING, 'retrying', 'hold', 'hold', 'held'];
        yield 'retrying cancel' => [CronVerdict::RETRYING, 'retrying', 'cancel', 'cancel', 'cancelled'];
    }

    /** @dataProvider verdicts */
    public function test_a_blocked_job_follows_its_categorys_policy_for_that_kind_of_job(string $job, string $field, string $value, string $action, string $status): void
    {
        $verdict = CronVerdict::for(new Decision(Effect::Blocked, 'category:x', 'paused'), (new PausePolicy())->with([$field => $value]), $job);
        self::assertSame($action, $verdict->action);
        self::assertSame($status, $verdict->run_status()->value);
        self::assertFalse($verdict->runs_callbacks());
        self::assertSame($action === 'hold', $verdict->keeps_event());
    }

    public function test_an_allowed_job_runs_whatever_the_policy(): void
    {
        foreach ([CronVerdict::SCHEDULED, CronVerdict::QUEUED, CronVerdict::RETRYING] as $job) {
            $verdict = CronVerdict::for(Decision::run(), new PausePolicy('finish', 'cancel', 'skip', 'cancel'), $job);
            self::assertTrue($verdict->runs_callbacks());
            self::assertSame('running', $verdict->run_status()->value);
        }
    }

    public function test_a_read_only_decision_still_runs_the_job(): void
    {
        self::assertTrue(CronVerdict::for(new Decision(Effect::ReadOnly, 'global', 'ro'), new PausePolicy(), CronVerdict::QUEUED)->runs_callbacks());
    }

    public function test_retry_backoff_grows_and_stops_at_max_attempts(): void
    {
        $retry = RetryPolicy::from_input(['max_attempts' => 3, 'backoff_seconds' => 60]);
        self::assertNotNull($retry);
        self::assertSame([60, 120], [$retry->delay_before(2), $retry->delay_before(3)]);
        self::assertTrue($retry->allows(3));
        self::assertFalse($retry->allows(4));
    }

    /** @return iterable<string,array{mixed}> */
    public static function bad_retries(): iterable
    {
        yield 'not an object' => ['3'];
        yield 'zero attempts' => [['max_attempts' => 0]];
        yield 'too many attempts' => [['max_attempts' => 11]];
        yield 'tiny backoff' => [['max_attempts' => 2, 'backoff_seconds' => 1]];
    }

    /** @dataProvider bad_retries */
    public function test_bad_retry_policies_are_refused(mixed $input): void
    {
        $this->expectException(InvalidInput::class);
        RetryPolicy::from_input($input);
    }

    public function test_provider_hosts_match_exactly_or_by_wildcard_subdomain(): void
    {
        $provider = Provider::from_input('ai', ['hosts' => ['api.ai.test', '*.cdn.test']], null, new \DateTimeImmutable());
        self::assertTrue($provider->matches_host('api.ai.test'));
        self::assertTrue($provider->matches_host('API.AI.TEST'));
        self::assertTrue($provider->matches_host('img.cdn.test'));
        self::assertFalse($provider->matches_host('cdn.test'));
        self::assertFalse($provider->matches_host('evilcdn.test'));
        self::assertFalse($provider->matches_host('api.ai.test.evil.test'));
    }

    public function test_provider_input_is_validated(): void
    {
        foreach ([['hosts' => ['http://x.test']], ['hosts' => 'x.test'], ['status' => 'down'], ['status_url' => 'ftp://x.test']] as $input) {
            try {
                Provider::from_input('ai', $input, null, new \DateTimeImmutable());
                self::fail('expected refusal of ' . json_encode($input));
            } catch (InvalidInput $e) {
                self::assertStringStartsWith('sophmate_invalid_', $e->error_code());
            }
        }
    }
}
