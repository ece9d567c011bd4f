<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Cli\ProvidersCommand;
use SophMate\SafeMode\Plugin;
use SophMate\SafeMode\Providers\ProvidersModule;
use SophMate\SafeMode\Providers\StatusPoller;

require_once __DIR__ . '/Support/wp-cli-double.php';

/**
 * Provider status is polled from a Statuspage-style URL served by the test site itself
 * (sophmate-dev/v1/statuspage in scripts/wp/mu-plugin.php), over real HTTP: never the internet.
 */
final class ProviderPollingTest extends IntegrationTestCase
{
    private const PAGE_OPTION = 'sophmate_dev_statuspage';
    private const HITS_OPTION = 'sophmate_dev_statuspage_hits';

    /** @var list<array{string,string,array<string,mixed>,array<string,mixed>}> */
    private array $changes = [];

    protected function setUp(): void
    {
        parent::setUp();
        \WP_CLI::reset();
        // No due poll may run in the background (WP-Cron spawned by the requests below) while we count.
        ProvidersModule::unschedule();
        delete_option(self::HITS_OPTION);
        $this->page(200, ['status' => ['indicator' => 'none', 'description' => 'All Systems Operational']]);
        $this->changes = [];
        add_action('sophmate_safe_mode_provider_changed', [$this, 'record_change'], 10, 4);
    }

    protected function tearDown(): void
    {
        remove_action('sophmate_safe_mode_provider_changed', [$this, 'record_change'], 10);
        remove_all_filters(StatusPoller::TIMEOUT_FILTER);
        $this->services->catalog->remove_automation('provider-test-writer');
        delete_option(self::PAGE_OPTION);
        delete_option(self::HITS_OPTION);
        parent::tearDown();
    }

    public function record_change(string $slug, string $change, array $before, array $after): void
    {
        $this->changes[] = [$slug, $change, $before, $after];
    }

    /** @param array<string,mixed>|string $body */
    private function page(int $code, $body, float $delay = 0): void
    {
        update_option(self::PAGE_OPTION, ['code' => $code, 'body' => is_string($body) ? $body : wp_json_encode($body), 'delay_seconds' => $delay], false);
    }

    private static function status_url(): string
    {
        return rest_url('sophmate-dev/v1/statuspage');
    }

    private function create_polled(string $slug = 'acme-status'): void
    {
        $response = $this->rest('PUT', '/providers/' . $slug, ['label' => 'Acme', 'hosts' => ['api.acme.test'], 'status_url' => self::status_url()]);
        self::assertSame(201, $response->get_status(), wp_json_encode($this->data($response)));
        $this->changes = [];
    }

    /** @return list<array<string,mixed>> */
    private function audit_of(string $action): array
    {
        return array_values(array_filter($this->audit_rows(), static fn (array $row): bool => $row['action'] === $action));
    }

    public function test_polling_the_local_status_page_sets_the_status_audits_each_change_once_and_announces_it(): void
    {
        $this->create_polled();

        $first = $this->data($this->rest('POST', '/providers/acme-status/check'));
        self::assertSame(['operational', 'polled', 'All Systems Operational', null], [$first['status'], $first['status_source'], $first['status_description'], $first['last_error']]);
        self::assertNotNull($first['last_polled_at']);
        self::assertNotNull($first['checked_at']);

        // Unchanged: recorded as polled, but no audit and no announcement.
        $this->rest('POST', '/providers/acme-status/check');
        self::assertCount(1, $this->audit_of('provider_status'));
        self::assertCount(1, $this->changes);

        $this->page(200, ['status' => ['indicator' => 'major', 'description' => 'Major API outage']]);
        $after = $this->data($this->rest('POST', '/providers/acme-status/check'));
        self::assertSame(['outage', 'Major API outage'], [$after['status'], $after['status_description']]);
        self::assertSame(3, (int) get_option(self::HITS_OPTION), 'every check made one request');

        $audits = $this->audit_of('provider_status');
        self::assertCount(2, $audits);
        self::assertSame(['provider:acme-status', 'unknown', 'operational'], [$audits[0]['scope'], $audits[0]['before_state'], $audits[0]['after_state']]);
        self::assertSame(['operational', 'outage', 'Major API outage', 'admin'], [$audits[1]['before_state'], $audits[1]['after_state'], $audits[1]['reason'], $audits[1]['source']]);
        self::assertSame('polled', json_decode((string) $audits[1]['context'], true)['status_source']);

        self::assertCount(2, $this->changes);
        [$slug, $change, $before, $after_array] = $this->changes[1];
        self::assertSame(['acme-status', 'status', 'operational', 'outage'], [$slug, $change, $before['status'], $after_array['status']]);
        self::assertSame($after_array, $this->services->providers->fresh('acme-status')?->to_array());

        $this->page(200, ['status' => ['indicator' => 'critical']]);
        self::assertSame('outage', $this->data($this->rest('POST', '/providers/acme-status/check'))['status']);
        self::assertCount(2, $this->audit_of('provider_status'), 'critical is still an outage: no change');
    }

