<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Breakers\Events;

use SophMate\SafeMode\Domain\Breakers\BreakerConfig;
use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Config\Category;

/**
 * What the event and time breakers read (updates, provider_outage, stale_context), through the
 * validated BreakerConfig, so missing kinds and fields take the documented defaults. An
 * automation's `breakers` override its category's kind by kind: a kind the automation does not
 * name is inherited.
 */
final class EventBreakerConfig
{
    public const UPDATES = 'updates';
    public const PROVIDER_OUTAGE = 'provider_outage';
    public const STALE_CONTEXT = 'stale_context';

    /** @return array<string,mixed> the category's settings of one kind, defaults filled in */
    public function of_category(Category $category, string $kind): array
    {
        return self::kind($category->breaker_config(), $kind);
    }

    /** @return array<string,mixed>|null the automation's own settings of one kind, null when it inherits its category's */
    public function override_of(AutomationDefinition $automation, string $kind): ?array
    {
        if (!isset($automation->breakers[$kind])) {
            return null;
        }
        return self::kind(BreakerConfig::from_array($automation->breakers), $kind);
    }

    /** @return array<string,mixed> what applies to one automation: its own settings, else its category's, else the defaults */
    public function effective(AutomationDefinition $automation, ?Category $category, string $kind): array
    {
        return $this->override_of($automation, $kind)
            ?? ($category !== null ? $this->of_category($category, $kind) : self::kind(BreakerConfig::defaults(), $kind));
    }

    public function enabled_for_category(Category $category, string $kind): bool
    {
        return (bool) ($this->of_category($category, $kind)['enabled'] ?? false);
    }

    /** @return array{option?:string,filter?:string}|null the declared freshness source, null when none */
    public function freshness(AutomationDefinition $automation): ?array
    {
        foreach (['option', 'filter'] as $type) {
            $name = $automation->freshness[$type] ?? null;
            if (is_string($name) && $name !== '') {
                return [$type => $name];
            }
        }
        return null;
    }

    /** @return array<string,mixed> */
    private static function kind(BreakerConfig $config, string $kind): array
    {
        return match ($kind) {
            self::UPDATES => $config->updates->to_array(),
            self::PROVIDER_OUTAGE => $config->provider_outage->to_array(),
            self::STALE_CONTEXT => $config->stale_context->to_array(),
            default => ['enabled' => false],
        };
    }
}
