<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Config;

use SophMate\SafeMode\Domain\Exception\SafeModeException;
use SophMate\SafeMode\Domain\Identifier;
use SophMate\SafeMode\Domain\Providers\Provider;
use SophMate\SafeMode\Domain\Text;

/**
 * Reads one incoming configuration document against the site's configuration (see ConfigDocument
 * for the decisions an import makes). One reader per document: it collects every error and
 * warning as it goes, with the JSON path of each.
 */
final class ConfigDocumentReader
{
    private const MODE_RANK = ['draft' => 0, 'read_only' => 1, 'live' => 2];
    // The notification settings' own limit per list (php/Notifications/NotificationSettings.php).
    private const MAX_TARGETS = 20;
    private const CATEGORY_KEYS = ['slug', 'builtin', 'label', 'description', 'owner', 'backup_owner', 'policy', 'review_every_days', 'providers', 'notify', 'breakers'];
    private const AUTOMATION_KEYS = ['id', 'origin', 'label', 'kind', 'category', 'owner', 'mode', 'cron_hooks', 'rest_routes', 'providers', 'checklist', 'retry', 'breakers', 'freshness', 'customer_facing'];
    private const PROVIDER_KEYS = ['slug', 'label', 'hosts', 'status_url'];
    // Provider state a polling or hand-set status produces: never configuration, ignored quietly.
    private const PROVIDER_RUNTIME = ['status', 'checked_at', 'status_source', 'status_description', 'last_polled_at', 'last_error', 'used_by'];

    /** @var list<array{path:string,code:string,message:string}> */
    private array $errors = [];
    /** @var list<string> */
    private array $warnings = [];
    /** @var array<string,list<string>> ids each section of the file names */
    private array $in_file = ['category' => [], 'automation' => [], 'provider' => [], 'settings' => [], 'notifications' => []];
    /** @var list<array{type:string,id:string,change:string,fields:list<array{path:string,from:mixed,to:mixed}>}> */
    private array $skipped = [];

    public function __construct(
        private readonly ConfigDocumentState $current,
        private readonly ConfigDocumentUsers $users,
        private readonly \DateTimeImmutable $now,
    ) {
    }

    /** @param mixed $document */
    public function read($document): ConfigDocumentResult
    {
        if (!self::is_object($document)) {
            $this->error('', 'sophmate_invalid_config', 'The configuration must be a JSON object.');
            return $this->result(null, []);
        }
        $source = [
            'environment' => is_string($document['environment'] ?? null) ? Text::clip(Text::clean($document['environment']), 40) : '',
            'site' => is_string($document['site'] ?? null) ? Text::clip(Text::clean($document['site']), 300) : '',
            'exported_at' => is_string($document['exported_at'] ?? null) ? Text::clip(Text::clean($document['exported_at']), 40) : '',
        ];
        if (($document['format'] ?? null) !== ConfigDocument::FORMAT) {
            $this->error('format', 'sophmate_unknown_config_format', sprintf('format must be "%s" (a file exported by SophMate Safe Mode).', ConfigDocument::FORMAT));
        }
        if (($document['version'] ?? null) !== ConfigDocument::VERSION) {
            $this->error('version', 'sophmate_unsupported_config_version', sprintf('version must be %d; this site cannot read version %s.', ConfigDocument::VERSION, Text::clip(is_scalar($document['version'] ?? null) ? (string) $document['version'] : 'missing', 20)));
        }
        if ($this->errors !== []) {
            return $this->result(null, $source); // An unknown format is not read any further.
        }
        $document = $this->scrub_secrets($document, '');

        $categories = $this->current->categories;
        foreach ($this->section($document, 'categories') as $i => $entry) {
            $category = $this->category("categories[$i]", $entry);
            if ($category !== null) {
                $categories[$category->slug] = $category;
            }
        }
        $providers = $this->current->providers;
        foreach ($this->section($document, 'providers') as $i => $entry) {
            $provider = $this->provider("providers[$i]", $entry);
            if ($provider !== null) {
                $providers[$provider->slug] = $provider;
            }
        }
        $automations = $this->current->automations;
        $known_categories = array_unique(array_merge(array_keys($categories), $this->in_file['category'], BuiltinCategories::slugs()));
        foreach ($this->section($document, 'automations') as $i => $entry) {
            $automation = $this->automation("automations[$i]", $entry, $known_categories);
            if ($automation !== null) {
                $automations[$automation->id] = $automation;
            }
        }
        $settings = $this->settings($document);
        $notifications = $this->notifications($document);
        ksort($providers); // One order for both sides of a comparison, whatever order the file had.
        ksort($automations);
        $this->unknown_providers($categories, $automations, array_keys($providers));
        $target = new ConfigDocumentState($categories, $automations, $this->current->code_automations, $providers, $settings, $notifications);
        return $this->result($this->errors === [] ? $target : null, $source);
    }

