<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration\Security;

use SophMate\SafeMode\Notifications\Dispatcher;
use SophMate\SafeMode\Rest\Controller;
use SophMate\SafeMode\Tests\integration\IntegrationTestCase;

/**
 * Webhook targets are typed by an operator and requested by the server: only http(s), never the
 * site itself, loopback, link-local or metadata addresses in any spelling, wherever a URL can be
 * set (settings, a category, a configuration import), unless the allow filter says so; delivery
 * follows no redirect; the signing secret is never returned once set.
 */
final class WebhookTargetsTest extends IntegrationTestCase
{
    private const SECRET = 'security-secret-0123456789abcdef';

    /** Spellings of refused targets (the site is http://127.0.0.1:8890 here). */
    private const REFUSED = [
        'file:///etc/passwd',
        'gopher://hooks.example.test:70/_x',
        'dict://hooks.example.test:11211/stat',
        'ftp://hooks.example.test/x',
        'javascript:alert(1)',
        'http://169.254.169.254/latest/meta-data/',
        'http://169.254.169.254./latest/meta-data/',
        'http://2852039166/latest/meta-data/',
        'http://0xa9fea9fe/',
        'http://[::ffff:169.254.169.254]/',
        'http://metadata.google.internal/computeMetadata/v1/',
        'http://metadata.google.internal./computeMetadata/v1/',
        'http://[fd00:ec2::254]/',
        'http://169.254.1.1/',
        'http://[fe80::1]/',
        'http://[::1]:8890/',
        'http://[0:0:0:0:0:0:0:1]:8890/',
        'http://2130706433:8890/',
        'http://017700000001:8890/',
        'http://0x7f.1:8890/',
        'http://127.1:8890/',
        'http://localhost.:8890/',
        'http://0.0.0.0:8890/',
        'http://user:pw@hooks.example.test/',
    ];

    /** @var list<int> */
    private array $servers = [];
    /** @var list<string> */
    private array $files = [];

    protected function tearDown(): void
    {
        foreach ($this->servers as $pgid) {
            @posix_kill(-$pgid, SIGTERM);
        }
        $this->servers = [];
        array_map('unlink', array_filter($this->files, 'is_file'));
        $this->files = [];
        parent::tearDown();
    }

    public function test_every_spelling_of_a_refused_target_is_refused_wherever_a_url_is_set(): void
    {
        $this->rest('PUT', '/notifications/settings', ['webhooks' => ['https://hooks.example.test/ok']]);
        foreach (self::REFUSED as $url) {
            $response = $this->rest('PUT', '/notifications/settings', ['webhooks' => [$url]]);
            $this->assertError($response, 400, 'sophmate_invalid_webhook_url');
            $response = $this->rest('PATCH', '/categories/support', ['notify' => ['emails' => [], 'webhooks' => [$url]]]);
            $this->assertError($response, 400, 'sophmate_invalid_notify');
        }
        self::assertSame(['https://hooks.example.test/ok'], $this->data($this->rest('GET', '/notifications/settings'))['webhooks']);
        self::assertSame([], $this->data($this->rest('GET', '/categories/support'))['notify']['webhooks']);
    }

    public function test_a_configuration_import_cannot_smuggle_a_refused_target_in(): void
    {
        $document = $this->data($this->rest('GET', '/config'));
        foreach ($document['categories'] as &$category) {
            if ($category['slug'] === 'support') {
                $category['notify'] = ['emails' => [], 'webhooks' => ['http://169.254.169.254/latest/meta-data/']];
            }
        }
        unset($category);
        $response = $this->rest('POST', '/config/import', ['config' => $document]);
        self::assertSame(400, $response->get_status(), (string) wp_json_encode($this->data($response)));
        self::assertStringContainsString('metadata', (string) wp_json_encode($this->data($response)));
        self::assertSame([], $this->services->catalog->category('support')->notify['webhooks']);

        $document['notifications'] = ['emails' => [], 'webhooks' => ['http://2130706433:8890/']];
        $response = $this->rest('POST', '/config/import', ['config' => $document]);
        self::assertSame(400, $response->get_status());
        $body = (string) wp_json_encode($this->data($response));
        self::assertStringContainsString('notifications.webhooks[0]', $body);
        self::assertStringContainsString('categories[', $body, 'both refusals are reported at their paths');
        self::assertStringContainsString('points at this site itself', $body, '2130706433 is 127.0.0.1, the site');
    }

    public function test_the_allow_filter_lets_a_site_use_a_refused_target_on_purpose(): void
    {
        $allow = static fn ($allow, $url) => $allow || str_contains((string) $url, '169.254.169.254');
        add_filter('sophmate_safe_mode_allow_webhook_url', $allow, 10, 2);
        try {
            self::assertSame(200, $this->rest('PUT', '/notifications/settings', ['webhooks' => ['http://169.254.169.254/hook']])->get_status());
        } finally {
            remove_filter('sophmate_safe_mode_allow_webhook_url', $allow, 10);
        }
        $this->assertError($this->rest('PUT', '/notifications/settings', ['webhooks' => ['http://169.254.169.254/other']]), 400, 'sophmate_invalid_webhook_url');
    }

