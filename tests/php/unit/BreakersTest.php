<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit;

use PHPUnit\Framework\TestCase;
use SophMate\SafeMode\Domain\Breakers\BreakerConfig;
use SophMate\SafeMode\Domain\Breakers\BreakerEvaluator;
use SophMate\SafeMode\Domain\Breakers\BreakerSimulator;
use SophMate\SafeMode\Domain\Breakers\CustomerImpactSettings;
use SophMate\SafeMode\Domain\Breakers\FailuresSettings;
use SophMate\SafeMode\Domain\Breakers\HistoryEvent;
use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Config\Category;
use SophMate\SafeMode\Domain\Config\CategoryChanges;
use SophMate\SafeMode\Domain\Config\PausePolicy;
use SophMate\SafeMode\Domain\Exception\InvalidInput;

/** Breaker settings, their rules and reasons, and the dry-run simulator. */
final class BreakersTest extends TestCase
{
    public function test_missing_kinds_and_fields_take_the_documented_defaults(): void
    {
        self::assertSame([
            'failures' => ['enabled' => true, 'consecutive' => 5, 'rate_percent' => 50, 'window_runs' => 20, 'min_runs' => 10],
            'spend' => ['enabled' => false, 'budgets' => []],
            'stale_context' => ['enabled' => false, 'max_age_minutes' => 120],
            'customer_impact' => ['enabled' => false, 'max_actions' => 100, 'window_minutes' => 60],
            'updates' => ['enabled' => false],
            'provider_outage' => ['enabled' => true],
        ], BreakerConfig::from_input([])->to_array());
        $config = BreakerConfig::from_input(['failures' => ['consecutive' => null], 'spend' => ['enabled' => true, 'budgets' => [['unit' => 'USD', 'per_hour' => 5]]]]);
        self::assertNull($config->failures->consecutive);
        self::assertSame(50, $config->failures->rate_percent);
        self::assertSame(['unit' => 'usd', 'per_hour' => 5.0, 'per_day' => null], $config->spend->budgets[0]->to_array());
    }

    /** @return array<string,array{mixed,string}> */
    public static function bad_settings(): array
    {
        return [
            'not an object' => ['yes', 'breakers must be an object'],
            'kind not an object' => [['failures' => 5], 'breakers.failures must be an object'],
            'unknown field' => [['failures' => ['max' => 5]], 'breakers.failures.max is not a setting of failures'],
            'enabled not bool' => [['updates' => ['enabled' => 'yes']], 'breakers.updates.enabled must be true or false'],
            'rate over 100' => [['failures' => ['rate_percent' => 150]], 'breakers.failures.rate_percent must be a whole number from 1 to 100'],
            'min over window' => [['failures' => ['window_runs' => 5, 'min_runs' => 10]], 'breakers.failures.min_runs must not be more than window_runs (5)'],
            'window too big' => [['failures' => ['window_runs' => 5000]], 'breakers.failures.window_runs must be a whole number from 1 to 1000'],
            'spend on without budget' => [['spend' => ['enabled' => true]], 'breakers.spend.budgets needs at least one budget'],
            'negative budget' => [['spend' => ['budgets' => [['unit' => 'usd', 'per_hour' => -1]]]], 'breakers.spend.budgets[0].per_hour must be a number greater than 0'],
            'budget without limit' => [['spend' => ['budgets' => [['unit' => 'usd']]]], 'breakers.spend.budgets[0] needs per_hour, per_day or both'],
            'bad unit' => [['spend' => ['budgets' => [['unit' => 'US $', 'per_day' => 1]]]], 'breakers.spend.budgets[0].unit must be a unit name'],
            'twice the unit' => [['spend' => ['budgets' => [['unit' => 'usd', 'per_day' => 1], ['unit' => 'USD', 'per_day' => 2]]]], 'breakers.spend.budgets[1].unit "usd" has a budget already'],
            'window minutes' => [['customer_impact' => ['window_minutes' => 0]], 'breakers.customer_impact.window_minutes must be a whole number from 1 to 1440'],
            'stale age' => [['stale_context' => ['max_age_minutes' => '2h']], 'breakers.stale_context.max_age_minutes must be a whole number'],
        ];
    }

