<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit;

use PHPUnit\Framework\TestCase;
use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Config\BuiltinCategories;
use SophMate\SafeMode\Domain\Config\Category;
use SophMate\SafeMode\Domain\Config\ConfigDocument;
use SophMate\SafeMode\Domain\Config\ConfigDocumentDiff;
use SophMate\SafeMode\Domain\Config\ConfigDocumentState;
use SophMate\SafeMode\Domain\Config\ConfigDocumentUsers;
use SophMate\SafeMode\Domain\Config\PausePolicy;
use SophMate\SafeMode\Domain\Providers\Provider;

final class ConfigDocumentTest extends TestCase
{
    private const NOW = '2026-11-26T02:00:00Z';

    private static function users(): ConfigDocumentUsers
    {
        return new class implements ConfigDocumentUsers {
            /** @var array<int,array{login:string,email:string}> */
            private array $users = [1 => ['login' => 'admin', 'email' => 'admin@example.test'], 7 => ['login' => 'ops', 'email' => 'ops@example.test']];

            public function describe(int $id): ?array
            {
                return $this->users[$id] ?? null;
            }

            public function find(string $login, string $email): ?int
            {
                foreach ($this->users as $id => $user) {
                    if ($user['login'] === $login) {
                        return $id;
                    }
                }
                foreach ($this->users as $id => $user) {
                    if ($user['email'] === $email) {
                        return $id;
                    }
                }
                return null;
            }

            public function exists(int $id): bool
            {
                return isset($this->users[$id]);
            }
        };
    }

    private static function state(): ConfigDocumentState
    {
        $categories = BuiltinCategories::all(1);
        $categories['commerce'] = new Category('commerce', 'Commerce', 'Orders', true, 1, 7, new PausePolicy('stop_at_checkpoint', 'hold', 'hold', 'hold', 'Check orders', 7), 14, ['stripe'], ['emails' => ['ops@example.test'], 'webhooks' => ['https://hooks.example.test/x']], ['max_failures' => 3]);
        $categories['payouts'] = new Category('payouts', 'Payouts', '', false, 7, null, new PausePolicy(), 30, [], ['emails' => [], 'webhooks' => []], []);
        $admin = AutomationDefinition::from_args('nightly-sync', ['label' => 'Nightly sync', 'kind' => 'workflow', 'category' => 'payouts', 'mode' => 'read_only', 'cron_hooks' => ['sync_hook'], 'checklist' => ['trigger' => 'cron at 2am']], 7, 'admin');
        $code = AutomationDefinition::from_args('alt-text', ['label' => 'Alt text', 'kind' => 'agent', 'category' => 'image', 'mode' => 'draft', 'checklist' => ['trigger' => 'upload']], 1, 'code');
        $stripe = Provider::from_input('stripe', ['label' => 'Stripe', 'hosts' => ['api.stripe.com'], 'status' => 'degraded', 'status_url' => 'https://status.stripe.test/api/v2/status.json'], null, new \DateTimeImmutable(self::NOW));
        return new ConfigDocumentState($categories, ['nightly-sync' => $admin], ['alt-text' => $code], ['stripe' => $stripe], ['retention_days' => 90, 'read_only_runs_before_live' => 3]);
    }

    /** @return array<string,mixed> the exported document as it reads after JSON */
    private static function exported(?ConfigDocumentState $state = null): array
    {
        $doc = ConfigDocument::export($state ?? self::state(), self::users(), 'staging', 'https://staging.example.test', new \DateTimeImmutable(self::NOW));
        return json_decode((string) json_encode($doc), true);
    }

    /** @param array<string,mixed> $doc */
    private static function parse(array $doc, ?ConfigDocumentState $current = null): \SophMate\SafeMode\Domain\Config\ConfigDocumentResult
    {
        return ConfigDocument::parse($doc, $current ?? self::state(), self::users(), new \DateTimeImmutable(self::NOW));
    }

    /** @param list<array{path:string}> $errors */
    private static function paths(array $errors): array
    {
        return array_map(static fn (array $e): string => $e['path'], $errors);
    }

