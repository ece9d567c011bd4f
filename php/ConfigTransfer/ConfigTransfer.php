<?php

declare(strict_types=1);

namespace SophMate\SafeMode\ConfigTransfer;

use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Audit\AuditEntry;
use SophMate\SafeMode\Domain\Config\ConfigDocument;
use SophMate\SafeMode\Domain\Config\ConfigDocumentDiff;
use SophMate\SafeMode\Domain\Config\ConfigDocumentResult;
use SophMate\SafeMode\Domain\Config\ConfigDocumentState;
use SophMate\SafeMode\Domain\Exception\Conflict;
use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Exception\StorageUnavailable;
use SophMate\SafeMode\Notifications\NotificationSettings;
use SophMate\SafeMode\Notifications\WebhookUrlGuard;
use SophMate\SafeMode\Services;
use SophMate\SafeMode\Storage\OptionAutomationRepository;
use SophMate\SafeMode\Storage\OptionCategoryRepository;
use SophMate\SafeMode\Storage\OptionProviderRepository;
use SophMate\SafeMode\Storage\Settings;

/**
 * Export and import of the site's configuration, shared by REST and WP-CLI. An import validates the
 * whole file first, then writes all of it or none of it: the options it touches are snapshotted,
 * and any failed or unverifiable write puts every one of them back.
 */
final class ConfigTransfer
{
    public const OPTIONS = [OptionProviderRepository::OPTION, OptionCategoryRepository::OPTION, OptionAutomationRepository::OPTION, Settings::OPTION, NotificationSettings::OPTION];

    private readonly SiteUsers $users;
    private readonly WebhookUrlGuard $guard;
    private readonly NotificationSettings $notifications;

    public function __construct(private readonly Services $services, private readonly \wpdb $db)
    {
        $this->users = new SiteUsers();
        $this->guard = new WebhookUrlGuard();
        $this->notifications = new NotificationSettings($this->guard);
    }

    /** @return array<string,mixed> the document; audited as config_export */
    public function export(Actor $actor, string $source): array
    {
        $document = ConfigDocument::export($this->current(), $this->users, wp_get_environment_type(), home_url(), $this->services->clock->now());
        $this->services->audit->append(new AuditEntry('config_export', 'config', '', '', '', $actor, $source, $this->services->clock->now(), [
            'counts' => ['categories' => count($document['categories']), 'automations' => count($document['automations']), 'providers' => count($document['providers'])],
        ]));
        return $document;
    }

    /**
     * Validates $document and, unless $dry_run, applies it. An invalid document throws InvalidInput
     * sophmate_invalid_config with data.errors [{path, code, message}] and changes nothing.
     *
     * $checked_hash, when given, is the changes_hash of the dry run the operator read: if the
     * changes differ now (someone edited the site in between), nothing is applied (409).
     *
     * @param mixed $document decoded JSON
     * @param mixed $checked_hash
     * @return array{applied:bool,dry_run:bool,changes:list<array<string,mixed>>,changes_hash:string,summary:array<string,int>,warnings:list<string>,source:array<string,string>}
     */
    public function import($document, bool $dry_run, Actor $actor, string $source, $checked_hash = null): array
    {
        if ($checked_hash !== null && (!is_string($checked_hash) || preg_match('/^[0-9a-f]{64}$/', $checked_hash) !== 1)) {
            throw new InvalidInput('sophmate_invalid_changes_hash', 'changes_hash must be the changes_hash of a dry run: 64 hexadecimal characters.');
        }
        $current = $this->current();
        $result = $this->with_site_rules(ConfigDocument::parse($document, $current, $this->users, $this->services->clock->now()), $document);
        if (!$result->is_valid() || $result->target === null) {
            throw new InvalidInput(
                'sophmate_invalid_config',
                sprintf(_n('The configuration has %d error; nothing was changed.', 'The configuration has %d errors; nothing was changed.', count($result->errors), 'sophmate-safe-mode'), count($result->errors)),
                ['errors' => $result->errors, 'warnings' => $result->warnings]
            );
        }
        $changes = ConfigDocument::diff($result, $current, $this->users);
        $summary = ConfigDocumentDiff::summary($changes);
        $hash = hash('sha256', (string) wp_json_encode($changes));
        $report = ['applied' => false, 'dry_run' => $dry_run, 'changes' => $changes, 'changes_hash' => $hash, 'summary' => $summary, 'warnings' => $result->warnings, 'source' => $result->source];
        if (!$dry_run && $checked_hash !== null && !hash_equals($hash, $checked_hash)) {
            throw new Conflict('sophmate_config_changed_since_check', __('The site or the file changed since the check: nothing was applied. Check again and read the new changes.', 'sophmate-safe-mode'));
        }
        $writes = array_values(array_filter($changes, static fn (array $c): bool => in_array($c['change'], ['added', 'changed'], true)));
        if ($dry_run || $writes === []) {
            return $report;
        }
        $this->apply($current, $result->target, $writes);
        $this->audit($result, $changes, $summary, $actor, $source);
        $report['applied'] = true;
        do_action('sophmate_safe_mode_config_imported', [
            'changes' => $changes,
            'summary' => $summary,
            'source' => $result->source,
            'actor' => $actor->to_array(),
        ]);
        return $report;
    }

