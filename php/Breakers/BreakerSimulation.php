<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Breakers;

use SophMate\SafeMode\Domain\Breakers\BreakerConfig;
use SophMate\SafeMode\Domain\Breakers\BreakerEvaluator;
use SophMate\SafeMode\Domain\Breakers\BreakerSimulator;
use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Config\Category;
use SophMate\SafeMode\Domain\Exception\InvalidInput;

/**
 * POST /categories/{slug}/breakers/simulate and `wp sophmate breakers simulate`: the dry run over
 * stored history (runs, spend, customer-facing actions, provider outages and changes, updates),
 * plus the stale context breaker checked against each freshness source as it reads now (no
 * history of past ages is kept), listed as `now: true`.
 */
final class BreakerSimulation
{
    public const DEFAULT_DAYS = 7;
    public const MAX_DAYS = 90;

    public function __construct(
        private readonly Catalog $catalog,
        private readonly BreakerHistory $history,
        private readonly Clock $clock,
        private readonly FreshnessReader $freshness,
    ) {
    }

    /**
     * @param mixed $breakers draft settings (null: the category's current ones), validated like PATCH
     * @return array{trips:list<array{at:string,scope:string,signal:string,reason:string,breaker:string,now:bool}>,runs_considered:int,since:string,truncated:bool,config:array<string,mixed>}
     */
    public function simulate(Category $category, $breakers, ?\DateTimeImmutable $since): array
    {
        $config = $breakers === null ? $category->breaker_config() : BreakerConfig::from_input($breakers);
        $now = $this->clock->now();
        $since ??= $now->sub(new \DateInterval('P' . self::DEFAULT_DAYS . 'D'));
        if ($since < $now->sub(new \DateInterval('P' . self::MAX_DAYS . 'D'))) {
            throw new InvalidInput('sophmate_invalid_since', sprintf('since may go back at most %d days.', self::MAX_DAYS), ['field' => 'since']);
        }
        $automations = [];
        foreach ($this->catalog->automations_in($category->slug) as $automation) {
            $automations[$automation->id] = ['category' => $category->slug, 'breakers' => $automation->breakers, 'customer_facing' => $automation->customer_facing, 'providers' => $automation->providers];
        }
        $loaded = $this->history->load($category->slug, $since);
        $trips = BreakerSimulator::run($config, $category->slug, $automations, $loaded['events'], $category->providers);
        $at = static fn (\DateTimeImmutable $t): string => $t->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d\\TH:i:s\\Z');
        $listed = array_map(static fn (array $t): array => ['at' => $at($t['at'])] + $t + ['now' => false], $trips);
        foreach ($this->catalog->automations_in($category->slug) as $automation) {
            $settings = $config->with_overrides($automation->breakers)->stale_context;
            $reading = $settings->enabled ? $this->freshness->read($automation) : null;
            $trip = $reading === null ? null : BreakerEvaluator::stale_context($settings, $reading['age_minutes'], $reading['source']);
            if ($trip !== null) {
                $listed[] = ['at' => $at($now), 'scope' => 'automation:' . $automation->id, 'signal' => $trip->signal, 'reason' => $trip->reason, 'breaker' => $trip->breaker, 'now' => true];
            }
        }
        return [
            'trips' => $listed,
            'runs_considered' => $loaded['runs'],
            'since' => $since->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d\\TH:i:s\\Z'),
            'truncated' => $loaded['truncated'],
            'config' => $config->to_array(),
        ];
    }
}