    public function test_export_names_owners_by_login_and_email_and_carries_only_provider_configuration(): void
    {
        $doc = self::exported();
        self::assertSame(['sophmate-safe-mode/config', 1, 'staging', 'https://staging.example.test', '2026-11-26T02:00:00Z'], [$doc['format'], $doc['version'], $doc['environment'], $doc['site'], $doc['exported_at']]);
        $commerce = array_values(array_filter($doc['categories'], static fn ($c) => $c['slug'] === 'commerce'))[0];
        self::assertSame(['login' => 'ops', 'email' => 'ops@example.test'], $commerce['backup_owner']);
        self::assertSame(['login' => 'ops', 'email' => 'ops@example.test'], $commerce['policy']['restart_owner']);
        self::assertArrayNotHasKey('owner_id', $commerce);
        self::assertSame([['slug' => 'stripe', 'label' => 'Stripe', 'hosts' => ['api.stripe.com'], 'status_url' => 'https://status.stripe.test/api/v2/status.json']], $doc['providers']);
        self::assertSame(['id' => 'alt-text', 'origin' => 'code', 'mode' => 'draft', 'checklist' => ['trigger' => 'upload']], $doc['automations'][1]);
        self::assertSame('admin', $doc['automations'][0]['origin']);
        self::assertSame(['login' => 'ops', 'email' => 'ops@example.test'], $doc['automations'][0]['owner']);
    }

    public function test_export_leaves_out_anything_named_like_a_secret_but_keeps_numbers(): void
    {
        $state = self::state();
        $categories = $state->categories;
        $categories['payouts'] = new Category('payouts', 'Payouts', '', false, 7, null, new PausePolicy(), 30, [], ['emails' => [], 'webhooks' => []], ['api_token' => 'abc', 'signing_secret' => 'x', 'max_tokens_per_hour' => 5000]);
        $doc = self::exported(new ConfigDocumentState($categories, $state->automations, $state->code_automations, $state->providers, $state->settings));
        $payouts = array_values(array_filter($doc['categories'], static fn ($c) => $c['slug'] === 'payouts'))[0];
        self::assertSame(['max_tokens_per_hour' => 5000], $payouts['breakers']);
        self::assertStringNotContainsString('abc', (string) json_encode($doc));
    }

    public function test_round_trip_export_then_import_changes_nothing(): void
    {
        $result = self::parse(self::exported());
        self::assertSame([], $result->errors);
        self::assertTrue($result->is_valid());
        $changes = ConfigDocument::diff($result, self::state(), self::users());
        self::assertSame([], array_values(array_filter($changes, static fn ($c) => $c['change'] !== 'unchanged')));
        self::assertSame(['environment' => 'staging', 'site' => 'https://staging.example.test', 'exported_at' => '2026-11-26T02:00:00Z'], $result->source);
    }

    public function test_import_into_an_empty_site_adds_everything_and_keeps_mode_at_draft(): void
    {
        $empty = new ConfigDocumentState(BuiltinCategories::all(), [], [], [], ['retention_days' => 30, 'read_only_runs_before_live' => 3]);
        $result = self::parse(self::exported(), $empty);
        self::assertSame([], $result->errors);
        self::assertSame('draft', $result->target->automations['nightly-sync']->mode->value);
        self::assertStringContainsString('never raises a mode', implode("\n", $result->warnings));
        self::assertStringContainsString('"alt-text" is registered by code on the source site but not here', implode("\n", $result->warnings));
        self::assertStringNotContainsString('Provider "stripe"', implode("\n", $result->warnings), 'stripe comes with the file');

        $doc = self::exported();
        $doc['providers'] = [];
        self::assertStringContainsString('Provider "stripe" (named by category commerce) is defined neither on this site nor in the file', implode("\n", self::parse($doc, $empty)->warnings));
        self::assertSame(7, $result->target->categories['payouts']->owner_id);
        self::assertSame(7, $result->target->categories['commerce']->policy->restart_owner_id);
        self::assertSame('degraded', self::state()->providers['stripe']->status);
        self::assertSame('unknown', $result->target->providers['stripe']->status, 'status is never imported');

        $changes = ConfigDocument::diff($result, $empty, self::users());
        $by = [];
        foreach ($changes as $c) {
            $by[$c['type'] . ':' . $c['id']] = $c;
        }
        self::assertSame('added', $by['category:payouts']['change']);
        self::assertSame('added', $by['automation:nightly-sync']['change']);
        self::assertSame('added', $by['provider:stripe']['change']);
        self::assertSame('changed', $by['category:commerce']['change']);
        self::assertContains(['path' => 'review_every_days', 'from' => 30, 'to' => 14], $by['category:commerce']['fields']);
        self::assertContains(['path' => 'policy.restart_owner', 'from' => null, 'to' => ['login' => 'ops', 'email' => 'ops@example.test']], $by['category:commerce']['fields']);
        self::assertSame(['path' => 'retention_days', 'from' => 30, 'to' => 90], $by['settings:settings']['fields'][0]);
    }