    /**
     * A provider named by an imported category or automation that neither this site nor the file
     * defines is allowed (the routes allow it too) but worth a warning: its outages will go unseen.
     *
     * @param array<string,Category> $categories
     * @param array<string,AutomationDefinition> $automations
     * @param list<string> $known
     */
    private function unknown_providers(array $categories, array $automations, array $known): void
    {
        $named = [];
        foreach ($this->in_file['category'] as $slug) {
            foreach (isset($categories[$slug]) ? $categories[$slug]->providers : [] as $provider) {
                $named[$provider][] = 'category ' . $slug;
            }
        }
        foreach ($this->in_file['automation'] as $id) {
            foreach (isset($automations[$id]) ? $automations[$id]->providers : [] as $provider) {
                $named[$provider][] = 'automation ' . $id;
            }
        }
        foreach ($named as $provider => $users) {
            if (!in_array((string) $provider, $known, true)) {
                $this->warnings[] = sprintf('Provider "%s" (named by %s) is defined neither on this site nor in the file; add it so its status is known.', $provider, implode(', ', array_unique($users)));
            }
        }
    }

    /**
     * @param array<string,mixed> $document
     * @return array<int,mixed>
     */
    private function section(array $document, string $key): array
    {
        if (!array_key_exists($key, $document)) {
            return []; // A file may carry only some sections; the others are left as they are.
        }
        if (!is_array($document[$key]) || !array_is_list($document[$key])) {
            $this->error($key, 'sophmate_invalid_config', sprintf('%s must be a list.', $key));
            return [];
        }
        return $document[$key];
    }

    /** @param mixed $entry */
    private function category(string $path, $entry): ?Category
    {
        $before = count($this->errors);
        if (!self::is_object($entry)) {
            $this->error($path, 'sophmate_invalid_category', 'Each category must be an object.');
            return null;
        }
        $slug = $entry['slug'] ?? null;
        if (!is_string($slug) || !Identifier::is_valid($slug)) {
            $this->error("$path.slug", 'sophmate_invalid_category', 'slug must be 1-64 lowercase letters, digits, "-" or "_".');
            return null;
        }
        if (in_array($slug, $this->in_file['category'], true)) {
            $this->error("$path.slug", 'sophmate_duplicate_category', sprintf('Category "%s" appears twice in the file.', $slug));
            return null;
        }
        $this->in_file['category'][] = $slug;
        $this->unknown_keys($path, $entry, self::CATEGORY_KEYS);
        $base = $this->current->categories[$slug] ?? null;
        $input = array_intersect_key($entry, array_flip(['label', 'description', 'review_every_days', 'providers', 'notify', 'breakers']));
        foreach (['owner' => 'owner_id', 'backup_owner' => 'backup_owner_id'] as $key => $field) {
            if (array_key_exists($key, $entry)) {
                $input[$field] = $this->owner("$path.$key", $entry[$key]);
            }
        }
        if (array_key_exists('policy', $entry)) {
            if (!self::is_object($entry['policy'])) {
                $this->error("$path.policy", 'sophmate_invalid_policy', 'policy must be an object with running, queued, scheduled, retrying, cleanup_notes, restart_owner.');
            } else {
                $policy = $entry['policy'];
                if (array_key_exists('restart_owner_id', $policy)) {
                    // User ids differ between sites: only { login, email } names a person portably.
                    unset($policy['restart_owner_id']);
                    $this->warnings[] = sprintf('%s.policy.restart_owner_id is a user id of another site; ignored (use restart_owner { login, email }).', $path);
                }
                if (array_key_exists('restart_owner', $policy)) {
                    $policy['restart_owner_id'] = $this->owner("$path.policy.restart_owner", $policy['restart_owner']);
                    unset($policy['restart_owner']);
                }
                $input['policy'] = $policy;
            }
        }
        if ($base !== null && is_array($input['breakers'] ?? null)) {
            // The file has no secrets, so the site's own stay as they are.
            foreach ($base->breakers as $key => $value) {
                if (ConfigDocument::is_secret($key, $value) && !array_key_exists($key, $input['breakers'])) {
                    $input['breakers'][$key] = $value;
                }
            }
        }
        if ($base === null && !is_string($entry['label'] ?? null)) {
            $this->error("$path.label", 'sophmate_invalid_label', sprintf('Category "%s" does not exist on this site: it needs a label.', $slug));
        }
        $probe = $base ?? new Category($slug, $slug, '', false, null, null, new PausePolicy());
        $exists = fn (int $id): bool => $this->users->exists($id);
        foreach ($input as $field => $value) {
            if (in_array($field, ['owner_id', 'backup_owner_id'], true)) {
                continue; // Resolved (or reported) above.
            }
            $parts = $field === 'policy' ? array_map(static fn ($k, $v) => [$k, ['policy' => [$k => $v]]], array_keys($value), $value) : [[null, [$field => $value]]];
            foreach ($parts as [$key, $one]) {
                if ($key === 'restart_owner_id') {
                    continue;
                }
                $this->attempt($key === null ? "$path.$field" : "$path.policy.$key", static fn () => CategoryChanges::apply($probe, $one, $exists));
            }
        }
        if (count($this->errors) > $before) {
            return null;
        }
        return $this->attempt($path, static fn () => $base === null ? CategoryChanges::create($slug, $input, $exists) : CategoryChanges::apply($base, $input, $exists)[0]) ?: null;
    }

