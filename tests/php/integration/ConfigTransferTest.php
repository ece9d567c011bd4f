<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Cli\ConfigCommand;
use SophMate\SafeMode\ConfigTransfer\ConfigTransfer;
use SophMate\SafeMode\Notifications\NotificationSettings;
use SophMate\SafeMode\Plugin;
use SophMate\SafeMode\Storage\Settings;

require_once __DIR__ . '/Support/wp-cli-double.php';

/** Staging to production: GET /config, POST /config/import and wp sophmate config export|import. */
final class ConfigTransferTest extends IntegrationTestCase
{
    private const SECRET_OPTION = 'sophmate_safe_mode_test_webhook_secret';

    private string $automation = '';
    private int $ops = 0;

    protected function setUp(): void
    {
        parent::setUp();
        \WP_CLI::reset();
        delete_option(Settings::OPTION);
        $this->automation = 'cfg-sync-' . strtolower(wp_generate_password(6, false));
        $this->ops = $this->user_with_role('editor');
    }

    protected function tearDown(): void
    {
        remove_all_filters('pre_update_option_' . Settings::OPTION);
        remove_all_actions('sophmate_safe_mode_config_imported');
        delete_option(self::SECRET_OPTION);
        delete_option(Settings::OPTION);
        delete_option(NotificationSettings::OPTION);
        parent::tearDown();
    }

    /** A configured "staging" site: a changed built-in, a custom category, an automation, a provider, settings. */
    private function configure(): void
    {
        $ops = get_userdata($this->ops);
        $response = $this->rest('PATCH', '/categories/commerce', [
            'backup_owner_id' => $this->ops,
            'policy' => ['running' => 'finish', 'restart_owner_id' => $this->ops],
            'review_every_days' => 14,
            'providers' => ['stripe'],
            'notify' => ['emails' => ['ops@example.test'], 'webhooks' => ['https://hooks.example.test/commerce']],
            'breakers' => ['max_failures' => 3, 'signing_secret' => 'shh-breaker-secret'],
        ]);
        self::assertSame(200, $response->get_status(), (string) wp_json_encode($this->data($response)));
        self::assertSame(201, $this->rest('POST', '/categories', ['slug' => 'payouts', 'label' => 'Payouts', 'owner_id' => $this->ops])->get_status());
        $response = $this->rest('POST', '/automations', [
            'id' => $this->automation, 'label' => 'Nightly sync', 'kind' => 'workflow', 'category' => 'payouts', 'owner' => $ops->user_login,
            'mode' => 'draft', 'cron_hooks' => ['cfg_sync_hook'], 'checklist' => ['trigger' => 'cron at 2am', 'retry' => 'none'],
        ]);
        self::assertSame(201, $response->get_status(), (string) wp_json_encode($this->data($response)));
        self::assertSame(201, $this->rest('PUT', '/providers/stripe', ['label' => 'Stripe', 'hosts' => ['api.stripe.com'], 'status' => 'degraded', 'status_url' => 'http://127.0.0.1:8890/status.json'])->get_status());
        $this->services->settings->update(['retention_days' => 45]);
        update_option(self::SECRET_OPTION, 'topsecret-other-key', false);
        update_option(NotificationSettings::OPTION, ['emails' => ['oncall@example.test'], 'webhooks' => ['https://hooks.example.test/site'], 'webhook_secret' => 'topsecret-signing-key-1234'], false);
    }

    /** @return array<string,mixed> */
    private function export(): array
    {
        $response = $this->rest('GET', '/config');
        self::assertSame(200, $response->get_status(), (string) wp_json_encode($this->data($response)));
        return json_decode((string) wp_json_encode($this->data($response)), true);
    }

    /** @param array<string,mixed> $config */
    private function import(array $config, bool $dry_run = false): \WP_REST_Response
    {
        return $this->rest('POST', '/config/import', ['config' => $config, 'dry_run' => $dry_run]);
    }