    public function test_items_missing_from_the_file_are_kept_and_reported_as_not_in_file(): void
    {
        $doc = self::exported();
        $doc['categories'] = array_values(array_filter($doc['categories'], static fn ($c) => $c['slug'] !== 'payouts'));
        $doc['automations'] = [];
        unset($doc['settings']);
        $result = self::parse($doc);
        self::assertTrue($result->is_valid());
        self::assertArrayHasKey('payouts', $result->target->categories);
        self::assertArrayHasKey('nightly-sync', $result->target->automations);
        $changes = ConfigDocument::diff($result, self::state(), self::users());
        $not_in_file = array_map(static fn ($c) => $c['type'] . ':' . $c['id'], array_values(array_filter($changes, static fn ($c) => $c['change'] === 'not_in_file')));
        self::assertSame(['category:payouts', 'automation:nightly-sync', 'automation:alt-text', 'settings:settings'], $not_in_file);
    }

    public function test_every_error_is_reported_with_its_path(): void
    {
        $doc = self::exported();
        $doc['categories'][2]['policy']['running'] = 'sprint';
        $doc['categories'][2]['review_every_days'] = 0;
        $doc['categories'][3]['notify']['emails'] = ['not-an-email'];
        $doc['categories'][4]['owner'] = ['login' => 'ghost', 'email' => 'ghost@example.test'];
        $doc['categories'][] = ['slug' => 'Bad Slug'];
        $doc['categories'][] = ['slug' => 'newcat'];
        $doc['automations'][0]['kind'] = 'robot';
        $doc['automations'][0]['cron_hooks'] = ['bad hook!'];
        $doc['automations'][0]['checklist']['colour'] = 'blue';
        $doc['automations'][] = ['id' => 'orphan', 'kind' => 'workflow', 'category' => 'nowhere'];
        $doc['automations'][1] = ['id' => 'alt-text', 'kind' => 'agent', 'category' => 'image'];
        $doc['providers'][0]['hosts'] = ['not a host'];
        $doc['providers'][0]['status_url'] = 'ftp://x';
        $doc['settings']['retention_days'] = -1;
        $doc['notifications']['emails'] = ['ok@example.test', 'nope'];
        $result = self::parse($doc);
        self::assertFalse($result->is_valid());
        self::assertNull($result->target);
        self::assertSame([
            'categories[2].review_every_days',
            'categories[2].policy.running',
            'categories[3].notify',
            'categories[4].owner',
            'categories[8].slug',
            'categories[9].label',
            'providers[0].hosts',
            'providers[0].status_url',
            'automations[0].kind',
            'automations[0].cron_hooks',
            'automations[0].checklist.colour',
            'automations[1].id',
            'automations[2].category',
            'settings.retention_days',
            'notifications.emails[1]',
        ], self::paths($result->errors));
        $codes = array_column($result->errors, 'code', 'path');
        self::assertSame('sophmate_invalid_policy', $codes['categories[2].policy.running']);
        self::assertSame('sophmate_unknown_owner', $codes['categories[4].owner']);
        self::assertSame('sophmate_unknown_category', $codes['automations[2].category']);
        self::assertSame('sophmate_automation_from_code', $codes['automations[1].id']);
    }

    public function test_an_unknown_format_or_version_is_refused_before_anything_else(): void
    {
        $doc = self::exported();
        $doc['format'] = 'something-else';
        $doc['version'] = 2;
        $doc['categories'][0]['policy']['running'] = 'sprint';
        $result = self::parse($doc);
        self::assertSame(['format', 'version'], self::paths($result->errors));
        self::assertSame(['sophmate_unknown_config_format', 'sophmate_unsupported_config_version'], array_column($result->errors, 'code'));
        self::assertSame([['path' => '', 'code' => 'sophmate_invalid_config', 'message' => 'The configuration must be a JSON object.']], self::parse(['a', 'b'])->errors);
    }

    public function test_owners_match_by_login_then_by_email(): void
    {
        $doc = self::exported();
        $doc['categories'][0]['owner'] = ['login' => 'renamed-on-staging', 'email' => 'ops@example.test'];
        $doc['categories'][1]['owner'] = 'ops';
        $doc['categories'][2]['owner'] = null;
        $doc['categories'][3]['owner_id'] = 7;
        $doc['categories'][3]['policy']['restart_owner_id'] = 7;
        $result = self::parse($doc);
        self::assertSame([], $result->errors);
        self::assertStringContainsString('categories[3].owner_id is not a known field; ignored', implode("\n", $result->warnings));
        self::assertStringContainsString('categories[3].policy.restart_owner_id is a user id of another site', implode("\n", $result->warnings));
        self::assertNull($result->target->categories[$doc['categories'][3]['slug']]->policy->restart_owner_id, 'a raw id is never taken');
        self::assertSame(7, $result->target->categories[$doc['categories'][0]['slug']]->owner_id);
        self::assertSame(7, $result->target->categories[$doc['categories'][1]['slug']]->owner_id);
        self::assertNull($result->target->categories[$doc['categories'][2]['slug']]->owner_id);
    }

