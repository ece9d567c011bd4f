<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Breakers;

use SophMate\SafeMode\Domain\Breakers\BreakerConfig;
use SophMate\SafeMode\Domain\Breakers\BreakerSimulator;
use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Config\Category;
use SophMate\SafeMode\Domain\Exception\InvalidInput;

/** POST /categories/{slug}/breakers/simulate and `wp sophmate breakers simulate`: the dry run over stored history. */
final class BreakerSimulation
{
    public const DEFAULT_DAYS = 7;
    public const MAX_DAYS = 90;

    public function __construct(
        private readonly Catalog $catalog,
        private readonly BreakerHistory $history,
        private readonly Clock $clock,
    ) {
    }

    /**
     * @param mixed $breakers draft settings (null: the category's current ones), validated like PATCH
     * @return array{trips:list<array{at:string,scope:string,signal:string,reason:string,breaker:string}>,runs_considered:int,since:string,truncated:bool,config:array<string,mixed>}
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
            $automations[$automation->id] = ['category' => $category->slug, 'breakers' => $automation->breakers, 'customer_facing' => $automation->customer_facing];
        }
        $loaded = $this->history->load($category->slug, $since);
        $trips = BreakerSimulator::run($config, $category->slug, $automations, $loaded['events']);
        return [
            'trips' => array_map(static fn (array $t): array => ['at' => $t['at']->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d\\TH:i:s\\Z')] + $t, $trips),
            'runs_considered' => $loaded['runs'],
            'since' => $since->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d\\TH:i:s\\Z'),
            'truncated' => $loaded['truncated'],
            'config' => $config->to_array(),
        ];
    }
}