    /** @return iterable<string,array{int,string,float,string}> */
    public static function broken_pages(): iterable
    {
        yield 'HTTP 500' => [500, '{"error":"boom"}', 0, 'HTTP 500'];
        yield 'invalid JSON' => [200, '<html>Status</html>', 0, 'did not answer valid JSON'];
        yield 'wrong shape' => [200, '{"state":"green"}', 0, 'no "status" field'];
        yield 'too slow' => [200, '{"status":"outage"}', 3, 'could not be reached'];
    }

    /** @dataProvider broken_pages */
    public function test_a_failed_poll_records_the_error_and_leaves_the_status_alone(int $code, string $body, float $delay, string $expected): void
    {
        $this->create_polled();
        $this->rest('POST', '/providers/acme-status/check');
        $this->changes = [];
        $audit_before = count($this->audit_rows());

        $this->page($code, $body, $delay);
        add_filter(StatusPoller::TIMEOUT_FILTER, static fn () => 1.0);
        $started = microtime(true);
        $response = $this->rest('POST', '/providers/acme-status/check');
        self::assertLessThan(2.5, microtime(true) - $started, 'the poll gives up after its timeout');

        self::assertSame(200, $response->get_status(), 'a failed poll is reported in the provider, not as a failed request');
        $provider = $this->data($response);
        self::assertStringContainsString($expected, (string) $provider['last_error']);
        self::assertSame(['operational', 'polled'], [$provider['status'], $provider['status_source']]);
        self::assertSame($audit_before, count($this->audit_rows()), 'no audit for a failed poll');
        self::assertSame([], $this->changes);

        $this->page(200, ['status' => 'operational']);
        self::assertNull($this->data($this->rest('POST', '/providers/acme-status/check'))['last_error'], 'the next good poll clears the error');
    }

    public function test_the_cron_event_is_scheduled_on_a_normal_load_runs_on_its_own_interval_and_polls_as_cron(): void
    {
        $this->services->settings->update(['provider_poll_minutes' => 2]);
        $output = $this->php_in_site('$e = wp_get_scheduled_event("' . ProvidersModule::HOOK . '"); echo wp_json_encode($e ? ["schedule" => $e->schedule, "interval" => $e->interval, "in" => $e->timestamp - time()] : null);');
        $event = json_decode($output, true);
        self::assertIsArray($event, 'scheduled lazily on load: ' . $output);
        self::assertSame([ProvidersModule::SCHEDULE, 120], [$event['schedule'], $event['interval']]);
        self::assertGreaterThan(60, $event['in'], 'first poll one interval from now, not during the load');
        self::assertSame(120, wp_get_schedules()[ProvidersModule::SCHEDULE]['interval']);
        self::assertNotFalse(has_action('deactivate_' . 'sophmate-safe-mode/plugin.php', [ProvidersModule::class, 'unschedule']));

        $this->create_polled();
        $this->rest('PUT', '/providers/manual-only', ['label' => 'No status page', 'hosts' => ['x.test']]);
        do_action(ProvidersModule::HOOK);
        $this->services->providers->forget();
        self::assertSame('operational', $this->services->providers->find('acme-status')?->status);
        self::assertNull($this->services->providers->find('manual-only')?->last_polled_at, 'a provider without a status URL is never polled');
        $audit = $this->audit_of('provider_status')[0];
        self::assertSame(['cron', 'cron'], [$audit['source'], $audit['actor_login']]);

        ProvidersModule::unschedule();
        self::assertFalse(wp_next_scheduled(ProvidersModule::HOOK));
        $this->services->settings->update(['provider_poll_minutes' => 5]);
    }

    public function test_a_cron_poll_already_running_on_another_node_makes_this_one_skip(): void
    {
        $this->create_polled();
        // Another web node's connection to the same database, in the middle of its poll.
        $other = new \wpdb(DB_USER, DB_PASSWORD, DB_NAME, DB_HOST);
        $lock = $this->db->prefix . 'sophmate_provider_poll';
        self::assertSame('1', (string) $other->get_var($other->prepare('SELECT GET_LOCK(%s, 0)', $lock)));
        do_action(ProvidersModule::HOOK);
        $this->services->providers->forget();
        self::assertNull($this->services->providers->find('acme-status')?->last_polled_at, 'skipped: the other node is polling');
        self::assertSame([], $this->audit_of('provider_status'));

        $other->query($other->prepare('SELECT RELEASE_LOCK(%s)', $lock));
        $other->close();
        do_action(ProvidersModule::HOOK);
        $this->services->providers->forget();
        self::assertNotNull($this->services->providers->find('acme-status')?->last_polled_at, 'polled once the lock is free');
        self::assertCount(1, $this->audit_of('provider_status'));
    }

