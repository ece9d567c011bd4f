<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Breakers\Events;

use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Config\Category;

/**
 * The settings the event and time breakers read (updates, provider_outage, stale_context) and an
 * automation's freshness source, with the documented defaults for every missing kind or field.
 * An automation's `breakers` override its category's kind by kind: a kind the automation does
 * not name is inherited.
 */
final class EventBreakerConfig
{
    public const UPDATES = 'updates';
    public const PROVIDER_OUTAGE = 'provider_outage';
    public const STALE_CONTEXT = 'stale_context';

    private const DEFAULTS = [
        self::UPDATES => ['enabled' => false],
        self::PROVIDER_OUTAGE => ['enabled' => true],
        self::STALE_CONTEXT => ['enabled' => false, 'max_age_minutes' => 120],
    ];

    /** @return array<string,mixed> the category's settings of one kind, defaults filled in */
    public function of_category(Category $category, string $kind): array
    {
        $own = self::kind_of(self::as_array($category->breakers), $kind);
        return self::with_defaults($own ?? [], $kind);
    }

    /** @return array<string,mixed>|null the automation's own settings of one kind, null when it inherits its category's */
    public function override_of(AutomationDefinition $automation, string $kind): ?array
    {
        $own = self::kind_of(self::as_array(self::property($automation, 'breakers')), $kind);
        return $own === null ? null : self::with_defaults($own, $kind);
    }

    /** @return array<string,mixed> what applies to one automation: its own settings, else its category's, else the defaults */
    public function effective(AutomationDefinition $automation, ?Category $category, string $kind): array
    {
        return $this->override_of($automation, $kind)
            ?? ($category !== null ? $this->of_category($category, $kind) : self::with_defaults([], $kind));
    }

    public function enabled_for_category(Category $category, string $kind): bool
    {
        return (bool) $this->of_category($category, $kind)['enabled'];
    }

    /** @return array{option?:string,filter?:string}|null the declared freshness source, null when none */
    public function freshness(AutomationDefinition $automation): ?array
    {
        $source = self::as_array(self::property($automation, 'freshness'));
        foreach (['option', 'filter'] as $type) {
            if (is_string($source[$type] ?? null) && $source[$type] !== '') {
                return [$type => $source[$type]];
            }
        }
        return null;
    }

    /**
     * @param array<string,mixed> $breakers
     * @return array<string,mixed>|null
     */
    private static function kind_of(array $breakers, string $kind): ?array
    {
        if (!array_key_exists($kind, $breakers)) {
            return null;
        }
        return self::as_array($breakers[$kind]);
    }

    /**
     * @param array<string,mixed> $own
     * @return array<string,mixed>
     */
    private static function with_defaults(array $own, string $kind): array
    {
        $settings = $own + (self::DEFAULTS[$kind] ?? ['enabled' => false]);
        $settings['enabled'] = (bool) $settings['enabled'];
        if ($kind === self::STALE_CONTEXT) {
            $max = $settings['max_age_minutes'];
            $settings['max_age_minutes'] = is_numeric($max) && (int) $max > 0 ? (int) $max : self::DEFAULTS[self::STALE_CONTEXT]['max_age_minutes'];
        }
        return $settings;
    }

    /**
     * Arrays as stored, or value objects that know their array form.
     *
     * @param mixed $value
     * @return array<string,mixed>
     */
    private static function as_array($value): array
    {
        if (is_object($value) && method_exists($value, 'to_array')) {
            $value = $value->to_array();
        }
        if (is_object($value)) {
            $value = get_object_vars($value);
        }
        return is_array($value) ? $value : [];
    }

    /** @return mixed the automation's property when this version of the definition has it */
    private static function property(AutomationDefinition $automation, string $name)
    {
        return property_exists($automation, $name) ? $automation->{$name} : null;
    }
}
