<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Breakers\Events;

use SophMate\SafeMode\Breakers\FreshnessReader;
use SophMate\SafeMode\Domain\Breakers\BreakerConfig;
use SophMate\SafeMode\Domain\Breakers\BreakerEvaluator;
use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\Source;

/**
 * Stale context breaker: an automation that declares a `freshness` source (an option, or a filter,
 * holding the time of its last successful sync) is paused (source `breaker`) when that time is
 * older than its `stale_context.max_age_minutes`, checked every five minutes by a cron event and
 * just before each of its runs is decided (so the run that would have used stale data is refused).
 * A source that is missing or holds no readable time counts as stale, and the reason says so.
 */
final class StaleContextBreaker
{
    public function __construct(
        private readonly Catalog $catalog,
        private readonly FreshnessReader $freshness,
        private readonly Tripper $tripper,
    ) {
    }

    /** The cron check: every automation with the breaker on and a freshness source. */
    public function check_all(): void
    {
        foreach ($this->catalog->automations() as $automation) {
            $this->check($automation);
        }
    }

    /**
     * On `sophmate_safe_mode_run_starting`, before the gate decides the run.
     *
     * @param mixed $automation_id
     */
    public function run_starting($automation_id = ''): void
    {
        $automation = is_string($automation_id) ? $this->catalog->find_automation($automation_id) : null;
        if ($automation !== null) {
            $this->check($automation);
        }
    }

    public function check(AutomationDefinition $automation): bool
    {
        $category = $this->catalog->has_category($automation->category) ? $this->catalog->category($automation->category) : null;
        $settings = ($category?->breaker_config() ?? BreakerConfig::defaults())->with_overrides($automation->breakers)->stale_context;
        // The source is only read when the breaker is on: a filter may be costly.
        $reading = $settings->enabled ? $this->freshness->read($automation) : null;
        $trip = $reading === null ? null : BreakerEvaluator::stale_context($settings, $reading['age_minutes'], $reading['source']);
        if ($trip === null || $reading === null) {
            return false;
        }
        return $this->tripper->trip(
            Scope::automation($automation->id),
            $trip->reason,
            Source::Breaker,
            EventBreakerConfig::STALE_CONTEXT,
            $trip->signal,
            $trip->value,
            $trip->threshold,
            ['freshness' => $reading['source'], 'unit' => 'minutes']
        );
    }
}