    public function test_a_front_end_page_load_never_polls_even_when_a_poll_is_overdue(): void
    {
        $this->create_polled();
        // Overdue event and a provider never polled: as tempting as it gets.
        wp_schedule_event(time() - 3600, ProvidersModule::SCHEDULE, ProvidersModule::HOOK);
        $output = $this->php_in_site(
            '$_SERVER["REQUEST_URI"] = "/"; wp(); do_action("template_redirect"); do_action("wp_head"); do_action("wp_footer"); do_action("shutdown"); echo "loaded";',
            ['DISABLE_WP_CRON' => true, 'WP_USE_THEMES' => false]
        );
        self::assertStringContainsString('loaded', $output);
        wp_cache_flush();
        self::assertSame(0, (int) get_option(self::HITS_OPTION), 'no request reached the status page');
        self::assertNull($this->services->providers->fresh('acme-status')?->last_polled_at);
        ProvidersModule::unschedule();
    }

    public function test_polling_gets_through_while_safe_mode_is_paused_even_when_the_status_page_is_on_a_provider_host(): void
    {
        $host = (string) parse_url(home_url(), PHP_URL_HOST);
        $this->rest('PUT', '/providers/local-ai', ['label' => 'Local AI', 'hosts' => [$host], 'status_url' => self::status_url()]);
        $this->rest('PUT', '/safe-mode', ['mode' => 'paused', 'reason' => 'Spend spike']);
        $this->forget_caches();

        $refused = wp_remote_get(home_url('/wp-json/'));
        self::assertInstanceOf(\WP_Error::class, $refused, 'the provider host itself stays refused');
        self::assertSame('sophmate_paused', $refused->get_error_code());

        $provider = $this->data($this->rest('POST', '/providers/local-ai/check'));
        self::assertSame(['operational', null], [$provider['status'], $provider['last_error']]);
        self::assertInstanceOf(\WP_Error::class, wp_remote_get(home_url('/wp-json/')), 'the exemption ended with the poll');
    }

    public function test_check_now_needs_a_status_url_an_existing_provider_and_the_manage_capability(): void
    {
        $this->rest('PUT', '/providers/manual-only', ['label' => 'Manual', 'hosts' => ['x.test']]);
        $this->assertError($this->rest('POST', '/providers/manual-only/check'), 409, 'sophmate_provider_not_polled');
        $this->assertError($this->rest('POST', '/providers/nope/check'), 404, 'sophmate_unknown_provider');
        $this->create_polled();
        $pauser = $this->user_with_role('editor');
        (new \WP_User($pauser))->add_cap(Plugin::CAP_PAUSE);
        wp_set_current_user($pauser);
        self::assertSame(403, $this->rest('POST', '/providers/acme-status/check')->get_status());
        self::assertSame(200, $this->rest('GET', '/providers')->get_status(), 'a pauser may read providers');
        self::assertSame(0, (int) get_option(self::HITS_OPTION));
    }

    public function test_put_validates_the_status_url_and_announces_config_and_manual_status_changes(): void
    {
        foreach (['ftp://status.acme.test/status.json', 'javascript:alert(1)', 'status.acme.test'] as $bad) {
            $this->assertError($this->rest('PUT', '/providers/acme', ['label' => 'Acme', 'status_url' => $bad]), 400, 'sophmate_invalid_status_url');
        }
        self::assertNull($this->services->providers->fresh('acme'), 'nothing saved');

        $created = $this->rest('PUT', '/providers/acme', ['label' => 'Acme', 'hosts' => ['api.acme.test']]);
        self::assertSame(['config'], $this->data($created)['changed']);
        self::assertSame([['acme', 'config', []]], array_map(static fn ($c) => [$c[0], $c[1], $c[2]], $this->changes));
        $this->changes = [];

        $updated = $this->data($this->rest('PUT', '/providers/acme', ['hosts' => ['api.acme.test', '*.acme-cdn.test'], 'status_url' => self::status_url()]));
        self::assertSame(['config'], $updated['changed']);
        self::assertSame('config', $this->changes[0][1]);
        self::assertSame(['api.acme.test'], $this->changes[0][2]['hosts']);
        self::assertSame(['api.acme.test', '*.acme-cdn.test'], $this->changes[0][3]['hosts']);
        $audit = $this->audit_of('provider_updated')[0];
        self::assertSame(['hosts', 'status_url'], json_decode((string) $audit['context'], true)['fields']);

        $this->changes = [];
        self::assertSame([], $this->data($this->rest('PUT', '/providers/acme', ['label' => 'Acme']))['changed']);
        self::assertSame([], $this->changes, 'a PUT that changes nothing announces nothing');
        self::assertCount(1, $this->audit_of('provider_updated'));

        $manual = $this->data($this->rest('PUT', '/providers/acme', ['status' => 'outage', 'reason' => 'Timeouts since 14:05']));
        self::assertSame(['outage', 'manual', ['status']], [$manual['status'], $manual['status_source'], $manual['changed']]);
        self::assertSame(['acme', 'status', 'unknown', 'outage'], [$this->changes[0][0], $this->changes[0][1], $this->changes[0][2]['status'], $this->changes[0][3]['status']]);
        $status_audit = $this->audit_of('provider_status')[0];
        self::assertSame(['unknown', 'outage', 'Timeouts since 14:05'], [$status_audit['before_state'], $status_audit['after_state'], $status_audit['reason']]);
    }

