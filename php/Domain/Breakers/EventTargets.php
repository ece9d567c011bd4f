<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Breakers;

/**
 * Which scopes of one category an event breaker (updates, provider_outage) pauses, shared by the
 * live breakers and the dry run: the category when it is concerned directly and its setting is on,
 * or when a concerned automation inherits a setting that is on; otherwise each concerned
 * automation whose own `breakers` turn the kind on.
 */
final class EventTargets
{
    /**
     * @param array<string,?array<string,mixed>> $automations concerned automations of this category: id => their own `breakers` (null: none)
     * @return array{category:bool,automations:list<string>} whether the category pauses, else which automations do
     */
    public static function in_category(string $kind, BreakerConfig $category_config, bool $category_concerned, array $automations): array
    {
        $category = $category_concerned && $category_config->enabled($kind);
        $own = [];
        foreach ($automations as $id => $breakers) {
            if (!is_array($breakers) || !array_key_exists($kind, $breakers)) {
                $category = $category || $category_config->enabled($kind);
            } elseif (BreakerConfig::from_array($breakers)->enabled($kind)) {
                $own[] = (string) $id;
            }
        }
        return ['category' => $category, 'automations' => $category ? [] : $own];
    }
}
