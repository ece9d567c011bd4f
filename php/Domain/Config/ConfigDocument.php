<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Config;

/**
 * The portable configuration document (staging → production): its format, export, and the
 * validation of an incoming one (ConfigDocumentReader) and the diff (ConfigDocumentDiff).
 *
 * Validation reuses the rules the REST routes enforce (CategoryChanges, AutomationDefinition,
 * Provider) but runs them field by field, so an operator sees every problem of a file at once,
 * each with its JSON path (categories[2].policy.running), instead of fixing one per attempt.
 *
 * Decisions an import makes on purpose:
 * - Owners travel as login + email because user ids differ between sites. An owner that matches
 *   no local user is an error, not a silent null: ownerless automation is what the mission
 *   escalates, so the operator must create the user or edit the file.
 * - Import never deletes: what the site has and the file lacks is kept (reported "not_in_file").
 * - Import never raises an automation's mode (draft → read_only → live): the readiness gate of this
 *   site decides that. A lower mode in the file is applied.
 * - Automations registered by code are changed where they are registered: the file carries only
 *   their mode and checklist, a difference is reported ("skipped") and never applied.
 *   Their breakers, freshness and customer_facing are registration arguments too and do not travel;
 *   an admin-created automation carries all three (its breakers as overrides of its category's).
 * - Secrets never travel: any key named like *secret*, *password* or *token* is left out of an
 *   export and ignored (with a warning) on import.
 */
final class ConfigDocument
{
    public const FORMAT = 'sophmate-safe-mode/config';
    public const VERSION = 1;
    public const SECRET_KEY = '/secret|password|token/i';

    /** @return array<string,mixed> the document, ready for json_encode */
    public static function export(ConfigDocumentState $state, ConfigDocumentUsers $users, string $environment, string $site, \DateTimeImmutable $now): array
    {
        return [
            'format' => self::FORMAT,
            'version' => self::VERSION,
            'exported_at' => $now->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d\TH:i:s\Z'),
            'environment' => $environment,
            'site' => $site,
        ] + self::sections($state, $users);
    }

    /**
     * The configuration part of a document (no header), in the same normalized form for the site
     * as it is and as it would be: comparing two of these is the diff.
     *
     * @return array{categories:list<array<string,mixed>>,automations:list<array<string,mixed>>,providers:list<array<string,mixed>>,settings:array<string,int>,notifications:array<string,list<string>>}
     */
    public static function sections(ConfigDocumentState $state, ConfigDocumentUsers $users): array
    {
        $owner = static fn (?int $id): ?array => $id === null ? null : $users->describe($id);
        $categories = [];
        foreach ($state->categories as $category) {
            $policy = $category->policy->to_array();
            unset($policy['restart_owner_id']);
            $categories[] = [
                'slug' => $category->slug,
                'builtin' => $category->builtin,
                'label' => $category->label,
                'description' => $category->description,
                'owner' => $owner($category->owner_id),
                'backup_owner' => $owner($category->backup_owner_id),
                'policy' => $policy + ['restart_owner' => $owner($category->policy->restart_owner_id)],
                'review_every_days' => $category->review_every_days,
                'providers' => $category->providers,
                'notify' => $category->notify,
                'breakers' => (object) $category->breakers,
            ];
        }
        $automations = [];
        foreach ($state->automations as $automation) {
            $automations[] = [
                'id' => $automation->id,
                'origin' => 'admin',
                'label' => $automation->label,
                'kind' => $automation->kind->value,
                'category' => $automation->category,
                'owner' => $owner($automation->owner_id),
                'mode' => $automation->mode->value,
                'cron_hooks' => $automation->cron_hooks,
                'rest_routes' => $automation->rest_routes,
                'providers' => $automation->providers,
                'checklist' => (object) $automation->checklist,
                'retry' => $automation->retry?->to_array(),
                'breakers' => $automation->breakers === null ? null : (object) $automation->breakers,
                'freshness' => $automation->freshness === null ? null : (object) $automation->freshness,
                'customer_facing' => $automation->customer_facing,
            ];
        }
        foreach ($state->code_automations as $automation) {
            $automations[] = ['id' => $automation->id, 'origin' => 'code', 'mode' => $automation->mode->value, 'checklist' => (object) $automation->checklist];
        }
        $providers = [];
        foreach ($state->providers as $provider) {
            $providers[] = ['slug' => $provider->slug, 'label' => $provider->label, 'hosts' => $provider->hosts, 'status_url' => $provider->status_url];
        }
        // Secrets kept on a site (breaker credentials, …) are neither shown nor compared: they never travel.
        return self::without_secrets([
            'categories' => $categories,
            'automations' => $automations,
            'providers' => $providers,
            'settings' => $state->settings,
            'notifications' => ['emails' => $state->notifications['emails'], 'webhooks' => $state->notifications['webhooks']],
        ]);
    }

    /**
     * Reads an incoming document against the site's current configuration.
     *
     * @param mixed $document decoded JSON
     */
    public static function parse($document, ConfigDocumentState $current, ConfigDocumentUsers $users, \DateTimeImmutable $now): ConfigDocumentResult
    {
        return (new ConfigDocumentReader($current, $users, $now))->read($document);
    }

    /**
     * The changes an import would make, one item per category, provider, automation and the
     * settings: added, changed, unchanged, skipped (code-registered, not applied) or not_in_file (kept).
     *
     * @return list<array{type:string,id:string,change:string,fields:list<array{path:string,from:mixed,to:mixed}>}>
     */
    public static function diff(ConfigDocumentResult $result, ConfigDocumentState $current, ConfigDocumentUsers $users): array
    {
        if ($result->target === null) {
            return [];
        }
        return ConfigDocumentDiff::between(
            self::sections($current, $users),
            self::sections($result->target, $users),
            $result->in_file,
            $result->skipped,
        );
    }

    /**
     * @param array<mixed> $data
     * @return array<mixed>
     */
    private static function without_secrets(array $data): array
    {
        foreach ($data as $key => $value) {
            if (self::is_secret($key, $value)) {
                unset($data[$key]);
            } elseif (is_array($value)) {
                $data[$key] = self::without_secrets($value);
            } elseif ($value instanceof \stdClass) {
                $data[$key] = (object) self::without_secrets((array) $value);
            }
        }
        return $data;
    }

    /**
     * A key named like a secret holding text or a structure. Numbers are never secrets, so a
     * breaker such as max_tokens_per_hour still travels.
     *
     * @param int|string $key
     */
    public static function is_secret($key, mixed $value): bool
    {
        return is_string($key) && preg_match(self::SECRET_KEY, $key) === 1 && !is_int($value) && !is_float($value) && !is_bool($value) && $value !== null;
    }
}