    /**
     * @param mixed $entry
     * @param list<string> $known_categories
     */
    private function automation(string $path, $entry, array $known_categories): ?AutomationDefinition
    {
        $before = count($this->errors);
        if (!self::is_object($entry)) {
            $this->error($path, 'sophmate_invalid_automation', 'Each automation must be an object.');
            return null;
        }
        $id = $entry['id'] ?? null;
        if (!is_string($id) || !Identifier::is_valid($id)) {
            $this->error("$path.id", 'sophmate_invalid_automation', 'id must be 1-64 lowercase letters, digits, "-" or "_".');
            return null;
        }
        if (in_array($id, $this->in_file['automation'], true)) {
            $this->error("$path.id", 'sophmate_duplicate_automation', sprintf('Automation "%s" appears twice in the file.', $id));
            return null;
        }
        $this->in_file['automation'][] = $id;
        $origin = $entry['origin'] ?? 'admin';
        if ($origin !== 'admin' && $origin !== 'code') {
            $this->error("$path.origin", 'sophmate_invalid_automation', 'origin must be "admin" (created in the admin) or "code" (registered by a plugin).');
            return null;
        }
        if ($origin === 'code') {
            $this->code_override($path, $id, $entry);
            return null;
        }
        if (isset($this->current->code_automations[$id])) {
            $this->error("$path.id", 'sophmate_automation_from_code', sprintf('"%s" is registered by code on this site; the file may only carry its mode and checklist (origin "code").', $id));
            return null;
        }
        $this->unknown_keys($path, $entry, self::AUTOMATION_KEYS);
        $args = array_intersect_key($entry, array_flip(['label', 'kind', 'category', 'mode', 'cron_hooks', 'rest_routes', 'providers', 'checklist', 'retry', 'breakers', 'freshness', 'customer_facing']));
        foreach (['kind', 'category'] as $required) {
            if (!array_key_exists($required, $args)) {
                $this->error("$path.$required", 'sophmate_invalid_' . $required, sprintf('%s is required.', $required));
            }
        }
        $owner_id = array_key_exists('owner', $entry) ? $this->owner("$path.owner", $entry['owner']) : null;
        $this->automation_fields($path, $id, $args);
        if (is_string($args['category'] ?? null) && Identifier::is_valid($args['category']) && !in_array($args['category'], $known_categories, true)) {
            $this->error("$path.category", 'sophmate_unknown_category', sprintf('Category "%s" exists neither on this site nor in the file.', $args['category']));
        }
        if (count($this->errors) > $before) {
            return null;
        }
        $args['mode'] = $this->capped_mode("$path.mode", $id, (string) ($args['mode'] ?? 'draft'));
        return $this->attempt($path, static fn () => AutomationDefinition::from_args($id, $args, $owner_id, 'admin')) ?: null;
    }

