<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Breakers;

use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Breakers\BreakerConfig;
use SophMate\SafeMode\Domain\Breakers\BreakerEvaluator;
use SophMate\SafeMode\Domain\Breakers\Trip;
use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Exception\SafeModeException;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\Source;
use SophMate\SafeMode\Domain\Switches\SwitchService;

/**
 * Evaluates the failures, spend and customer-impact breakers where their data is written (a run
 * finishing, a spend record, a customer-facing action) and trips them through the switch service.
 * A kind the automation overrides is counted and tripped on the automation; otherwise on its
 * category. Only the worker whose compare-and-swap really paused the scope makes the trip: the
 * others see `changed: false`, so there is one audit event, one action, one notification.
 */
final class BreakerEngine
{
    public const IMPACT = 'impact';

    public function __construct(
        private readonly Catalog $catalog,
        private readonly BreakerStore $store,
        private readonly SwitchService $switches,
        private readonly Clock $clock,
    ) {
    }

    public function config_for(AutomationDefinition $automation): BreakerConfig
    {
        $category = $this->catalog->has_category($automation->category) ? $this->catalog->category($automation->category) : null;
        return ($category?->breaker_config() ?? BreakerConfig::defaults())->with_overrides($automation->breakers);
    }

    /** Where a kind's counters live for this automation: its own scope when it overrides the kind. */
    public static function scope_for(AutomationDefinition $automation, string $kind): Scope
    {
        return is_array($automation->breakers) && array_key_exists($kind, $automation->breakers)
            ? Scope::automation($automation->id)
            : Scope::category($automation->category);
    }

    /**
     * @param mixed $run_id
     * @param mixed $status
     * @param mixed $automation_id
     */
    public function run_finished($run_id, $status, $automation_id): ?Trip
    {
        if (($status !== 'succeeded' && $status !== 'failed') || !is_string($automation_id)) {
            return null;
        }
        $automation = $this->catalog->find_automation($automation_id);
        if ($automation === null) {
            return null;
        }
        $settings = $this->config_for($automation)->failures;
        if (!$settings->enabled || ($settings->consecutive === null && $settings->rate_percent === null)) {
            return null;
        }
        $scope = self::scope_for($automation, 'failures');
        $counters = $this->store->record_outcome($scope->to_string(), $status === 'failed', $settings->window_runs, $this->clock->now());
        // Only a failure can cross a failure threshold: a success never trips.
        if ($counters === null) {
            return null;
        }
        return $this->trip($scope, BreakerEvaluator::failures($settings, $counters['consecutive'], $counters['failed'], $counters['runs']));
    }

    /**
     * @param mixed $run_id
     * @param mixed $automation_id
     * @param mixed $amount
     * @param mixed $unit
     */
    public function spend_recorded($run_id, $automation_id, $amount, $unit): ?Trip
    {
        if (!is_string($automation_id) || !is_numeric($amount) || !is_string($unit) || (float) $amount <= 0) {
            return null;
        }
        $automation = $this->catalog->find_automation($automation_id);
        if ($automation === null) {
            return null;
        }
        $unit = strtolower($unit);
        $scope = self::scope_for($automation, 'spend');
        $now = $this->clock->now();
        $this->store->add($scope->to_string(), 'spend:' . $unit, (float) $amount, $now);
        $settings = $this->config_for($automation)->spend;
        if (!$settings->enabled || $settings->budget_for($unit) === null) {
            return null;
        }
        $hour = $this->store->sum_minutes($scope->to_string(), 'spend:' . $unit, 60, $now);
        $day = $this->store->sum_hours($scope->to_string(), 'spend:' . $unit, 24, $now);
        return $this->trip($scope, BreakerEvaluator::spend($settings, $unit, $hour, $day));
    }

    /**
     * A touched() record inside a live run: counts when the automation marks "type:action" as customer-facing.
     *
     * @param mixed $run_id
     * @param mixed $automation_id
     * @param mixed $type
     * @param mixed $id
     * @param mixed $action
     */
    public function record_touched($run_id, $automation_id, $type, $id, $action): ?Trip
    {
        if (!is_string($automation_id) || !is_string($type) || !is_string($action)) {
            return null;
        }
        $automation = $this->catalog->find_automation($automation_id);
        if ($automation === null || !in_array($type . ':' . $action, $automation->customer_facing, true)) {
            return null;
        }
        return $this->customer_action($automation);
    }

    /** An email sent (wp_mail) inside a run of $automation_id always counts as customer-facing. */
    public function mail_sent(string $automation_id): ?Trip
    {
        $automation = $this->catalog->find_automation($automation_id);
        return $automation === null ? null : $this->customer_action($automation);
    }

    private function customer_action(AutomationDefinition $automation): ?Trip
    {
        $scope = self::scope_for($automation, 'customer_impact');
        $now = $this->clock->now();
        $this->store->add($scope->to_string(), self::IMPACT, 1.0, $now);
        $settings = $this->config_for($automation)->customer_impact;
        if (!$settings->enabled) {
            return null;
        }
        $count = (int) round($this->store->sum_minutes($scope->to_string(), self::IMPACT, $settings->window_minutes, $now));
        return $this->trip($scope, BreakerEvaluator::customer_impact($settings, $count));
    }

    /**
     * Resets the counters of a restarted scope (and, for a category, of its automations): a
     * restart starts a new incident.
     *
     * @param mixed $scope
     */
    public function restarted($scope): void
    {
        if (!is_string($scope)) {
            return;
        }
        try {
            $parsed = Scope::parse($scope);
        } catch (SafeModeException) {
            return;
        }
        $scopes = [$parsed->to_string()];
        if ($parsed->kind === Scope::CATEGORY) {
            foreach ($this->catalog->automations() as $automation) {
                if ($automation->category === $parsed->id) {
                    $scopes[] = Scope::automation($automation->id)->to_string();
                }
            }
        } elseif ($parsed->is_global()) {
            $scopes = [];
            foreach ($this->catalog->categories() as $category) {
                $scopes[] = Scope::category($category->slug)->to_string();
            }
            foreach ($this->catalog->automations() as $automation) {
                $scopes[] = Scope::automation($automation->id)->to_string();
            }
        }
        $this->store->reset($scopes);
    }

    private function trip(Scope $scope, ?Trip $trip): ?Trip
    {
        if ($trip === null) {
            return null;
        }
        try {
            $result = $this->switches->pause($scope, $trip->reason, Actor::system('circuit breaker'), Source::Breaker, null, $trip->context());
        } catch (SafeModeException) {
            return null; // Unreadable or busy state: the fail-closed path already holds automation.
        }
        return $result->changed ? $trip : null;
    }
}