    /**
     * @dataProvider bad_settings
     * @param mixed $input
     */
    public function test_bad_settings_are_refused_with_a_message_naming_the_field($input, string $message): void
    {
        try {
            BreakerConfig::from_input($input);
            self::fail('accepted ' . json_encode($input));
        } catch (InvalidInput $e) {
            self::assertSame('sophmate_invalid_breakers', $e->error_code());
            self::assertStringStartsWith($message, $e->getMessage());
        }
    }

    public function test_stored_settings_that_no_longer_validate_fall_back_to_defaults_without_throwing(): void
    {
        $config = BreakerConfig::from_array(['failures' => ['rate_percent' => 900], 'customer_impact' => ['enabled' => true, 'max_actions' => 3], 'max_failures' => 3]);
        self::assertSame(50, $config->failures->rate_percent);
        self::assertSame(3, $config->customer_impact->max_actions);
    }

    public function test_a_category_edit_normalizes_known_kinds_keeps_other_keys_and_refuses_bad_ones(): void
    {
        $base = new Category('shop', 'Shop', '', false, null, null, new PausePolicy());
        [$category] = CategoryChanges::apply($base, ['breakers' => ['failures' => ['consecutive' => 3], 'max_tokens_per_hour' => 5000]], static fn (): bool => true);
        self::assertSame(['enabled' => true, 'consecutive' => 3, 'rate_percent' => 50, 'window_runs' => 20, 'min_runs' => 10], $category->breakers['failures']);
        self::assertSame(5000, $category->breakers['max_tokens_per_hour']);
        self::assertSame(3, $category->breaker_config()->failures->consecutive);
        $this->expectExceptionMessage('breakers.failures.consecutive must be a whole number from 1 to 1000');
        CategoryChanges::apply($base, ['breakers' => ['failures' => ['consecutive' => 0]]], static fn (): bool => true);
    }

    public function test_an_automation_overrides_kind_by_kind_and_validates_freshness_and_customer_facing(): void
    {
        $automation = AutomationDefinition::from_args('mailer', [
            'kind' => 'workflow',
            'category' => 'marketing',
            'breakers' => ['customer_impact' => ['enabled' => true, 'max_actions' => 10]],
            'freshness' => ['option' => 'mailer_last_sync'],
            'customer_facing' => ['email:sent', 'order:updated'],
        ], null);
        $config = BreakerConfig::from_input(['failures' => ['consecutive' => 2], 'customer_impact' => ['max_actions' => 500]])->with_overrides($automation->breakers);
        self::assertSame(2, $config->failures->consecutive, 'not overridden: the category\'s');
        self::assertSame(10, $config->customer_impact->max_actions);
        self::assertSame(60, $config->customer_impact->window_minutes, 'an overridden kind takes the defaults for its missing fields');
        self::assertSame(['option' => 'mailer_last_sync'], $automation->freshness);
        $bad = [
            [['freshness' => ['url' => 'x']], 'sophmate_invalid_freshness'],
            [['customer_facing' => ['order']], 'sophmate_invalid_customer_facing'],
            [['breakers' => ['spend' => ['enabled' => 'no']]], 'sophmate_invalid_breakers'],
        ];
        foreach ($bad as [$field, $code]) {
            try {
                AutomationDefinition::from_args('mailer', ['kind' => 'workflow', 'category' => 'marketing'] + [key($field) => current($field)], null);
                self::fail('accepted ' . json_encode($field));
            } catch (InvalidInput $e) {
                self::assertSame($code, $e->error_code());
            }
        }
    }