    /**
     * Runs each field of an automation through AutomationDefinition::from_args on its own (with
     * harmless values for the rest), so every bad field is reported with its path.
     *
     * @param array<string,mixed> $args
     */
    private function automation_fields(string $path, string $id, array $args): void
    {
        $minimal = ['label' => $id, 'kind' => 'workflow', 'category' => 'system', 'mode' => 'draft'];
        foreach ($args as $field => $value) {
            if (in_array($field, ['label', 'kind', 'category', 'mode'], true) && !is_string($value)) {
                $this->error("$path.$field", 'sophmate_invalid_' . $field, sprintf('%s must be text.', $field));
                continue;
            }
            if ($field === 'checklist' && self::is_object($value)) {
                foreach ($value as $item => $text) {
                    if (!is_string($text)) {
                        $this->error("$path.checklist.$item", 'sophmate_invalid_checklist', sprintf('checklist.%s must be text.', Text::clip((string) $item, 40)));
                        continue;
                    }
                    $this->attempt("$path.checklist.$item", static fn () => AutomationDefinition::from_args($id, $minimal + ['checklist' => [$item => $text]], null, 'admin'));
                }
                continue;
            }
            if ($field === 'checklist') {
                $this->error("$path.checklist", 'sophmate_invalid_checklist', 'checklist must be an object.');
                continue;
            }
            $this->attempt("$path.$field", static fn () => AutomationDefinition::from_args($id, [$field => $value] + $minimal, null, 'admin'));
        }
    }

    /** @param array<string,mixed> $entry */
    private function code_override(string $path, string $id, array $entry): void
    {
        $this->unknown_keys($path, $entry, ['id', 'origin', 'mode', 'checklist']);
        $args = array_intersect_key($entry, array_flip(['mode', 'checklist']));
        $this->automation_fields($path, $id, $args);
        $local = $this->current->code_automations[$id] ?? null;
        if ($local === null) {
            $this->warnings[] = sprintf('%s: "%s" is registered by code on the source site but not here (is its plugin active?); skipped.', $path, $id);
            return;
        }
        $fields = [];
        if (is_string($args['mode'] ?? null) && $args['mode'] !== $local->mode->value) {
            $fields[] = ['path' => 'mode', 'from' => $local->mode->value, 'to' => $args['mode']];
        }
        if (self::is_object($args['checklist'] ?? null)) {
            foreach (array_unique(array_merge(array_keys($local->checklist), array_keys($args['checklist']))) as $item) {
                $to = $args['checklist'][$item] ?? null;
                $from = $local->checklist[$item] ?? null;
                if (is_scalar($to) && $from !== (string) $to || $to === null && $from !== null) {
                    $fields[] = ['path' => 'checklist.' . $item, 'from' => $from, 'to' => $to];
                }
            }
        }
        if ($fields !== []) {
            $this->skipped[] = ['type' => 'automation', 'id' => $id, 'change' => 'skipped', 'fields' => $fields];
            $this->warnings[] = sprintf('%s: "%s" is registered by code; its mode and checklist differ from the file and are not changed by an import (change them where it is registered, and take it live through the readiness gate).', $path, $id);
        }
    }

    private function capped_mode(string $path, string $id, string $mode): string
    {
        $local = ($this->current->automations[$id] ?? null)?->mode->value ?? 'draft';
        if ((self::MODE_RANK[$mode] ?? 0) > self::MODE_RANK[$local]) {
            $this->warnings[] = sprintf('%s: "%s" is %s in the file and %s here; an import never raises a mode: take it %s through the readiness gate on this site.', $path, $id, $mode, isset($this->current->automations[$id]) ? $local : 'new (draft)', $mode);
            return $local;
        }
        return $mode;
    }