    public function test_a_code_registered_automation_that_differs_is_reported_as_skipped_not_applied(): void
    {
        $doc = self::exported();
        $doc['automations'][1]['mode'] = 'live';
        $doc['automations'][1]['checklist']['trigger'] = 'every upload';
        $result = self::parse($doc);
        self::assertTrue($result->is_valid());
        self::assertSame('draft', $result->target->code_automations['alt-text']->mode->value);
        $skipped = array_values(array_filter(ConfigDocument::diff($result, self::state(), self::users()), static fn ($c) => $c['change'] === 'skipped'));
        self::assertSame([['type' => 'automation', 'id' => 'alt-text', 'change' => 'skipped', 'fields' => [
            ['path' => 'mode', 'from' => 'draft', 'to' => 'live'],
            ['path' => 'checklist.trigger', 'from' => 'upload', 'to' => 'every upload'],
        ]]], $skipped);
    }

    public function test_a_lower_mode_is_applied_and_secrets_in_an_incoming_file_are_ignored_with_a_warning(): void
    {
        $doc = self::exported();
        $doc['automations'][0]['mode'] = 'draft';
        $doc['categories'][0]['breakers']['webhook_secret'] = 'shh';
        $doc['notifications'] = ['emails' => ['ops@example.test', ' OPS@example.test'], 'webhooks' => [' https://hooks.example.test/a '], 'webhook_secret' => 'a-very-long-secret-value'];
        $result = self::parse($doc);
        self::assertSame([], $result->errors);
        self::assertSame('draft', $result->target->automations['nightly-sync']->mode->value);
        self::assertArrayNotHasKey('webhook_secret', $result->target->categories[$doc['categories'][0]['slug']]->breakers);
        self::assertStringContainsString('categories[0].breakers.webhook_secret looks like a secret', implode("\n", $result->warnings));
        self::assertStringContainsString('notifications.webhook_secret looks like a secret', implode("\n", $result->warnings));
        self::assertSame(['emails' => ['OPS@example.test'], 'webhooks' => ['https://hooks.example.test/a']], $result->target->notifications);
        self::assertSame(['added' => 0, 'changed' => 2, 'unchanged' => 11, 'skipped' => 0, 'not_in_file' => 0], ConfigDocumentDiff::summary(ConfigDocument::diff($result, self::state(), self::users())));
    }

    /** The state with the admin automation carrying its own breakers, freshness and customer_facing. */
    private static function state_with_breakers(): ConfigDocumentState
    {
        $state = self::state();
        $admin = AutomationDefinition::from_args('nightly-sync', [
            'label' => 'Nightly sync', 'kind' => 'workflow', 'category' => 'payouts', 'mode' => 'read_only', 'cron_hooks' => ['sync_hook'], 'checklist' => ['trigger' => 'cron at 2am'],
            'breakers' => ['failures' => ['consecutive' => 3, 'min_runs' => 5], 'spend' => ['enabled' => true, 'budgets' => [['unit' => 'usd', 'per_hour' => 5.5, 'per_day' => 50]]]],
            'freshness' => ['option' => 'nightly_last_sync'],
            'customer_facing' => ['order:updated', 'comment:created'],
        ], 7, 'admin');
        return new ConfigDocumentState($state->categories, ['nightly-sync' => $admin], $state->code_automations, $state->providers, $state->settings);
    }

