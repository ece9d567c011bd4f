<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Breakers;

use SophMate\SafeMode\Domain\Breakers\BreakerConfig;
use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Config\Category;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Services;
use SophMate\SafeMode\Storage\Schema\Schema;

/**
 * `breaker_state` of GET /categories/{slug} and `wp sophmate breakers list`: the current value of
 * each signal next to its threshold, and the last trip. Reads the counters, never run history.
 */
final class BreakerState
{
    public function __construct(
        private readonly \wpdb $db,
        private readonly Schema $schema,
        private readonly Catalog $catalog,
        private readonly BreakerStore $store,
        private readonly Clock $clock,
        private readonly FreshnessReader $freshness,
    ) {
    }

    public static function from_services(Services $services): self
    {
        global $wpdb;
        return new self($wpdb, $services->schema, $services->catalog, new BreakerStore($wpdb, $services->schema), $services->clock, new FreshnessReader($services->clock));
    }

    /** @return array<string,mixed> */
    public function of(Category $category): array
    {
        $config = $category->breaker_config();
        $scope = Scope::category($category->slug)->to_string();
        $now = $this->clock->now();
        $counters = $this->store->state($scope) ?? ['consecutive' => 0, 'recent' => ''];
        $failures = $config->failures;
        $window = substr($counters['recent'], -$failures->window_runs);
        $runs = strlen($window);
        $units = [];
        foreach ($config->spend->budgets as $budget) {
            $units[$budget->unit] = $budget;
        }
        foreach ($this->store->spend_units($scope, $now) as $unit) {
            $units[$unit] ??= null;
        }
        $spend = [];
        foreach ($units as $unit => $budget) {
            $spend[] = [
                'unit' => (string) $unit,
                'last_hour' => round($this->store->sum_minutes($scope, 'spend:' . $unit, 60, $now), 6),
                'last_day' => round($this->store->sum_hours($scope, 'spend:' . $unit, 24, $now), 6),
                'per_hour' => $budget?->per_hour,
                'per_day' => $budget?->per_day,
            ];
        }
        $impact = $config->customer_impact;
        return [
            'config' => $config->to_array(),
            'failures' => [
                'enabled' => $failures->enabled,
                'consecutive' => $counters['consecutive'],
                'recent_runs' => $runs,
                'rate_percent' => $runs === 0 ? null : (int) floor(substr_count($window, '1') * 100 / $runs),
                'threshold' => ['consecutive' => $failures->consecutive, 'rate_percent' => $failures->rate_percent, 'window_runs' => $failures->window_runs, 'min_runs' => $failures->min_runs],
            ],
            'spend' => $spend,
            'spend_enabled' => $config->spend->enabled,
            'customer_impact' => [
                'enabled' => $impact->enabled,
                'count' => (int) round($this->store->sum_minutes($scope, BreakerEngine::IMPACT, $impact->window_minutes, $now)),
                'window_minutes' => $impact->window_minutes,
                'max_actions' => $impact->max_actions,
            ],
            'stale_context' => $this->stale_context($category, $config),
            'last_trip' => $this->last_trip($category),
        ];
    }

    /** @return list<array{automation:string,age_minutes:?int,max_age_minutes:int,source:string,enabled:bool}> */
    private function stale_context(Category $category, BreakerConfig $config): array
    {
        $out = [];
        foreach ($this->catalog->automations_in($category->slug) as $automation) {
            $settings = $config->with_overrides($automation->breakers)->stale_context;
            $reading = $this->freshness->read($automation);
            if ($reading === null) {
                continue;
            }
            $out[] = [
                'automation' => $automation->id,
                'age_minutes' => $reading['age_minutes'],
                'max_age_minutes' => $settings->max_age_minutes,
                'source' => $reading['source'],
                'enabled' => $settings->enabled,
            ];
        }
        return $out;
    }

    /** @return array{at:string,scope:string,signal:string,reason:string,source:string}|null the latest breaker or update pause of the category or one of its automations */
    private function last_trip(Category $category): ?array
    {
        $scopes = [Scope::category($category->slug)->to_string()];
        foreach ($this->catalog->automations_in($category->slug) as $automation) {
            $scopes[] = Scope::automation($automation->id)->to_string();
        }
        $in = implode(', ', array_fill(0, count($scopes), '%s'));
        $table = $this->schema->audit_table();
        $row = $this->db->get_row($this->db->prepare(
            "SELECT created_at, scope, reason, source, context FROM {$table} WHERE scope IN ({$in}) AND action = 'pause' AND source IN ('breaker', 'update') ORDER BY id DESC LIMIT 1", // phpcs:ignore
            ...$scopes
        ), ARRAY_A);
        if (!is_array($row)) {
            return null;
        }
        $context = json_decode((string) $row['context'], true);
        return [
            'at' => str_replace(' ', 'T', (string) $row['created_at']) . 'Z',
            'scope' => (string) $row['scope'],
            'signal' => is_array($context) && is_string($context['signal'] ?? null) ? $context['signal'] : ($row['source'] === 'update' ? 'update' : 'breaker'),
            'reason' => (string) $row['reason'],
            'source' => (string) $row['source'],
        ];
    }
}