    /** @return array<string,string|null> the stored options an import writes, byte for byte */
    private function stored_options(): array
    {
        $out = [];
        foreach (ConfigTransfer::OPTIONS as $name) {
            $out[$name] = $this->db->get_var($this->db->prepare("SELECT option_value FROM {$this->db->options} WHERE option_name = %s", $name));
        }
        return $out;
    }

    /** @param array<string,mixed> $doc */
    private static function entry(array $doc, string $section, string $id): array
    {
        $key = $section === 'automations' ? 'id' : 'slug';
        foreach ($doc[$section] as $i => $entry) {
            if ($entry[$key] === $id) {
                return [$i, $entry];
            }
        }
        self::fail("$section has no $id");
    }

    /** @param array<string,mixed> $doc a document with a few valid changes */
    private function changed(array $doc): array
    {
        [$i] = self::entry($doc, 'categories', 'commerce');
        $doc['categories'][$i]['review_every_days'] = 7;
        [$p] = self::entry($doc, 'providers', 'stripe');
        $doc['providers'][$p]['hosts'] = ['api.stripe.com', 'files.stripe.com'];
        [$a] = self::entry($doc, 'automations', $this->automation);
        $doc['automations'][$a]['checklist']['output'] = 'a report';
        $doc['settings']['retention_days'] = 60;
        return $doc;
    }

    public function test_export_holds_categories_automations_providers_and_settings_and_no_secret(): void
    {
        $this->configure();
        $doc = $this->export();
        self::assertSame(['sophmate-safe-mode/config', 1, wp_get_environment_type(), home_url()], [$doc['format'], $doc['version'], $doc['environment'], $doc['site']]);
        [, $commerce] = self::entry($doc, 'categories', 'commerce');
        $ops = get_userdata($this->ops);
        self::assertSame(['login' => $ops->user_login, 'email' => $ops->user_email], $commerce['backup_owner']);
        self::assertSame(['login' => $ops->user_login, 'email' => $ops->user_email], $commerce['policy']['restart_owner']);
        self::assertSame('finish', $commerce['policy']['running']);
        self::assertSame(['emails' => ['ops@example.test'], 'webhooks' => ['https://hooks.example.test/commerce']], $commerce['notify']);
        self::assertSame(['max_failures' => 3], $commerce['breakers']);
        self::entry($doc, 'categories', 'payouts');
        [, $automation] = self::entry($doc, 'automations', $this->automation);
        self::assertSame(['admin', 'payouts', ['cfg_sync_hook'], 'cron at 2am'], [$automation['origin'], $automation['category'], $automation['cron_hooks'], $automation['checklist']['trigger']]);
        self::assertSame([['slug' => 'stripe', 'label' => 'Stripe', 'hosts' => ['api.stripe.com'], 'status_url' => 'http://127.0.0.1:8890/status.json']], $doc['providers']);
        self::assertSame(45, $doc['settings']['retention_days']);
        self::assertSame(['emails' => ['oncall@example.test'], 'webhooks' => ['https://hooks.example.test/site']], $doc['notifications']);

        $json = (string) wp_json_encode($doc);
        self::assertStringNotContainsString('topsecret', $json);
        self::assertStringNotContainsString('shh-breaker-secret', $json);
        self::assertDoesNotMatchRegularExpression('/secret|password|token/i', $json);
        self::assertStringNotContainsString('degraded', $json, 'provider status is runtime state, not configuration');

        $audit = array_values(array_filter($this->audit_rows(), static fn ($r) => $r['action'] === 'config_export'));
        self::assertCount(1, $audit);
    }