    /** The configuration as stored now (fresh from the options, not from per-request caches). */
    public function current(): ConfigDocumentState
    {
        $this->forget();
        $code = array_filter($this->services->catalog->automations(), static fn ($a): bool => $a->origin === 'code');
        ksort($code);
        $admin = $this->services->stored_automations->all();
        ksort($admin);
        $providers = $this->services->providers->all();
        ksort($providers);
        $targets = $this->notifications->public_view();
        return new ConfigDocumentState(
            $this->services->categories->all(),
            $admin,
            $code,
            $providers,
            $this->services->settings->all(),
            ['emails' => $targets['emails'], 'webhooks' => $targets['webhooks']],
        );
    }

    /**
    /**
     * Rules that need WordPress and so live outside the pure document: site-wide webhooks must pass
     * the same URL guard as the notification settings screen (no private hosts, …).
     *
     * @param mixed $document
     */
    private function with_site_rules(ConfigDocumentResult $result, $document): ConfigDocumentResult
    {
        $lists = [];
        $webhooks = is_array($document) ? ($document['notifications']['webhooks'] ?? null) : null;
        if (is_array($webhooks)) {
            $lists['notifications.webhooks'] = [$webhooks, $this->notifications->public_view()['webhooks']];
        }
        // A category's own targets pass the same guard as PATCH /categories/{slug} applies.
        $categories = is_array($document) && is_array($document['categories'] ?? null) ? $document['categories'] : [];
        foreach ($categories as $c => $category) {
            $urls = is_array($category) ? ($category['notify']['webhooks'] ?? null) : null;
            if (is_array($urls)) {
                $slug = is_string($category['slug'] ?? null) ? $category['slug'] : '';
                $known = $this->category_webhooks($slug);
                $lists["categories[$c].notify.webhooks"] = [$urls, $known];
            }
        }
        $reported = array_column($result->errors, 'path');
        $errors = [];
        foreach ($lists as $prefix => [$urls, $known]) {
            foreach ($urls as $i => $url) {
                $path = "{$prefix}[$i]";
                if (!is_string($url) || in_array($url, $known, true) || in_array($path, $reported, true)) {
                    continue; // Not a URL (already reported), or already accepted on this site.
                }
                $refusal = $this->guard->refusal($url);
                if ($refusal !== null) {
                    $errors[] = ['path' => $path, 'code' => 'sophmate_invalid_webhook_url', 'message' => sprintf('"%s" %s.', $url, $refusal)];
                }
            }
        }
        if ($errors === []) {
            return $result;
        }
        return new ConfigDocumentResult(array_merge($result->errors, $errors), $result->warnings, null, $result->source, $result->in_file, $result->skipped);
    }

    /** @return list<string> the webhooks a category already has on this site (none if it is new) */
    private function category_webhooks(string $slug): array
    {
        try {
            return $slug === '' ? [] : $this->services->catalog->category($slug)->notify['webhooks'];
        } catch (\SophMate\SafeMode\Domain\Exception\NotFound) {
            return [];
        }
    }

