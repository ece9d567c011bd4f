<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Breakers\Events;

use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Scope;

/**
 * Which scopes an event breaker pauses: each concerned category whose setting of that kind is on,
 * and each concerned automation either through its category (when it inherits the setting) or on
 * its own (when its own `breakers` turn the kind on while its category's is off).
 */
final class TripTargets
{
    public function __construct(private readonly Catalog $catalog, private readonly EventBreakerConfig $config)
    {
    }

    /**
     * @param list<string> $categories slugs concerned directly (e.g. they name the provider)
     * @param list<AutomationDefinition> $automations automations concerned (e.g. they name the provider)
     * @return list<Scope> categories first, each scope once
     */
    public function scopes(string $kind, array $categories, array $automations): array
    {
        $paused = [];
        foreach ($categories as $slug) {
            if ($this->catalog->has_category($slug) && $this->config->enabled_for_category($this->catalog->category($slug), $kind)) {
                $paused[$slug] = true;
            }
        }
        $own = [];
        foreach ($automations as $automation) {
            $override = $this->config->override_of($automation, $kind);
            if ($override === null) {
                if ($this->catalog->has_category($automation->category) && $this->config->enabled_for_category($this->catalog->category($automation->category), $kind)) {
                    $paused[$automation->category] = true;
                }
            } elseif ($override['enabled']) {
                $own[$automation->id] = $automation->category;
            }
        }
        $scopes = array_map(static fn ($slug): Scope => Scope::category((string) $slug), array_keys($paused));
        foreach ($own as $id => $category) {
            if (!isset($paused[$category])) {
                $scopes[] = Scope::automation((string) $id);
            }
        }
        return $scopes;
    }
}
