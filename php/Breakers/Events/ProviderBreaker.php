<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Breakers\Events;

use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Switches\Source;

/**
 * Provider breakers, on `sophmate_safe_mode_provider_changed` (set by hand, by REST, by the status
 * poller or by a config import):
 * - its status turning `outage` pauses its dependents whose `provider_outage.enabled` is on
 *   (source `breaker`, "provider openai: outage"); `degraded` or `unknown` pause nothing;
 * - a change of its configuration (hosts, status URL; not a mere new label) pauses its dependents whose
 *   `updates.enabled` is on (source `update`), like a plugin update would.
 * Dependents are the categories that name the provider and the categories of the automations
 * that name it (or those automations alone, when only their own breakers turn the kind on).
 */
final class ProviderBreaker
{
    /** The configuration that changes what automation talks to; a new label alone pauses nothing. */
    public const BEHAVIOUR_FIELDS = ['hosts', 'status_url'];

    public function __construct(
        private readonly Catalog $catalog,
        private readonly TripTargets $targets,
        private readonly Tripper $tripper,
    ) {
    }

    /**
     * @param mixed $slug
     * @param mixed $change 'status' or 'config'
     * @param mixed $before the provider before ([] when created)
     * @param mixed $after the provider after ([] when deleted)
     */
    public function provider_changed($slug = '', $change = '', $before = [], $after = []): void
    {
        if (!is_string($slug) || $slug === '' || !is_array($before) || !is_array($after)) {
            return;
        }
        if ($change === 'status') {
            $this->status_changed($slug, $before, $after);
        } elseif ($change === 'config' && $before !== [] && $after !== []) {
            $this->config_changed($slug, $before, $after);
        }
    }

    /**
     * @param array<string,mixed> $before
     * @param array<string,mixed> $after
     */
    private function status_changed(string $slug, array $before, array $after): void
    {
        if (($after['status'] ?? '') !== 'outage' || ($before['status'] ?? '') === 'outage') {
            return;
        }
        $reason = sprintf('provider %s: outage', $slug);
        $extra = array_filter(['provider' => $slug, 'description' => $after['status_description'] ?? null], static fn ($v): bool => $v !== null && $v !== '');
        foreach ($this->scopes(EventBreakerConfig::PROVIDER_OUTAGE, $slug) as $scope) {
            $this->tripper->trip($scope, $reason, Source::Breaker, EventBreakerConfig::PROVIDER_OUTAGE, 'provider_outage', 'outage', 'outage', $extra);
        }
    }

    /**
     * @param array<string,mixed> $before
     * @param array<string,mixed> $after
     */
    private function config_changed(string $slug, array $before, array $after): void
    {
        $fields = [];
        foreach (self::BEHAVIOUR_FIELDS as $field) {
            if (($before[$field] ?? null) !== ($after[$field] ?? null)) {
                $fields[] = $field;
            }
        }
        if ($fields === []) {
            return;
        }
        $value = 'configuration changed (' . implode(', ', $fields) . ')';
        $reason = sprintf('provider %s: %s', $slug, $value);
        foreach ($this->scopes(EventBreakerConfig::UPDATES, $slug) as $scope) {
            $this->tripper->trip($scope, $reason, Source::Update, EventBreakerConfig::UPDATES, 'provider_config', $value, 'any configuration change', ['provider' => $slug, 'fields' => $fields]);
        }
    }

    /** @return list<\SophMate\SafeMode\Domain\Scope> */
    private function scopes(string $kind, string $slug): array
    {
        $categories = [];
        foreach ($this->catalog->categories() as $category) {
            if (in_array($slug, $category->providers, true)) {
                $categories[] = $category->slug;
            }
        }
        $automations = array_values(array_filter(
            $this->catalog->automations(),
            static fn (AutomationDefinition $a): bool => in_array($slug, $a->providers, true)
        ));
        return $this->targets->scopes($kind, $categories, $automations);
    }
}