    public function test_export_carries_an_admin_automations_breakers_freshness_and_customer_facing_and_the_round_trip_keeps_them(): void
    {
        $state = self::state_with_breakers();
        $doc = self::exported($state);
        $nightly = $doc['automations'][0];
        self::assertSame(['enabled' => true, 'consecutive' => 3, 'rate_percent' => 50, 'window_runs' => 20, 'min_runs' => 5], $nightly['breakers']['failures']);
        self::assertEquals([['unit' => 'usd', 'per_hour' => 5.5, 'per_day' => 50]], $nightly['breakers']['spend']['budgets'], 'a whole amount may read back as an integer from JSON');
        self::assertSame(['option' => 'nightly_last_sync'], $nightly['freshness']);
        self::assertSame(['order:updated', 'comment:created'], $nightly['customer_facing']);
        self::assertSame(['id' => 'alt-text', 'origin' => 'code', 'mode' => 'draft', 'checklist' => ['trigger' => 'upload']], $doc['automations'][1], 'a code-registered automation keeps its registration arguments where it is registered');
        $plain = self::exported();
        self::assertNull($plain['automations'][0]['breakers']);
        self::assertNull($plain['automations'][0]['freshness']);
        self::assertSame([], $plain['automations'][0]['customer_facing']);

        $result = self::parse($doc, $state);
        self::assertSame([], $result->errors);
        self::assertSame([], array_values(array_filter(ConfigDocument::diff($result, $state, self::users()), static fn ($c) => $c['change'] !== 'unchanged')));

        $empty = new ConfigDocumentState(BuiltinCategories::all(), [], [], [], ['retention_days' => 30, 'read_only_runs_before_live' => 3]);
        $into_empty = self::parse($doc, $empty);
        self::assertSame([], $into_empty->errors);
        $imported = $into_empty->target->automations['nightly-sync'];
        self::assertSame($state->automations['nightly-sync']->breakers, $imported->breakers);
        self::assertSame(['option' => 'nightly_last_sync'], $imported->freshness);
        self::assertSame(['order:updated', 'comment:created'], $imported->customer_facing);
    }

    public function test_breakers_freshness_and_customer_facing_are_diffed_field_by_field(): void
    {
        $state = self::state_with_breakers();
        $doc = self::exported($state);
        $doc['automations'][0]['breakers']['failures']['rate_percent'] = 30;
        $doc['automations'][0]['breakers']['stale_context'] = ['enabled' => true, 'max_age_minutes' => 90];
        $doc['automations'][0]['freshness'] = ['filter' => 'nightly_freshness'];
        $doc['automations'][0]['customer_facing'] = ['order:updated'];
        $result = self::parse($doc, $state);
        self::assertSame([], $result->errors);
        $item = array_values(array_filter(ConfigDocument::diff($result, $state, self::users()), static fn ($c) => $c['id'] === 'nightly-sync'))[0];
        self::assertSame('changed', $item['change']);
        self::assertEqualsCanonicalizing([
            ['path' => 'breakers.failures.rate_percent', 'from' => 50, 'to' => 30],
            ['path' => 'breakers.stale_context.enabled', 'from' => null, 'to' => true],
            ['path' => 'breakers.stale_context.max_age_minutes', 'from' => null, 'to' => 90],
            ['path' => 'freshness.filter', 'from' => null, 'to' => 'nightly_freshness'],
            ['path' => 'freshness.option', 'from' => 'nightly_last_sync', 'to' => null],
            ['path' => 'customer_facing', 'from' => ['order:updated', 'comment:created'], 'to' => ['order:updated']],
        ], $item['fields']);
        self::assertSame(30, $result->target->automations['nightly-sync']->breakers['failures']['rate_percent']);
    }

    public function test_invalid_breakers_freshness_and_customer_facing_are_reported_with_their_path_and_nothing_is_taken(): void
    {
        $state = self::state_with_breakers();
        $doc = self::exported($state);
        $doc['automations'][0]['breakers']['failures']['min_runs'] = 50;
        $doc['automations'][0]['freshness'] = ['option' => 'bad option!'];
        $doc['automations'][0]['customer_facing'] = ['no-colon'];
        $doc['categories'][0]['breakers'] = ['customer_impact' => ['max_actions' => 0]];
        $doc['categories'][1]['breakers'] = ['spend' => ['enabled' => true, 'budgets' => [['unit' => 'usd', 'per_hour' => -1]]]];
        $result = self::parse($doc, $state);
        self::assertFalse($result->is_valid());
        self::assertNull($result->target, 'nothing is applied when one field is wrong');
        self::assertSame([
            'categories[0].breakers.customer_impact.max_actions',
            'categories[1].breakers.spend.budgets[0].per_hour',
            'automations[0].breakers.failures.min_runs',
            'automations[0].freshness',
            'automations[0].customer_facing',
        ], self::paths($result->errors));
        $codes = array_column($result->errors, 'code', 'path');
        self::assertSame('sophmate_invalid_breakers', $codes['automations[0].breakers.failures.min_runs']);
        self::assertSame('sophmate_invalid_breakers', $codes['categories[0].breakers.customer_impact.max_actions']);
        self::assertSame('sophmate_invalid_freshness', $codes['automations[0].freshness']);
        self::assertSame('sophmate_invalid_customer_facing', $codes['automations[0].customer_facing']);
        self::assertStringContainsString('must not be more than window_runs (20)', array_column($result->errors, 'message', 'path')['automations[0].breakers.failures.min_runs']);
    }
}