    public function test_every_answer_matches_the_schema_its_route_declares(): void
    {
        $this->configure();
        $schemas = [];
        foreach (['/config', '/config/environment', '/config/import'] as $route) {
            $options = $this->data($this->rest('OPTIONS', $route));
            $schemas[$route] = $options['schema'];
        }
        $doc = $this->export();
        $answers = [
            '/config' => $doc,
            '/config/environment' => $this->data($this->rest('GET', '/config/environment')),
            '/config/import' => $this->data($this->import($this->changed($doc), true)),
        ];
        foreach ($answers as $route => $answer) {
            $valid = rest_validate_value_from_schema(json_decode((string) wp_json_encode($answer)), $schemas[$route], $route);
            self::assertTrue($valid === true, $route . ': ' . (is_wp_error($valid) ? $valid->get_error_message() : ''));
            foreach (array_keys($answer) as $key) {
                self::assertArrayHasKey($key, $schemas[$route]['properties'], "$route declares $key");
            }
        }
    }

    public function test_the_environment_route_says_which_site_this_is(): void
    {
        self::assertSame(['environment' => wp_get_environment_type(), 'site' => home_url()], $this->data($this->rest('GET', '/config/environment')));
    }

    public function test_download_names_the_file_after_site_environment_and_date(): void
    {
        $response = $this->rest('GET', '/config', [], ['download' => true]);
        $host = (string) parse_url(home_url(), PHP_URL_HOST);
        self::assertMatchesRegularExpression('/^attachment; filename="sophmate-config-' . preg_quote($host, '/') . '-' . wp_get_environment_type() . '-\d{4}-\d\d-\d\d\.json"$/', $response->get_headers()['Content-Disposition']);
    }

    public function test_round_trip_on_a_reset_site_restores_the_configuration(): void
    {
        $this->configure();
        $before = $this->export();
        sophmate_tests_reset_plugin_state();
        delete_option(Settings::OPTION);
        self::assertNotSame($before['categories'], $this->export()['categories']);

        $response = $this->import($before);
        $result = $this->data($response);
        self::assertSame(200, $response->get_status(), (string) wp_json_encode($result));
        self::assertTrue($result['applied']);
        self::assertGreaterThanOrEqual(3, $result['summary']['added'], 'payouts, the automation and stripe are added');

        $after = $this->export();
        unset($before['exported_at'], $after['exported_at']);
        self::assertEquals($before, $after);
        self::assertSame([], array_values(array_filter($this->data($this->import($after, true))['changes'], static fn ($c) => $c['change'] !== 'unchanged')), 'importing it again changes nothing');
        $this->forget_caches();
        self::assertTrue($this->services->catalog->has_automation($this->automation), 'the imported automation is governed at once');
        self::assertSame('unknown', $this->services->providers->find('stripe')?->status, 'status stays this site\'s own');
    }

    public function test_dry_run_lists_the_changes_and_changes_nothing(): void
    {
        $this->configure();
        $doc = $this->changed($this->export());
        $stored = $this->stored_options();
        $audit = count($this->audit_rows());

        $result = $this->data($this->import($doc, true));
        self::assertFalse($result['applied']);
        self::assertTrue($result['dry_run']);
        $changed = array_values(array_filter($result['changes'], static fn ($c) => $c['change'] === 'changed'));
        self::assertSame(['category:commerce', 'provider:stripe', 'automation:' . $this->automation, 'settings:settings'], array_map(static fn ($c) => $c['type'] . ':' . $c['id'], $changed));
        self::assertSame([['path' => 'review_every_days', 'from' => 14, 'to' => 7]], $changed[0]['fields']);
        self::assertSame([['path' => 'retention_days', 'from' => 45, 'to' => 60]], $changed[3]['fields']);
        self::assertSame($stored, $this->stored_options());
        self::assertCount($audit, $this->audit_rows());
        self::assertStringNotContainsString('shh-breaker-secret', (string) wp_json_encode($result));
    }