    public function test_the_signing_secret_is_never_returned_by_any_route(): void
    {
        self::assertSame(200, $this->rest('PUT', '/notifications/settings', ['webhook_secret' => self::SECRET, 'webhooks' => ['https://hooks.example.test/a']])->get_status());
        $this->rest('POST', '/categories/marketing/pause', ['reason' => 'secret probe']);
        $checked = 0;
        foreach (rest_get_server()->get_routes(Controller::NS) as $pattern => $handlers) {
            foreach ($handlers as $handler) {
                if (!isset($handler['methods']['GET'])) {
                    continue;
                }
                $path = (string) preg_replace(['#\(\?P<id>\\\\d\+\)#', '#\(\?P<\w+>[^)]+\)#'], ['1', 'marketing'], $pattern);
                $request = new \WP_REST_Request('GET', $path);
                if ($pattern === '/' . Controller::NS . '/audit') {
                    $request->set_query_params(['format' => 'csv']);
                }
                $this->forget_caches();
                $body = (string) wp_json_encode(rest_get_server()->response_to_data(rest_do_request($request), true));
                self::assertStringNotContainsString(self::SECRET, $body, $path);
                $checked++;
            }
        }
        self::assertGreaterThan(20, $checked);
        self::assertStringNotContainsString(self::SECRET, (string) wp_json_encode($this->audit_rows()), 'nor written to the audit log');
    }

    /** A local receiver that answers every request with a redirect to the test site's webhook sink. */
    private function start_redirector(string $location, string $hits, string $address = '127.0.0.1'): int
    {
        $socket = stream_socket_server("tcp://{$address}:0");
        $port = (int) substr(strrchr((string) stream_socket_get_name($socket, false), ':'), 1);
        fclose($socket);
        $base = (string) tempnam(sys_get_temp_dir(), 'sophmate-redirect-');
        $router = $base . '.php';
        array_push($this->files, $base, $router);
        file_put_contents($router, sprintf(
            '<?php file_put_contents(%s, $_SERVER["REQUEST_URI"] . "\n", FILE_APPEND); header("Location: " . %s, true, 302); echo "moved";',
            var_export($hits, true),
            var_export($location, true)
        ));
        $pid = (int) shell_exec(sprintf('setsid %s -S %s:%d %s > /dev/null 2>&1 & echo $!', escapeshellarg(PHP_BINARY), $address, $port, escapeshellarg($router)));
        $this->servers[] = $pid;
        for ($i = 0; $i < 50 && @fsockopen($address, $port) === false; $i++) {
            usleep(100000);
        }
        return $port;
    }

    public function test_delivery_connects_to_the_address_that_was_checked_not_a_fresh_dns_answer(): void
    {
        // The receiver listens on 127.0.0.2 only; the system resolves localhost to 127.0.0.1 (or
        // ::1), the guard's resolver (the filter) says 127.0.0.2: only a request pinned to the
        // address the guard checked reaches the receiver. (localhost is allowed on the test site by
        // the development mu-plugin, and WP_HTTP_BLOCK_EXTERNAL lets only it and the site through.)
        $hits = (string) tempnam(sys_get_temp_dir(), 'sophmate-hits-');
        $this->files[] = $hits;
        $port = $this->start_redirector('http://127.0.0.1:1/', $hits, '127.0.0.2');
        $resolve = static fn ($ips, $host) => $host === 'localhost' ? ['127.0.0.2'] : $ips;
        add_filter('sophmate_safe_mode_webhook_addresses', $resolve, 10, 2);
        try {
            self::assertSame(200, $this->rest('PUT', '/notifications/settings', ['webhooks' => ["http://localhost:{$port}/pinned"]])->get_status());
            $this->rest('POST', '/notifications/test');
            do_action(Dispatcher::RETRY_HOOK);
        } finally {
            remove_filter('sophmate_safe_mode_webhook_addresses', $resolve, 10);
        }
        self::assertSame("/pinned\n", (string) file_get_contents($hits), 'the request went to the checked address: ' . wp_json_encode($this->db->get_results("SELECT status, last_error, target FROM {$this->services->schema->notifications_table()}")));
        $row = $this->db->get_row("SELECT * FROM {$this->services->schema->notifications_table()} WHERE channel = 'webhook'", ARRAY_A);
        self::assertStringContainsString('HTTP 302', (string) $row['last_error'], 'and its redirect was not followed');
    }

    public function test_delivery_follows_no_redirect(): void
    {
        $tag = 'redirected-' . wp_generate_password(8, false);
        $sink_log = (string) self::site()['log_dir'] . '/webhooks.jsonl';
        $hits = (string) tempnam(sys_get_temp_dir(), 'sophmate-hits-');
        $this->files[] = $hits;
        $port = $this->start_redirector(add_query_arg('tag', $tag, rest_url('sophmate-dev/v1/webhook-sink')), $hits);
        // 127.0.0.1 is allowed on the test site by the development mu-plugin's allow filter.
        self::assertSame(200, $this->rest('PUT', '/notifications/settings', ['webhooks' => ["http://127.0.0.1:{$port}/hook"]])->get_status());

        $response = $this->rest('POST', '/notifications/test');
        do_action(Dispatcher::RETRY_HOOK);

        self::assertSame("/hook\n", (string) file_get_contents($hits), 'the receiver was asked once');
        clearstatcache();
        self::assertStringNotContainsString($tag, (string) @file_get_contents($sink_log), 'the redirect was not followed');
        $rows = $this->db->get_results("SELECT * FROM {$this->services->schema->notifications_table()} WHERE channel = 'webhook'", ARRAY_A);
        self::assertCount(1, $rows, (string) wp_json_encode($this->data($response)));
        self::assertNotSame('sent', $rows[0]['status']);
        self::assertStringContainsString('HTTP 302', (string) $rows[0]['last_error']);
    }
}