    /** @param mixed $entry */
    private function provider(string $path, $entry): ?Provider
    {
        $before = count($this->errors);
        if (!self::is_object($entry)) {
            $this->error($path, 'sophmate_invalid_provider', 'Each provider must be an object.');
            return null;
        }
        $slug = $entry['slug'] ?? null;
        if (!is_string($slug) || !Identifier::is_valid($slug)) {
            $this->error("$path.slug", 'sophmate_invalid_provider', 'slug must be 1-64 lowercase letters, digits, "-" or "_".');
            return null;
        }
        if (in_array($slug, $this->in_file['provider'], true)) {
            $this->error("$path.slug", 'sophmate_duplicate_provider', sprintf('Provider "%s" appears twice in the file.', $slug));
            return null;
        }
        $this->in_file['provider'][] = $slug;
        $this->unknown_keys($path, $entry, array_merge(self::PROVIDER_KEYS, self::PROVIDER_RUNTIME));
        $input = array_intersect_key($entry, array_flip(['label', 'hosts', 'status_url']));
        foreach ($input as $field => $value) {
            if ($field !== 'hosts' && $value !== null && !is_string($value)) {
                $this->error("$path.$field", 'sophmate_invalid_' . $field, sprintf('%s must be text.', $field));
                continue;
            }
            $this->attempt("$path.$field", fn () => Provider::from_input($slug, [$field => $value], null, $this->now));
        }
        if (count($this->errors) > $before) {
            return null;
        }
        // Status and poll results stay this site's own: only configuration is imported.
        return $this->attempt($path, fn () => Provider::from_input($slug, $input, $this->current->providers[$slug] ?? null, $this->now)) ?: null;
    }

    /**
     * @param array<string,mixed> $document
     * @return array<string,int>
     */
    private function settings(array $document): array
    {
        $settings = $this->current->settings;
        if (!array_key_exists('settings', $document)) {
            return $settings;
        }
        if (!self::is_object($document['settings'])) {
            $this->error('settings', 'sophmate_invalid_setting', 'settings must be an object.');
            return $settings;
        }
        $this->in_file['settings'][] = 'settings';
        foreach ($document['settings'] as $key => $value) {
            if (!array_key_exists($key, $this->current->settings)) {
                $this->warnings[] = sprintf('settings.%s is not a setting of this site; ignored.', Text::clip((string) $key, 60));
            } elseif (!is_int($value) || $value < 1 || $value > 100000) {
                $this->error("settings.$key", 'sophmate_invalid_setting', sprintf('settings.%s must be a whole number from 1 to 100000.', $key));
            } else {
                $settings[$key] = $value;
            }
        }
        return $settings;
    }

    /**
     * Site-wide notification targets. The signing secret never travels (it was scrubbed already).
     *
     * @param array<string,mixed> $document
     * @return array{emails:list<string>,webhooks:list<string>}
     */
    private function notifications(array $document): array
    {
        $targets = $this->current->notifications;
        if (!array_key_exists('notifications', $document)) {
            return $targets;
        }
        if (!self::is_object($document['notifications'])) {
            $this->error('notifications', 'sophmate_invalid_notify', 'notifications must be an object with emails and webhooks lists.');
            return $targets;
        }
        $this->in_file['notifications'][] = 'notifications';
        $this->unknown_keys('notifications', $document['notifications'], ['emails', 'webhooks']);
        foreach (['emails', 'webhooks'] as $key) {
            if (!array_key_exists($key, $document['notifications'])) {
                continue;
            }
            $list = $document['notifications'][$key];
            if (!is_array($list) || !array_is_list($list)) {
                $this->error("notifications.$key", 'sophmate_invalid_notify', sprintf('notifications.%s must be a list.', $key));
                continue;
            }
            if (count($list) > self::MAX_TARGETS) {
                $this->error("notifications.$key", 'sophmate_invalid_notify', sprintf('notifications.%s holds %d entries; at most %d.', $key, count($list), self::MAX_TARGETS));
                continue;
            }
            // Normalized the way the notification settings store them (trimmed; emails unique
            // whatever their case), so what is written reads back exactly as validated.
            $valid = [];
            foreach ($list as $i => $value) {
                $path = "notifications.{$key}[$i]";
                if (!is_string($value)) {
                    $this->error($path, 'sophmate_invalid_notify', sprintf('notifications.%s must hold text.', $key));
                } elseif ($key === 'emails') {
                    $email = trim($value);
                    if (filter_var($email, FILTER_VALIDATE_EMAIL) === false) {
                        $this->error($path, 'sophmate_invalid_notify', sprintf('"%s" is not an email address.', Text::clip($value, 80)));
                    } else {
                        $valid[strtolower($email)] = $email;
                    }
                } else {
                    $url = $this->attempt($path, static fn () => Text::url($value, 'notify'));
                    if (is_string($url)) {
                        $valid[$url] = $url;
                    } elseif ($url === null) {
                        $this->error($path, 'sophmate_invalid_notify', 'A webhook must be an http(s) URL.');
                    }
                }
            }
            $targets[$key] = array_values($valid);
        }
        return $targets;
    }