    public function test_an_invalid_document_changes_nothing_and_lists_every_error_with_its_path(): void
    {
        $this->configure();
        $doc = $this->changed($this->export());
        [$c] = self::entry($doc, 'categories', 'marketing');
        $doc['categories'][$c]['policy']['queued'] = 'later';
        [$a] = self::entry($doc, 'automations', $this->automation);
        $doc['automations'][$a]['kind'] = 'robot';
        $doc['providers'][0]['status_url'] = 'ftp://status.example.test';
        $doc['notifications']['webhooks'][] = 'http://169.254.169.254/latest/meta-data';
        $stored = $this->stored_options();

        $response = $this->import($doc);
        $this->assertError($response, 400, 'sophmate_invalid_config');
        $errors = $this->data($response)['data']['errors'];
        self::assertSame(["categories[$c].policy.queued", 'providers[0].status_url', "automations[$a].kind", 'notifications.webhooks[1]'], array_column($errors, 'path'));
        self::assertSame('sophmate_invalid_webhook_url', $errors[3]['code']);
        self::assertSame('sophmate_invalid_policy', $errors[0]['code']);
        self::assertStringContainsString('queued', $errors[0]['message']);
        self::assertSame($stored, $this->stored_options());
        self::assertSame([], array_values(array_filter($this->audit_rows(), static fn ($r) => $r['action'] === 'config_import')));

        $this->assertError($this->import(['format' => 'something-else', 'version' => 1]), 400, 'sophmate_invalid_config');
        $this->assertError($this->rest('POST', '/config/import', ['dry_run' => true]), 400, 'sophmate_missing_param');
    }

    /** The staging site's automation and a category carry breakers, freshness and customer_facing. */
    private function configure_breakers(): void
    {
        $response = $this->rest('PATCH', '/automations/' . $this->automation, [
            'breakers' => ['failures' => ['consecutive' => 3, 'window_runs' => 10, 'min_runs' => 4], 'customer_impact' => ['enabled' => true, 'max_actions' => 40]],
            'freshness' => ['option' => 'cfg_last_sync'],
            'customer_facing' => ['order:updated', 'comment:created'],
        ]);
        self::assertSame(200, $response->get_status(), (string) wp_json_encode($this->data($response)));
        $response = $this->rest('PATCH', '/categories/payouts', ['breakers' => ['spend' => ['enabled' => true, 'budgets' => [['unit' => 'usd', 'per_hour' => 2.5, 'per_day' => 20]]]]]);
        self::assertSame(200, $response->get_status(), (string) wp_json_encode($this->data($response)));
    }

    public function test_breakers_freshness_and_customer_facing_travel_and_a_round_trip_keeps_them(): void
    {
        $this->configure();
        $this->configure_breakers();
        $before = $this->export();
        [, $automation] = self::entry($before, 'automations', $this->automation);
        self::assertSame(['enabled' => true, 'consecutive' => 3, 'rate_percent' => 50, 'window_runs' => 10, 'min_runs' => 4], $automation['breakers']['failures']);
        self::assertSame(['enabled' => true, 'max_actions' => 40, 'window_minutes' => 60], $automation['breakers']['customer_impact']);
        self::assertSame(['option' => 'cfg_last_sync'], $automation['freshness']);
        self::assertSame(['order:updated', 'comment:created'], $automation['customer_facing']);
        [, $payouts] = self::entry($before, 'categories', 'payouts');
        self::assertSame('usd', $payouts['breakers']['spend']['budgets'][0]['unit']);

        sophmate_tests_reset_plugin_state();
        delete_option(Settings::OPTION);
        $response = $this->import($before);
        self::assertSame(200, $response->get_status(), (string) wp_json_encode($this->data($response)));
        self::assertTrue($this->data($response)['applied']);

        $after = $this->export();
        unset($before['exported_at'], $after['exported_at']);
        self::assertEquals($before, $after);
        $this->forget_caches();
        $stored = $this->services->stored_automations->all()[$this->automation];
        self::assertSame(4, $stored->breakers['failures']['min_runs']);
        self::assertSame(['option' => 'cfg_last_sync'], $stored->freshness);
        self::assertSame(['order:updated', 'comment:created'], $stored->customer_facing);
        self::assertTrue($this->services->categories->all()['payouts']->breaker_config()->spend->enabled);

        $doc = $after;
        [$a] = self::entry($doc, 'automations', $this->automation);
        $doc['automations'][$a]['breakers']['failures']['rate_percent'] = 30;
        $doc['automations'][$a]['customer_facing'] = ['order:updated'];
        $item = array_values(array_filter($this->data($this->import($doc, true))['changes'], fn ($c) => $c['id'] === $this->automation))[0];
        self::assertSame('changed', $item['change']);
        self::assertSame([
            ['path' => 'breakers.failures.rate_percent', 'from' => 50, 'to' => 30],
            ['path' => 'customer_facing', 'from' => ['order:updated', 'comment:created'], 'to' => ['order:updated']],
        ], $item['fields']);
    }

