<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Breakers\Events;

use SophMate\SafeMode\Domain\Breakers\EventTargets;
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
    public function __construct(private readonly Catalog $catalog)
    {
    }

    /**
     * @param list<string> $categories slugs concerned directly (e.g. they name the provider)
     * @param list<AutomationDefinition> $automations automations concerned (e.g. they name the provider)
     * @return list<Scope> categories first, each scope once
     */
    public function scopes(string $kind, array $categories, array $automations): array
    {
        $concerned = array_fill_keys($categories, []);
        foreach ($automations as $automation) {
            $concerned[$automation->category][$automation->id] = $automation->breakers;
        }
        $paused = [];
        $own = [];
        foreach ($concerned as $slug => $members) {
            $slug = (string) $slug;
            if (!$this->catalog->has_category($slug)) {
                continue;
            }
            $targets = EventTargets::in_category($kind, $this->catalog->category($slug)->breaker_config(), in_array($slug, $categories, true), $members);
            if ($targets['category']) {
                $paused[] = Scope::category($slug);
            }
            foreach ($targets['automations'] as $id) {
                $own[] = Scope::automation($id);
            }
        }
        return [...$paused, ...$own];
    }
}
