<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

/** Webhooks answer 503 while paused; provider calls are refused before any network traffic. */
final class InboundAndOutboundGatesTest extends IntegrationTestCase
{
    /** @var list<string> URLs that reached the transport */
    private array $sent = [];

    protected function setUp(): void
    {
        parent::setUp();
        delete_option('sophmate_safe_mode_providers');
        $this->services->providers->forget();
        sophmate_safe_mode_register_provider('acme-ai', ['label' => 'Acme AI', 'hosts' => ['api.acme-ai.test', '*.acme-cdn.test']]);
        sophmate_safe_mode_register_automation('acme-webhook', ['label' => 'Order webhook', 'kind' => 'workflow', 'category' => 'commerce', 'owner' => 'admin', 'rest_routes' => ['/acme-test/v1/orders/(?P<id>\d+)'], 'providers' => ['acme-ai']]);
        sophmate_safe_mode_register_automation('acme-writer', ['label' => 'Writer', 'kind' => 'agent', 'category' => 'agent', 'owner' => 'admin', 'providers' => ['acme-ai']]);
        rest_get_server(); // fires rest_api_init once, so the route below can be added directly
        register_rest_route('acme-test/v1', '/orders/(?P<id>\d+)', ['methods' => 'POST', 'callback' => static fn () => ['ok' => true], 'permission_callback' => '__return_true'], true);
        // Stands in for the network at the lowest priority: our gate runs first (priority 1).
        $this->sent = [];
        add_filter('pre_http_request', [$this, 'fake_network'], 999, 3);
    }

    protected function tearDown(): void
    {
        remove_filter('pre_http_request', [$this, 'fake_network'], 999);
        parent::tearDown();
    }

    /** @return mixed */
    public function fake_network($pre, $args, $url)
    {
        if ($pre !== false) {
            return $pre;
        }
        $this->sent[] = strtoupper((string) ($args['method'] ?? 'GET')) . ' ' . $url;
        return ['headers' => [], 'body' => '{}', 'response' => ['code' => 200, 'message' => 'OK'], 'cookies' => [], 'filename' => null];
    }

    public function test_a_bound_webhook_answers_503_with_retry_after_while_paused_and_works_after(): void
    {
        $request = new \WP_REST_Request('POST', '/acme-test/v1/orders/12');
        self::assertSame(200, rest_do_request($request)->get_status());

        $this->rest('POST', '/categories/commerce/pause', ['reason' => 'refund storm']);
        $this->forget_caches();
        $response = rest_get_server()->dispatch($request);
        // As WP_REST_Server::serve_request does: errors become responses before rest_post_dispatch.
        $response = apply_filters('rest_post_dispatch', is_wp_error($response) ? rest_convert_error_to_response($response) : $response, rest_get_server(), $request);

        self::assertSame(503, $response->get_status());
        self::assertSame('sophmate_paused', $response->get_data()['code']);
        self::assertSame('300', $response->get_headers()['Retry-After'] ?? null);
        $run = $this->services->runs->find(new \SophMate\SafeMode\Domain\Runs\RunQuery('commerce'))['items'][0];
        self::assertSame(['acme-webhook', 'webhook', 'skipped'], [$run->automation, $run->trigger, $run->status->value]);

        self::assertSame(404, rest_do_request(new \WP_REST_Request('POST', '/acme-test/v1/other'))->get_status(), 'unbound routes are untouched');
    }

    public function test_a_provider_call_inside_a_blocked_run_is_refused_before_the_network(): void
    {
        $this->rest('POST', '/categories/agent/pause', ['reason' => 'runaway spend']);
        $this->forget_caches();

        $run = sophmate_safe_mode_start_run('acme-writer', ['trigger' => 'cron']);
        self::assertFalse($run->is_allowed());
        // A careless caller ignores the gate and calls the provider anyway.
        $response = wp_remote_post('https://api.acme-ai.test/v1/complete', ['body' => 'x']);

        self::assertInstanceOf(\WP_Error::class, $response);
        self::assertSame('sophmate_paused', $response->get_error_code());
        self::assertSame([], $this->sent, 'nothing reached the network');
        $events = $this->db->get_col($this->db->prepare("SELECT type FROM {$this->services->schema->run_events_table()} WHERE run_id = %d", $run->id()));
        self::assertSame(['refused'], $events);

        unset($run);
        self::assertNotInstanceOf(\WP_Error::class, wp_remote_get('https://api.acme-ai.test/v1/models'), 'outside any run, a category pause does not block other code');
    }

    public function test_safe_mode_paused_refuses_provider_hosts_for_everyone_but_not_other_hosts(): void
    {
        $this->rest('PUT', '/safe-mode', ['mode' => 'paused', 'reason' => 'incident']);
        $this->forget_caches();

        self::assertSame('sophmate_paused', wp_remote_get('https://img.acme-cdn.test/a.png')->get_error_code());
        self::assertNotInstanceOf(\WP_Error::class, wp_remote_get('https://example.test/ok'));
        self::assertSame(['GET https://example.test/ok'], $this->sent);
    }

    public function test_read_only_safe_mode_lets_reads_through_and_refuses_writes_to_providers(): void
    {
        $this->rest('PUT', '/safe-mode', ['mode' => 'read_only', 'reason' => 'audit']);
        $this->forget_caches();

        self::assertNotInstanceOf(\WP_Error::class, wp_remote_get('https://api.acme-ai.test/v1/models'));
        self::assertSame('sophmate_paused', wp_remote_post('https://api.acme-ai.test/v1/complete')->get_error_code());
        self::assertSame(['GET https://api.acme-ai.test/v1/models'], $this->sent);
    }

    public function test_a_read_only_run_may_read_but_a_write_it_tries_is_refused_and_recorded(): void
    {
        $this->rest('PUT', '/safe-mode', ['mode' => 'read_only', 'reason' => 'audit']);
        $this->forget_caches();
        $run = sophmate_safe_mode_start_run('acme-writer');
        self::assertTrue($run->is_allowed());
        self::assertTrue($run->is_read_only());
        self::assertTrue($run->touched('post', 5, 'read'));
        self::assertFalse($run->touched('post', 5, 'update'));
        $run->succeed();
        $types = $this->db->get_col($this->db->prepare("SELECT type FROM {$this->services->schema->run_events_table()} WHERE run_id = %d ORDER BY id", $run->id()));
        self::assertSame(['touched', 'refused'], $types);
    }

    public function test_nothing_paused_means_no_provider_lookup_at_all(): void
    {
        $queries = $this->db->num_queries;
        wp_remote_get('https://api.acme-ai.test/v1/models');
        self::assertSame($queries, $this->db->num_queries);
    }
}