    public function test_delete_is_refused_while_a_category_or_automation_names_the_provider(): void
    {
        $this->rest('PUT', '/providers/acme', ['label' => 'Acme', 'hosts' => ['api.acme.test']]);
        $this->rest('PATCH', '/categories/marketing', ['providers' => ['acme']]);
        sophmate_safe_mode_register_automation('provider-test-writer', ['label' => 'Writer', 'kind' => 'agent', 'category' => 'agent', 'owner' => 'admin', 'providers' => ['acme']]);

        self::assertSame(['categories' => ['marketing'], 'automations' => ['provider-test-writer']], $this->data($this->rest('GET', '/providers/acme'))['used_by']);
        $refused = $this->rest('DELETE', '/providers/acme');
        $this->assertError($refused, 409, 'sophmate_provider_in_use');
        self::assertStringContainsString('category marketing, automation provider-test-writer', $this->data($refused)['message']);
        self::assertNotNull($this->services->providers->fresh('acme'));

        $this->rest('PATCH', '/categories/marketing', ['providers' => []]);
        $this->services->catalog->remove_automation('provider-test-writer');
        $this->changes = [];
        $deleted = $this->rest('DELETE', '/providers/acme');
        self::assertSame(200, $deleted->get_status(), wp_json_encode($this->data($deleted)));
        $this->assertError($this->rest('GET', '/providers/acme'), 404, 'sophmate_unknown_provider');
        self::assertCount(1, $this->audit_of('provider_deleted'));
        self::assertSame(['acme', 'config', []], [$this->changes[0][0], $this->changes[0][1], $this->changes[0][3]]);
        $this->assertError($this->rest('DELETE', '/providers/acme'), 404, 'sophmate_unknown_provider');
    }

    public function test_the_cli_lists_sets_checks_and_deletes_providers(): void
    {
        $cli = new ProvidersCommand($this->services);
        $cli->set(['acme'], ['label' => 'Acme', 'hosts' => 'api.acme.test, *.acme-cdn.test', 'status-url' => self::status_url()]);
        self::assertSame('success', \WP_CLI::$output[0][0]);
        self::assertStringContainsString('created', \WP_CLI::$output[0][1]);

        try {
            $cli->set(['acme'], ['status-url' => 'ftp://x.test/s.json']);
            self::fail('expected an error');
        } catch (\WP_CLI\ExitException $e) {
            self::assertStringContainsString('sophmate_invalid_status_url', $e->getMessage());
        }

        $this->page(200, ['status' => ['indicator' => 'minor', 'description' => 'Elevated errors']]);
        \WP_CLI::reset();
        $cli->check(['acme'], []);
        self::assertSame('degraded', \WP_CLI::$formatted[0]['rows'][0]['status']);
        self::assertSame('cli', $this->audit_of('provider_status')[0]['source']);

        $this->page(500, 'oops');
        \WP_CLI::reset();
        $cli->check([], []);
        self::assertSame('warning', \WP_CLI::$output[0][0]);
        self::assertStringContainsString('acme: The status page answered HTTP 500', \WP_CLI::$output[0][1]);

        $cli->set(['acme'], ['status' => 'outage', 'reason' => 'Confirmed by their support']);
        \WP_CLI::reset();
        $cli->list_([], ['format' => 'json']);
        $row = \WP_CLI::$formatted[0]['rows'][0];
        self::assertSame(['acme', 'api.acme.test,*.acme-cdn.test', 'outage', 'manual'], [$row['slug'], $row['hosts'], $row['status'], $row['status_source']]);
        self::assertStringContainsString('HTTP 500', (string) $row['last_error']);

        $cli->delete(['acme'], []);
        self::assertNull($this->services->providers->fresh('acme'));
    }
}