    public function test_an_invalid_breaker_is_reported_with_its_path_and_nothing_changes(): void
    {
        $this->configure();
        $this->configure_breakers();
        $doc = $this->changed($this->export());
        [$a] = self::entry($doc, 'automations', $this->automation);
        $doc['automations'][$a]['breakers']['failures']['min_runs'] = 50;
        $doc['automations'][$a]['freshness'] = ['option' => 'not an option!'];
        [$c] = self::entry($doc, 'categories', 'payouts');
        $doc['categories'][$c]['breakers']['spend']['budgets'][0]['per_hour'] = 0;
        $stored = $this->stored_options();

        $response = $this->import($doc);
        $this->assertError($response, 400, 'sophmate_invalid_config');
        $errors = $this->data($response)['data']['errors'];
        self::assertSame(["categories[$c].breakers.spend.budgets[0].per_hour", "automations[$a].breakers.failures.min_runs", "automations[$a].freshness"], array_column($errors, 'path'));
        self::assertSame(['sophmate_invalid_breakers', 'sophmate_invalid_breakers', 'sophmate_invalid_freshness'], array_column($errors, 'code'));
        self::assertStringContainsString('min_runs', $errors[1]['message']);
        self::assertSame($stored, $this->stored_options());
        self::assertSame([], array_values(array_filter($this->audit_rows(), static fn ($r) => $r['action'] === 'config_import')));
    }

    /** @return iterable<string,array{\Closure}> */
    public static function failing_writes(): iterable
    {
        yield 'the write throws' => [static function ($value) {
            throw new \RuntimeException('database went away');
        }];
        yield 'a filter swaps the value' => [static fn ($value, $old) => $old];
    }

    /** @dataProvider failing_writes */
    public function test_a_failed_write_of_the_last_option_rolls_every_option_back(\Closure $filter): void
    {
        $this->configure();
        $doc = $this->changed($this->export());
        $stored = $this->stored_options();
        add_filter('pre_update_option_' . Settings::OPTION, $filter, 10, 2);

        $response = $this->import($doc);
        $this->assertError($response, 503, 'sophmate_config_write_failed');
        self::assertSame($stored, $this->stored_options());
        remove_all_filters('pre_update_option_' . Settings::OPTION);
        $this->forget_caches();
        self::assertSame(14, $this->services->catalog->category('commerce')->review_every_days);
        self::assertSame([], array_values(array_filter($this->audit_rows(), static fn ($r) => $r['action'] === 'config_import')));
    }

