<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Breakers;

use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Text;

/**
 * The breakers of a category (or the overrides of one automation), validated. Missing kinds and
 * fields take the defaults; every refusal names the field (`breakers.failures.min_runs …`).
 * Top-level keys that are not a breaker kind are kept as they are (older free-form settings).
 */
final class BreakerConfig
{
    public const KINDS = ['failures', 'spend', 'stale_context', 'customer_impact', 'updates', 'provider_outage'];
    public const MAX_WINDOW_RUNS = 1000;
    public const MAX_WINDOW_MINUTES = 1440;
    private const FIELDS = [
        'failures' => ['enabled', 'consecutive', 'rate_percent', 'window_runs', 'min_runs'],
        'spend' => ['enabled', 'budgets'],
        'stale_context' => ['enabled', 'max_age_minutes'],
        'customer_impact' => ['enabled', 'max_actions', 'window_minutes'],
        'updates' => ['enabled'],
        'provider_outage' => ['enabled'],
    ];

    public function __construct(
        public readonly FailuresSettings $failures = new FailuresSettings(),
        public readonly SpendSettings $spend = new SpendSettings(),
        public readonly StaleContextSettings $stale_context = new StaleContextSettings(),
        public readonly CustomerImpactSettings $customer_impact = new CustomerImpactSettings(),
        public readonly ToggleSettings $updates = new ToggleSettings(false),
        public readonly ToggleSettings $provider_outage = new ToggleSettings(true),
    ) {
    }

    public static function defaults(): self
    {
        return new self();
    }

    /**
     * Validates operator input (REST body, CLI, registration args), refusing with
     * `sophmate_invalid_breakers` and a message naming the field.
     *
     * @param mixed $value
     */
    public static function from_input($value, string $field = 'breakers'): self
    {
        return self::parse($value, $field, true);
    }

    /**
     * Reads stored settings. Never throws: a value that no longer validates falls back to the default.
     *
     * @param mixed $value
     */
    public static function from_array($value): self
    {
        return self::parse($value, 'breakers', false);
    }

    /**
     * Checks input and returns it normalised: every breaker kind given is complete (defaults filled
     * in), other top-level keys are kept as they were.
     *
     * @param mixed $value
     * @return array<string,mixed>
     */
    public static function normalize_input($value, string $field = 'breakers'): array
    {
        $config = self::from_input($value, $field)->to_array();
        $out = [];
        foreach ((array) $value as $key => $item) {
            $out[$key] = is_string($key) && isset($config[$key]) ? $config[$key] : $item;
        }
        return $out;
    }

    /**
     * This config with each kind present in an automation's overrides replaced by the
     * automation's version of it (missing fields of that kind take the defaults).
     *
     * @param array<string,mixed>|null $overrides
     */
    public function with_overrides(?array $overrides): self
    {
        if ($overrides === null || $overrides === []) {
            return $this;
        }
        $own = self::from_array($overrides);
        return new self(
            isset($overrides['failures']) ? $own->failures : $this->failures,
            isset($overrides['spend']) ? $own->spend : $this->spend,
            isset($overrides['stale_context']) ? $own->stale_context : $this->stale_context,
            isset($overrides['customer_impact']) ? $own->customer_impact : $this->customer_impact,
            isset($overrides['updates']) ? $own->updates : $this->updates,
            isset($overrides['provider_outage']) ? $own->provider_outage : $this->provider_outage,
        );
    }

    /** Whether a breaker kind ("failures", "updates", "provider_outage" …) is switched on. */
    public function enabled(string $kind): bool
    {
        return match ($kind) {
            'failures' => $this->failures->enabled,
            'spend' => $this->spend->enabled,
            'stale_context' => $this->stale_context->enabled,
            'customer_impact' => $this->customer_impact->enabled,
            'updates' => $this->updates->enabled,
            'provider_outage' => $this->provider_outage->enabled,
            default => false,
        };
    }

    /** @return array<string,array<string,mixed>> */
    public function to_array(): array
    {
        return [
            'failures' => $this->failures->to_array(),
            'spend' => $this->spend->to_array(),
            'stale_context' => $this->stale_context->to_array(),
            'customer_impact' => $this->customer_impact->to_array(),
            'updates' => $this->updates->to_array(),
            'provider_outage' => $this->provider_outage->to_array(),
        ];
    }

    /** @param mixed $value */
    private static function parse($value, string $field, bool $strict): self
    {
        if ($value instanceof \stdClass) {
            $value = (array) $value;
        }
        if (!is_array($value) || ($value !== [] && array_is_list($value))) {
            if ($strict) {
                throw self::invalid($field, 'must be an object with any of ' . implode(', ', self::KINDS) . '.');
            }
            return new self();
        }
        $defaults = new self();
        $kinds = [];
        foreach (self::KINDS as $kind) {
            $path = $field . '.' . $kind;
            try {
                $kinds[$kind] = array_key_exists($kind, $value) ? self::kind($kind, $value[$kind], $path) : $defaults->{$kind};
            } catch (InvalidInput $e) {
                if ($strict) {
                    throw $e;
                }
                $kinds[$kind] = $defaults->{$kind};
            }
        }
        return new self($kinds['failures'], $kinds['spend'], $kinds['stale_context'], $kinds['customer_impact'], $kinds['updates'], $kinds['provider_outage']);
    }