    /** @param list<array{type:string,id:string}> $writes */
    private function apply(ConfigDocumentState $current, ConfigDocumentState $target, array $writes): void
    {
        $snapshot = OptionSnapshot::take($this->db, self::OPTIONS);
        try {
            foreach ($writes as $write) {
                match ($write['type']) {
                    'provider' => $this->services->providers->save($target->providers[$write['id']]),
                    'category' => $this->services->categories->save($target->categories[$write['id']]),
                    'automation' => $this->services->stored_automations->save($target->automations[$write['id']]),
                    'settings' => $this->services->settings->update($target->settings),
                    // update() keeps the signing secret: only the targets travel.
                    'notifications' => $this->notifications->update($target->notifications),
                    default => null,
                };
            }
            // update_option() reports "unchanged" and "failed" alike, and a filter may swap the value:
            // only what reads back proves the write.
            $stored = $this->current();
            if (ConfigDocument::sections($stored, $this->users) != ConfigDocument::sections($target, $this->users)) {
                throw new StorageUnavailable('sophmate_config_write_failed', __('The configuration could not be stored as imported; every change was rolled back.', 'sophmate-safe-mode'));
            }
        } catch (\Throwable $e) {
            $snapshot->restore();
            $this->forget();
            if ($e instanceof StorageUnavailable) {
                throw $e;
            }
            error_log('SophMate Safe Mode: config import rolled back: ' . get_class($e) . ': ' . $e->getMessage()); // phpcs:ignore
            throw new StorageUnavailable('sophmate_config_write_failed', __('Writing the configuration failed; every change was rolled back.', 'sophmate-safe-mode'));
        }
        $this->refresh_catalog($target, $writes);
        foreach ($writes as $write) {
            if ($write['type'] === 'provider') {
                // A provider's configuration changed: the same signal PUT /providers sends (reviews, notifications).
                $before = $current->providers[$write['id']] ?? null;
                do_action('sophmate_safe_mode_provider_changed', $write['id'], 'config', $before?->to_array() ?? [], $target->providers[$write['id']]->to_array());
            }
        }
    }

    /** @param list<array{type:string,id:string}> $writes */
    private function refresh_catalog(ConfigDocumentState $target, array $writes): void
    {
        foreach ($writes as $write) {
            if ($write['type'] !== 'automation') {
                continue;
            }
            $this->services->catalog->remove_automation($write['id']);
            try {
                $this->services->catalog->add_automation($target->automations[$write['id']]);
            } catch (\SophMate\SafeMode\Domain\Exception\SafeModeException) {
                continue; // Stored; the next request's catalog picks it up as it does at boot.
            }
        }
    }

    /**
     * @param list<array<string,mixed>> $changes
     * @param array<string,int> $summary
     */
    private function audit(ConfigDocumentResult $result, array $changes, array $summary, Actor $actor, string $source): void
    {
        $changed = [];
        foreach ($changes as $change) {
            if (in_array($change['change'], ['added', 'changed', 'skipped'], true)) {
                $changed[] = ['type' => $change['type'], 'id' => $change['id'], 'change' => $change['change'], 'fields' => array_column($change['fields'], 'path')];
            }
        }
        $from = trim($result->source['environment'] . ' ' . $result->source['site']);
        $this->services->audit->append(new AuditEntry(
            'config_import',
            'config',
            '',
            '',
            sprintf('%d added, %d changed%s', $summary['added'], $summary['changed'], $from !== '' ? ' from ' . $from : ''),
            $actor,
            $source,
            $this->services->clock->now(),
            ['file' => $result->source, 'summary' => $summary, 'changes' => $changed, 'environment' => wp_get_environment_type()]
        ));
    }

    private function forget(): void
    {
        foreach (self::OPTIONS as $option) {
            wp_cache_delete($option, 'options');
        }
        OptionSnapshot::forget_option_caches();
        $this->services->categories->forget();
        $this->services->providers->forget();
        $this->services->catalog->forget_categories();
    }
}