    public function test_an_import_is_audited_with_the_file_source_and_the_actor_and_fires_an_action(): void
    {
        $this->configure();
        $doc = $this->changed($this->export());
        $doc['environment'] = 'staging';
        $doc['site'] = 'https://staging.example.test';
        $doc['notifications']['emails'] = ['oncall@example.test', 'lead@example.test'];
        $fired = [];
        add_action('sophmate_safe_mode_config_imported', static function (array $report) use (&$fired): void {
            $fired[] = $report;
        });
        $provider_changes = [];
        $listener = static function (string $slug, string $change, array $before, array $after) use (&$provider_changes): void {
            $provider_changes[] = [$slug, $change, $before['hosts'] ?? null, $after['hosts']];
        };
        add_action('sophmate_safe_mode_provider_changed', $listener, 10, 4);

        $result = $this->data($this->import($doc));
        remove_action('sophmate_safe_mode_provider_changed', $listener, 10);
        self::assertTrue($result['applied']);
        $rows = array_values(array_filter($this->audit_rows(), static fn ($r) => $r['action'] === 'config_import'));
        self::assertCount(1, $rows);
        self::assertSame(['config', 'admin', 'admin'], [$rows[0]['scope'], $rows[0]['actor_login'], $rows[0]['source']]);
        self::assertSame('0 added, 5 changed from staging https://staging.example.test', $rows[0]['reason']);
        $context = json_decode((string) $rows[0]['context'], true);
        self::assertSame('staging', $context['file']['environment']);
        self::assertSame(5, $context['summary']['changed']);
        self::assertContains(['type' => 'category', 'id' => 'commerce', 'change' => 'changed', 'fields' => ['review_every_days']], $context['changes']);
        self::assertCount(1, $fired);
        self::assertSame('https://staging.example.test', $fired[0]['source']['site']);
        self::assertSame([['stripe', 'config', ['api.stripe.com'], ['api.stripe.com', 'files.stripe.com']]], $provider_changes);
        $this->forget_caches();
        self::assertSame(7, $this->services->catalog->category('commerce')->review_every_days);
        self::assertSame('shh-breaker-secret', $this->services->catalog->category('commerce')->breakers['signing_secret'], 'the site keeps its own secret');
        self::assertSame(60, $this->services->settings->int('retention_days'));
        $targets = get_option(NotificationSettings::OPTION);
        self::assertSame(['oncall@example.test', 'lead@example.test'], $targets['emails']);
        self::assertSame('topsecret-signing-key-1234', $targets['webhook_secret'], 'the signing secret is the site\'s own and stays');
    }

    public function test_owners_are_matched_by_login_or_email_and_an_unknown_owner_is_an_error(): void
    {
        $this->configure();
        $doc = $this->export();
        $other = get_userdata($this->user_with_role('editor'));
        [$i] = self::entry($doc, 'categories', 'content');
        $doc['categories'][$i]['owner'] = ['login' => $other->user_login, 'email' => 'someone-else@example.test'];
        [$j] = self::entry($doc, 'categories', 'system');
        $doc['categories'][$j]['owner'] = ['login' => 'renamed-on-staging', 'email' => $other->user_email];
        $result = $this->data($this->import($doc));
        self::assertTrue($result['applied'], (string) wp_json_encode($result));
        $this->forget_caches();
        self::assertSame($other->ID, $this->services->catalog->category('content')->owner_id);
        self::assertSame($other->ID, $this->services->catalog->category('system')->owner_id);

        $doc['categories'][$i]['owner'] = ['login' => 'ghost', 'email' => 'ghost@example.test'];
        $response = $this->import($doc);
        $this->assertError($response, 400, 'sophmate_invalid_config');
        self::assertSame([['path' => "categories[$i].owner", 'code' => 'sophmate_unknown_owner']], array_map(static fn ($e) => ['path' => $e['path'], 'code' => $e['code']], $this->data($response)['data']['errors']));
    }

    public function test_an_import_never_raises_a_mode(): void
    {
        $this->configure();
        $doc = $this->export();
        [$a] = self::entry($doc, 'automations', $this->automation);
        $doc['automations'][$a]['mode'] = 'live';
        $result = $this->data($this->import($doc));
        self::assertStringContainsString('never raises a mode', implode("\n", $result['warnings']));
        self::assertSame('draft', $this->services->stored_automations->all()[$this->automation]->mode->value);
    }