    /** @param mixed $value */
    private static function kind(string $kind, $value, string $path): FailuresSettings|SpendSettings|StaleContextSettings|CustomerImpactSettings|ToggleSettings
    {
        if ($value instanceof \stdClass) {
            $value = (array) $value;
        }
        if (!is_array($value) || ($value !== [] && array_is_list($value))) {
            throw self::invalid($path, 'must be an object with ' . implode(', ', self::FIELDS[$kind]) . '.');
        }
        foreach (array_keys($value) as $key) {
            if (!in_array($key, self::FIELDS[$kind], true)) {
                throw self::invalid($path . '.' . Text::clip((string) $key, 40), 'is not a setting of ' . $kind . ' (known: ' . implode(', ', self::FIELDS[$kind]) . ').');
            }
        }
        $enabled = self::bool($value, 'enabled', $path, (new self())->{$kind}->enabled);
        switch ($kind) {
            case 'failures':
                $window = self::int($value, 'window_runs', $path, 20, 1, self::MAX_WINDOW_RUNS, false);
                $min = self::int($value, 'min_runs', $path, min(10, $window), 1, self::MAX_WINDOW_RUNS, false);
                if ($min > $window) {
                    throw self::invalid($path . '.min_runs', sprintf('must not be more than window_runs (%d): the rate is measured over the last window_runs runs.', $window));
                }
                return new FailuresSettings(
                    $enabled,
                    self::int($value, 'consecutive', $path, 5, 1, self::MAX_WINDOW_RUNS, true),
                    self::int($value, 'rate_percent', $path, 50, 1, 100, true),
                    $window,
                    $min,
                );
            case 'spend':
                $budgets = self::budgets($value['budgets'] ?? [], $path . '.budgets');
                if ($enabled && $budgets === []) {
                    throw self::invalid($path . '.budgets', 'needs at least one budget ({ unit, per_hour, per_day }) when spend is enabled.');
                }
                return new SpendSettings($enabled, $budgets);
            case 'stale_context':
                return new StaleContextSettings($enabled, self::int($value, 'max_age_minutes', $path, 120, 1, 525600, false));
            case 'customer_impact':
                return new CustomerImpactSettings(
                    $enabled,
                    self::int($value, 'max_actions', $path, 100, 1, 1000000, false),
                    self::int($value, 'window_minutes', $path, 60, 1, self::MAX_WINDOW_MINUTES, false),
                );
            default:
                return new ToggleSettings($enabled);
        }
    }

    /**
     * @param mixed $value
     * @return list<SpendBudget>
     */
    private static function budgets($value, string $path): array
    {
        if (!is_array($value) || !array_is_list($value)) {
            throw self::invalid($path, 'must be a list of { unit, per_hour, per_day }.');
        }
        if (count($value) > 20) {
            throw self::invalid($path, 'may hold at most 20 budgets.');
        }
        $budgets = [];
        $units = [];
        foreach ($value as $i => $item) {
            $item_path = sprintf('%s[%d]', $path, $i);
            if ($item instanceof \stdClass) {
                $item = (array) $item;
            }
            if (!is_array($item)) {
                throw self::invalid($item_path, 'must be an object { unit, per_hour, per_day }.');
            }
            foreach (array_keys($item) as $key) {
                if (!in_array($key, ['unit', 'per_hour', 'per_day'], true)) {
                    throw self::invalid($item_path . '.' . Text::clip((string) $key, 40), 'is not a budget field (known: unit, per_hour, per_day).');
                }
            }
            $unit = $item['unit'] ?? null;
            if (!is_string($unit) || preg_match('/^[A-Za-z0-9_.\-]{1,32}$/', $unit) !== 1) {
                throw self::invalid($item_path . '.unit', 'must be a unit name of 1-32 letters, digits, _ . - (e.g. usd, tokens).');
            }
            $unit = strtolower($unit);
            if (in_array($unit, $units, true)) {
                throw self::invalid($item_path . '.unit', sprintf('"%s" has a budget already.', $unit));
            }
            $units[] = $unit;
            $per_hour = self::amount($item, 'per_hour', $item_path);
            $per_day = self::amount($item, 'per_day', $item_path);
            if ($per_hour === null && $per_day === null) {
                throw self::invalid($item_path, 'needs per_hour, per_day or both.');
            }
            $budgets[] = new SpendBudget($unit, $per_hour, $per_day);
        }
        return $budgets;
    }

    /** @param array<string,mixed> $value */
    private static function amount(array $value, string $key, string $path): ?float
    {
        $amount = $value[$key] ?? null;
        if ($amount === null) {
            return null;
        }
        if (!is_int($amount) && !is_float($amount) || $amount <= 0 || $amount > 1e12) {
            throw self::invalid($path . '.' . $key, 'must be a number greater than 0 (or null for no limit).');
        }
        return (float) $amount;
    }

    /** @param array<string,mixed> $value */
    private static function bool(array $value, string $key, string $path, bool $default): bool
    {
        if (!array_key_exists($key, $value)) {
            return $default;
        }
        if (!is_bool($value[$key])) {
            throw self::invalid($path . '.' . $key, 'must be true or false.');
        }
        return $value[$key];
    }

    /** @param array<string,mixed> $value */
    private static function int(array $value, string $key, string $path, int $default, int $min, int $max, bool $nullable): ?int
    {
        if (!array_key_exists($key, $value)) {
            return $default;
        }
        $number = $value[$key];
        if ($number === null && $nullable) {
            return null;
        }
        if (is_float($number) && floor($number) === $number) {
            $number = (int) $number;
        }
        if (!is_int($number) || $number < $min || $number > $max) {
            throw self::invalid($path . '.' . $key, sprintf('must be a whole number from %d to %d%s.', $min, $max, $nullable ? ' (or null: this trigger off)' : ''));
        }
        return $number;
    }

    private static function invalid(string $field, string $message): InvalidInput
    {
        return new InvalidInput('sophmate_invalid_breakers', $field . ' ' . $message, ['field' => $field]);
    }
}
