<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Providers;

use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Audit\AuditEntry;
use SophMate\SafeMode\Domain\Providers\Provider;
use SophMate\SafeMode\Domain\Providers\ProviderChange;
use SophMate\SafeMode\Services;

/**
 * The one way a provider is saved or deleted, from REST, WP-CLI and the poller alike: store it,
 * audit what changed (one entry per kind of change, none for poll bookkeeping) and announce it
 * on `sophmate_safe_mode_provider_changed` so review cadence and notifications can react.
 */
final class ProviderChangeRecorder
{
    public const ACTION = 'sophmate_safe_mode_provider_changed';

    public function __construct(private readonly Services $services)
    {
    }

    /** $after null deletes the provider. */
    public function record(?Provider $before, ?Provider $after, Actor $actor, string $source, string $reason = ''): ProviderChange
    {
        $change = ProviderChange::between($before, $after);
        if ($after === null) {
            $this->services->providers->delete((string) $before?->slug);
        } else {
            $this->services->providers->save($after);
        }
        $slug = (string) ($after->slug ?? $before?->slug);
        $now = $this->services->clock->now();
        if ($change->config_changed()) {
            $action = $change->is_creation() ? 'provider_created' : ($change->is_deletion() ? 'provider_deleted' : 'provider_updated');
            $this->services->audit->append(new AuditEntry(
                $action,
                'provider:' . $slug,
                $change->is_creation() ? '' : (string) $before?->status,
                $change->is_deletion() ? '' : (string) $after?->status,
                $reason,
                $actor,
                $source,
                $now,
                ['fields' => $change->config_fields] + self::config_values($before, $after, $change->config_fields)
            ));
        }
        if ($change->status_changed && $after !== null) {
            $this->services->audit->append(new AuditEntry(
                'provider_status',
                'provider:' . $slug,
                $before->status ?? 'unknown',
                $after->status,
                $reason !== '' ? $reason : (string) $after->status_description,
                $actor,
                $source,
                $now,
                array_filter([
                    'status_source' => $after->status_source,
                    'description' => $after->status_description,
                    'status_url' => $after->status_source === 'polled' ? $after->status_url : null,
                ], static fn ($v): bool => $v !== null)
            ));
        }
        foreach ($change->kinds() as $kind) {
            do_action(self::ACTION, $slug, $kind, $change->before_array(), $change->after_array());
        }
        return $change;
    }

    /**
     * Old and new values of the changed config fields, so the audit answers "what did it say before?".
     *
     * @param list<string> $fields
     * @return array<string,mixed>
     */
    private static function config_values(?Provider $before, ?Provider $after, array $fields): array
    {
        if ($before === null || $after === null) {
            return [];
        }
        $values = [];
        foreach ($fields as $field) {
            $values['before'][$field] = $before->{$field};
            $values['after'][$field] = $after->{$field};
        }
        return $values;
    }
}