    public function test_failures_need_min_runs_and_name_value_and_threshold(): void
    {
        $settings = new FailuresSettings(true, 5, 50, 20, 10);
        self::assertNull(BreakerEvaluator::failures($settings, 2, ...BreakerEvaluator::window('11', 20)), 'two runs never trip the rate');
        self::assertNull(BreakerEvaluator::failures($settings, 1, ...BreakerEvaluator::window('0000101001', 20)), '40% < 50%');
        $trip = BreakerEvaluator::failures($settings, 1, ...BreakerEvaluator::window(str_repeat('0', 8) . str_repeat('1', 12), 20));
        self::assertSame('failure rate 60% over last 20 runs ≥ 50%', $trip?->reason);
        self::assertSame(['signal' => 'failure_rate', 'value' => 60, 'threshold' => 50, 'breaker' => 'failures'], $trip->context());
        self::assertSame('5 consecutive failures ≥ 5', BreakerEvaluator::failures($settings, 5, ...BreakerEvaluator::window('11111', 20))?->reason);
        self::assertNull(BreakerEvaluator::failures(new FailuresSettings(false), 50, ...BreakerEvaluator::window(str_repeat('1', 50), 20)), 'disabled');
        self::assertNull(BreakerEvaluator::failures(new FailuresSettings(true, null, 50, 20, 10), 9, ...BreakerEvaluator::window('111111111', 20)), 'consecutive off, rate below min_runs');
    }

    public function test_spend_and_customer_impact_reasons(): void
    {
        $config = BreakerConfig::from_input(['spend' => ['enabled' => true, 'budgets' => [['unit' => 'usd', 'per_hour' => 5, 'per_day' => 50]]], 'customer_impact' => ['enabled' => true]]);
        self::assertNull(BreakerEvaluator::spend($config->spend, 'usd', 4.99, 20));
        self::assertNull(BreakerEvaluator::spend($config->spend, 'tokens', 1e9, 1e9), 'no budget for that unit');
        self::assertSame('spend 5.20 usd in the last hour ≥ 5.00 usd per hour', BreakerEvaluator::spend($config->spend, 'usd', 5.2, 20)?->reason);
        self::assertSame('spend 51.00 usd in the last day ≥ 50.00 usd per day', BreakerEvaluator::spend($config->spend, 'usd', 1, 51)?->reason);
        self::assertNull(BreakerEvaluator::customer_impact($config->customer_impact, 100), 'at most max_actions is fine');
        self::assertSame('120 customer-facing actions in 60 min > 100', BreakerEvaluator::customer_impact($config->customer_impact, 120)?->reason);
        self::assertNull(BreakerEvaluator::customer_impact(new CustomerImpactSettings(false), 1000));
    }