    /**
     * @param mixed $value null, a login or email, or { login, email }
     * @return int|null null also when the owner is unknown (the error is recorded)
     */
    private function owner(string $path, $value): ?int
    {
        if ($value === null) {
            return null;
        }
        if (is_string($value) && $value !== '') {
            [$login, $email] = [$value, $value];
        } elseif (self::is_object($value) && (is_string($value['login'] ?? null) || is_string($value['email'] ?? null))) {
            [$login, $email] = [(string) ($value['login'] ?? ''), (string) ($value['email'] ?? '')];
        } else {
            $this->error($path, 'sophmate_invalid_owner', 'An owner must be null or { login, email }.');
            return null;
        }
        $id = $this->users->find($login, $email);
        if ($id === null) {
            $this->error($path, 'sophmate_unknown_owner', sprintf('No user of this site has the login "%s" or the email "%s": create the user or change the owner in the file.', Text::clip($login, 60), Text::clip($email, 100)));
        }
        return $id;
    }

    /**
     * Runs one validator; a refusal becomes an error at $path. Returns the validator's result, or
     * false when it refused.
     *
     * @template T
     * @param callable():T $validate
     * @return T|false
     */
    private function attempt(string $path, callable $validate)
    {
        try {
            return $validate();
        } catch (SafeModeException $e) {
            $this->error(self::field_path($path, $e->data()['field'] ?? null), $e->error_code(), $e->getMessage());
        } catch (\TypeError | \ValueError $e) {
            $this->error($path, 'sophmate_invalid_config', sprintf('%s has the wrong type.', $path));
        }
        return false;
    }

    /**
     * The JSON path of a refusal that names a field inside the one validated: a breaker refused at
     * `breakers.failures.min_runs` while reading `automations[0].breakers` is reported at
     * `automations[0].breakers.failures.min_runs`.
     *
     * @param mixed $field the refusal's own field, when it gives one
     */
    private static function field_path(string $path, $field): string
    {
        if (!is_string($field) || $field === '') {
            return $path;
        }
        $dot = strrpos($path, '.');
        $last = $dot === false ? $path : substr($path, $dot + 1);
        $head = (string) preg_split('/[.\[]/', $field)[0];
        if ($head !== $last || $field === $last) {
            return $path;
        }
        return ($dot === false ? '' : substr($path, 0, $dot + 1)) . $field;
    }

    /**
     * @param array<string,mixed> $entry
     * @param list<string> $known
     */
    private function unknown_keys(string $path, array $entry, array $known): void
    {
        foreach (array_diff(array_keys($entry), $known) as $key) {
            $this->warnings[] = sprintf('%s.%s is not a known field; ignored.', $path, Text::clip((string) $key, 60));
        }
    }

    /**
     * @param array<mixed> $data
     * @return array<mixed>
     */
    private function scrub_secrets(array $data, string $path): array
    {
        foreach ($data as $key => $value) {
            $here = $path === '' ? (string) $key : (is_int($key) ? "{$path}[$key]" : "$path.$key");
            if (ConfigDocument::is_secret($key, $value)) {
                unset($data[$key]);
                $this->warnings[] = sprintf('%s looks like a secret; secrets are never imported, set it on this site.', $here);
            } elseif (is_array($value)) {
                $data[$key] = $this->scrub_secrets($value, $here);
            }
        }
        return $data;
    }

    private function error(string $path, string $code, string $message): void
    {
        $this->errors[] = ['path' => $path, 'code' => $code, 'message' => $message];
    }

    /** @param array{environment:string,site:string,exported_at:string}|array{} $source */
    private function result(?ConfigDocumentState $target, array $source): ConfigDocumentResult
    {
        return new ConfigDocumentResult(
            $this->errors,
            $this->warnings,
            $target,
            $source + ['environment' => '', 'site' => '', 'exported_at' => ''],
            $this->in_file,
            $this->skipped,
        );
    }

    /** A JSON object as decoded to a PHP array: an array that is not a non-empty list. */
    private static function is_object(mixed $value): bool
    {
        return is_array($value) && ($value === [] || !array_is_list($value));
    }
}