    public function test_apply_with_the_hash_of_the_check_refuses_when_the_site_changed_in_between(): void
    {
        $this->configure();
        $doc = $this->changed($this->export());
        $checked = $this->data($this->import($doc, true));
        self::assertMatchesRegularExpression('/^[0-9a-f]{64}$/', $checked['changes_hash']);
        self::assertSame(200, $this->rest('PATCH', '/categories/commerce', ['review_every_days' => 21])->get_status());
        $stored = $this->stored_options();

        $response = $this->rest('POST', '/config/import', ['config' => $doc, 'changes_hash' => $checked['changes_hash']]);
        $this->assertError($response, 409, 'sophmate_config_changed_since_check');
        self::assertSame($stored, $this->stored_options());
        $this->assertError($this->rest('POST', '/config/import', ['config' => $doc, 'changes_hash' => 'nope']), 400, 'sophmate_invalid_changes_hash');

        $again = $this->data($this->import($doc, true));
        $response = $this->rest('POST', '/config/import', ['config' => $doc, 'changes_hash' => $again['changes_hash']]);
        self::assertTrue($this->data($response)['applied']);
    }

    public function test_a_pause_only_user_may_neither_export_nor_import(): void
    {
        $pauser = $this->user_with_role('subscriber');
        (new \WP_User($pauser))->add_cap(Plugin::CAP_PAUSE);
        $doc = $this->export();
        wp_set_current_user($pauser);
        self::assertSame(403, $this->rest('GET', '/config')->get_status());
        self::assertSame(403, $this->rest('GET', '/config/environment')->get_status());
        self::assertSame(403, $this->import($doc, true)->get_status());
    }

    public function test_an_oversized_body_is_refused_before_it_is_read(): void
    {
        $request = new \WP_REST_Request('POST', '/sophmate-safe-mode/v1/config/import');
        $request->set_header('Content-Type', 'application/json');
        $request->set_body('{"config":{"pad":"' . str_repeat('x', 1048577) . '"}}');
        $response = rest_do_request($request);
        $error = $response instanceof \WP_Error ? $response : $response->as_error();
        self::assertSame('sophmate_config_too_large', $error->get_error_code());
        self::assertSame(413, $error->get_error_data()['status']);
    }

    public function test_cli_exports_to_a_file_and_imports_with_dry_run_and_yes(): void
    {
        $this->configure();
        $command = new ConfigCommand($this->services, new ConfigTransfer($this->services, $this->db));
        $file = tempnam(sys_get_temp_dir(), 'sophmate-config');
        $command->export([], ['file' => $file]);
        self::assertSame('success', end(\WP_CLI::$output)[0]);
        $doc = json_decode((string) file_get_contents($file), true);
        self::assertSame('sophmate-safe-mode/config', $doc['format']);
        file_put_contents($file, (string) wp_json_encode($this->changed($doc)));
        $stored = $this->stored_options();

        \WP_CLI::reset();
        $command->import([$file], ['dry-run' => true]);
        $rows = \WP_CLI::$formatted[0]['rows'];
        self::assertContains(['type' => 'category', 'id' => 'commerce', 'change' => 'changed', 'field' => 'review_every_days', 'from' => '14', 'to' => '7'], $rows);
        self::assertStringContainsString('Nothing was changed', end(\WP_CLI::$output)[1]);
        self::assertSame($stored, $this->stored_options());

        \WP_CLI::reset();
        $command->import([$file], ['yes' => true]);
        self::assertStringContainsString('Imported: 0 added, 4 changed', end(\WP_CLI::$output)[1]);
        $this->forget_caches();
        self::assertSame(7, $this->services->catalog->category('commerce')->review_every_days);
        $cli_rows = array_values(array_filter($this->audit_rows(), static fn ($r) => $r['action'] === 'config_import'));
        self::assertSame('cli', $cli_rows[0]['source']);

        $doc['categories'][0]['policy']['running'] = 'sprint';
        $doc['settings']['retention_days'] = 'forever';
        file_put_contents($file, (string) wp_json_encode($doc));
        \WP_CLI::reset();
        try {
            $command->import([$file], ['yes' => true]);
            self::fail('expected an error');
        } catch (\WP_CLI\ExitException $e) {
            self::assertStringContainsString('sophmate_invalid_config', $e->getMessage());
        }
        self::assertSame(['categories[0].policy.running', 'settings.retention_days'], array_column(\WP_CLI::$formatted[0]['rows'], 'path'));
        unlink($file);
    }
}
