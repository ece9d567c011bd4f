<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Breakers\Events;

use SophMate\SafeMode\Domain\Clock;
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
        private readonly EventBreakerConfig $config,
        private readonly Tripper $tripper,
        private readonly Clock $clock,
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

    /**
     * @return array{source:string,age_minutes:?int,max_age_minutes:int}|null what was found, null when the breaker is off or no source is declared
     */
    public function reading(AutomationDefinition $automation): ?array
    {
        $category = $this->catalog->has_category($automation->category) ? $this->catalog->category($automation->category) : null;
        $settings = $this->config->effective($automation, $category, EventBreakerConfig::STALE_CONTEXT);
        $source = $this->config->freshness($automation);
        if (!$settings['enabled'] || $source === null) {
            return null;
        }
        $at = self::timestamp(self::read($source, $automation->id));
        $age = $at === null ? null : intdiv(max(0, $this->clock->now()->getTimestamp() - $at), 60);
        return ['source' => self::describe($source), 'age_minutes' => $age, 'max_age_minutes' => (int) $settings['max_age_minutes']];
    }

    public function check(AutomationDefinition $automation): bool
    {
        $reading = $this->reading($automation);
        if ($reading === null || ($reading['age_minutes'] !== null && $reading['age_minutes'] < $reading['max_age_minutes'])) {
            return false;
        }
        $limit = self::duration($reading['max_age_minutes']);
        $reason = $reading['age_minutes'] === null
            ? sprintf('context age unknown: %s is missing or holds no readable time ≥ %s', $reading['source'], $limit)
            : sprintf('context %s old ≥ %s (%s)', self::duration($reading['age_minutes']), $limit, $reading['source']);
        return $this->tripper->trip(
            Scope::automation($automation->id),
            $reason,
            Source::Breaker,
            EventBreakerConfig::STALE_CONTEXT,
            'stale_context',
            $reading['age_minutes'] ?? 'unknown',
            $reading['max_age_minutes'],
            ['freshness' => $reading['source'], 'unit' => 'minutes']
        );
    }

    /** "45m", "2h", "3h 10m", "2d 1h 5m" */
    public static function duration(int $minutes): string
    {
        $parts = [];
        foreach (['d' => 1440, 'h' => 60, 'm' => 1] as $unit => $size) {
            if ($minutes >= $size) {
                $parts[] = intdiv($minutes, $size) . $unit;
                $minutes %= $size;
            }
        }
        return $parts === [] ? '0m' : implode(' ', $parts);
    }

    /**
     * A unix timestamp (number or numeric string), a date string (read as UTC unless it says
     * otherwise) or a DateTimeInterface; anything else is unreadable.
     *
     * @param mixed $value
     */
    public static function timestamp($value): ?int
    {
        if ($value instanceof \DateTimeInterface) {
            return $value->getTimestamp();
        }
        if (is_int($value) || is_float($value) || (is_string($value) && is_numeric(trim($value)))) {
            $number = (int) $value;
            return $number > 0 ? $number : null;
        }
        if (is_string($value) && trim($value) !== '') {
            try {
                return (new \DateTimeImmutable(trim($value), new \DateTimeZone('UTC')))->getTimestamp();
            } catch (\Exception) {
                return null;
            }
        }
        return null;
    }

    /** @param array{option?:string,filter?:string} $source */
    private static function describe(array $source): string
    {
        return isset($source['option']) ? 'option ' . $source['option'] : 'filter ' . (string) ($source['filter'] ?? '');
    }

    /**
     * @param array{option?:string,filter?:string} $source
     * @return mixed
     */
    private static function read(array $source, string $automation_id)
    {
        if (isset($source['option'])) {
            return get_option($source['option'], null);
        }
        // The filter starts from null: a source nobody answers is unreadable, so stale.
        return apply_filters((string) ($source['filter'] ?? ''), null, $automation_id);
    }
}