    public function test_the_simulator_lists_each_would_be_trip_and_starts_over_after_it(): void
    {
        $at = static fn (int $minute): \DateTimeImmutable => (new \DateTimeImmutable('2026-01-01 14:00:00', new \DateTimeZone('UTC')))->modify("+{$minute} minutes");
        $events = [];
        foreach ([0, 0, 1, 1, 1, 0, 1, 1, 1] as $i => $failed) {
            $events[] = new HistoryEvent(HistoryEvent::OUTCOME, $at($i), 'a', (bool) $failed);
        }
        $events[] = new HistoryEvent(HistoryEvent::SPEND, $at(20), 'b', false, 3.0, 'usd');
        $events[] = new HistoryEvent(HistoryEvent::SPEND, $at(30), 'b', false, 3.0, 'usd');
        $events[] = new HistoryEvent(HistoryEvent::SPEND, $at(100), 'b', false, 3.0, 'usd');
        $events[] = new HistoryEvent(HistoryEvent::TOUCHED, $at(40), 'b', false, 0, '', 'email:wp_mail');
        $events[] = new HistoryEvent(HistoryEvent::TOUCHED, $at(41), 'b', false, 0, '', 'post:updated');
        $events[] = new HistoryEvent(HistoryEvent::TOUCHED, $at(42), 'b', false, 0, '', 'order:updated');
        usort($events, static fn (HistoryEvent $x, HistoryEvent $y): int => $x->at <=> $y->at);
        $config = BreakerConfig::from_input([
            'failures' => ['consecutive' => 3, 'rate_percent' => null],
            'spend' => ['enabled' => true, 'budgets' => [['unit' => 'usd', 'per_hour' => 5]]],
            'customer_impact' => ['enabled' => true, 'max_actions' => 1],
        ]);
        $automations = ['b' => ['category' => 'shop', 'breakers' => null, 'customer_facing' => ['order:updated']]];
        $trips = BreakerSimulator::run($config, 'shop', $automations, $events);
        self::assertSame([
            ['14:04', 'category:shop', '3 consecutive failures ≥ 3'],
            ['14:08', 'category:shop', '3 consecutive failures ≥ 3'],
            ['14:30', 'category:shop', 'spend 6.00 usd in the last hour ≥ 5.00 usd per hour'],
            ['14:42', 'category:shop', '2 customer-facing actions in 60 min > 1'],
        ], array_map(static fn (array $t): array => [$t['at']->format('H:i'), $t['scope'], $t['reason']], $trips));
        self::assertSame([], BreakerSimulator::run(BreakerConfig::from_input(['failures' => ['enabled' => false]]), 'shop', $automations, $events));
    }

    public function test_the_simulator_replays_provider_outages_provider_changes_and_updates_with_the_live_reasons(): void
    {
        $at = static fn (int $minute): \DateTimeImmutable => (new \DateTimeImmutable('2026-01-01 09:00:00', new \DateTimeZone('UTC')))->modify("+{$minute} minutes");
        $events = [
            new HistoryEvent(HistoryEvent::PROVIDER_OUTAGE, $at(1), '', false, 0.0, '', 'openai'),
            new HistoryEvent(HistoryEvent::PROVIDER_OUTAGE, $at(2), '', false, 0.0, '', 'stripe'),
            new HistoryEvent(HistoryEvent::PROVIDER_CONFIG, $at(3), '', false, 0.0, '', 'openai', 'hosts'),
            new HistoryEvent(HistoryEvent::UPDATE, $at(4), '', false, 0.0, '', '', 'plugin update: woocommerce 9.1 → 9.2'),
        ];
        // The category names no provider; automation "writer" depends on openai and inherits.
        $automations = [
            'writer' => ['category' => 'content', 'breakers' => null, 'customer_facing' => [], 'providers' => ['openai']],
            'tagger' => ['category' => 'content', 'breakers' => ['updates' => ['enabled' => true]], 'customer_facing' => [], 'providers' => []],
        ];
        $words = static fn (array $trips): array => array_map(static fn (array $t): array => [$t['at']->format('H:i'), $t['scope'], $t['signal'], $t['reason']], $trips);

        $defaults = BreakerSimulator::run(BreakerConfig::defaults(), 'content', $automations, $events);
        self::assertSame([
            ['09:01', 'category:content', 'provider_outage', 'provider openai: outage'],
            ['09:04', 'automation:tagger', 'update', 'plugin update: woocommerce 9.1 → 9.2'],
        ], $words($defaults), 'provider_outage is on by default; updates only where an automation turns it on; stripe concerns nobody here');

        $updates = BreakerSimulator::run(BreakerConfig::from_input(['updates' => ['enabled' => true], 'provider_outage' => ['enabled' => false]]), 'content', $automations, $events, ['openai']);
        self::assertSame([
            ['09:03', 'category:content', 'provider_config', 'provider openai: configuration changed (hosts)'],
            ['09:04', 'category:content', 'update', 'plugin update: woocommerce 9.1 → 9.2'],
        ], $words($updates), 'with the category on, the category pauses (once, not also its automation)');
    }
}
