<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\multisite;

use PHPUnit\Framework\TestCase;
use SophMate\SafeMode\Multisite\NetworkSafeModeStore;
use SophMate\SafeMode\Multisite\SiteContext;
use SophMate\SafeMode\Plugin;
use SophMate\SafeMode\Services;

/**
 * Runs on the main site of a real subdirectory multisite (bootstrap.php): site 1 and /site2/,
 * the plugin network-active. Each test starts with network safe mode off and both sites freshly
 * reset (nothing paused, empty history, built-in categories).
 */
abstract class MultisiteTestCase extends TestCase
{
    protected Services $services;
    protected \wpdb $db;
    protected int $site2;

    protected function setUp(): void
    {
        global $wpdb;
        $this->db = $wpdb;
        $this->services = Plugin::services();
        while (ms_is_switched()) {
            restore_current_blog();
        }
        wp_set_current_user(self::admin_id());
        $this->site2 = (int) get_site_by_path((string) get_network()->domain, '/site2/')->blog_id;
        self::assertGreaterThan(1, $this->site2, 'the harness created /site2/');
        $this->reset_network_safe_mode();
        require_once dirname(__DIR__) . '/fixtures/reset-plugin-state.php';
        foreach ([1, $this->site2] as $id) {
            $this->on_site($id, static function (): void {
                sophmate_tests_reset_plugin_state();
            });
        }
        $this->forget();
    }

    protected function tearDown(): void
    {
        while (ms_is_switched()) {
            restore_current_blog();
        }
        $this->forget();
        wp_set_current_user(self::admin_id());
    }

    /**
     * Runs $work with $blog_id switched in (and the plugin's per-request copies dropped).
     *
     * @template T
     * @param callable():T $work
     * @return T
     */
    protected function on_site(int $blog_id, callable $work)
    {
        $switched = SiteContext::enter($blog_id, $this->services);
        try {
            return $work();
        } finally {
            SiteContext::leave($switched, $this->services);
        }
    }

    /** What a new request would see. */
    protected function forget(): void
    {
        $this->services->switch_store->forget();
        $this->services->categories->forget();
        $this->services->providers->forget();
        $this->services->catalog->forget_categories();
        wp_cache_flush();
    }

    protected function reset_network_safe_mode(): void
    {
        $this->db->delete($this->db->sitemeta, ['meta_key' => NetworkSafeModeStore::OPTION]);
        wp_cache_flush();
    }

    /**
     * A REST request dispatched in-process on the current site, through the real server and permission checks.
     *
     * @param array<string,mixed> $body
     */
    protected function rest(string $method, string $path, array $body = []): \WP_REST_Response
    {
        $request = new \WP_REST_Request($method, '/sophmate-safe-mode/v1' . $path);
        if ($body !== []) {
            $request->set_header('Content-Type', 'application/json');
            $request->set_body((string) wp_json_encode($body));
        }
        $this->forget();
        return rest_do_request($request);
    }

    /** @return array<string,mixed> */
    protected function data(\WP_REST_Response $response): array
    {
        $data = rest_get_server()->response_to_data($response, false);
        return is_array($data) ? $data : [];
    }

    protected function assertError(\WP_REST_Response $response, int $status, string $code): void
    {
        $data = $this->data($response);
        self::assertSame($status, $response->get_status(), 'status; body: ' . wp_json_encode($data));
        self::assertSame($code, $data['code'] ?? null);
        self::assertNotEmpty($data['message'] ?? '');
    }

    /** @param array<string,mixed> $extra */
    protected function network_on(string $mode = 'paused', string $reason = 'Provider key leaked', array $extra = []): array
    {
        $response = $this->rest('PUT', '/network/safe-mode', ['mode' => $mode, 'reason' => $reason] + $extra);
        self::assertSame(200, $response->get_status(), (string) wp_json_encode($this->data($response)));
        $this->forget();
        return $this->data($response);
    }

    protected function network_off(): array
    {
        $response = $this->rest('PUT', '/network/safe-mode', ['mode' => 'off', 'acknowledged' => \SophMate\SafeMode\Domain\Switches\Acknowledgements::REQUIRED, 'note' => 'Keys rotated on every site']);
        self::assertSame(200, $response->get_status(), (string) wp_json_encode($this->data($response)));
        $this->forget();
        return $this->data($response);
    }

    /** @return list<array<string,mixed>> the audit rows of one site */
    protected function audit_rows(int $blog_id): array
    {
        return $this->on_site($blog_id, fn () => $this->db->get_results("SELECT * FROM {$this->services->schema->audit_table()} ORDER BY id", ARRAY_A) ?: []);
    }

    /**
     * Runs PHP in a fresh process booted as a request to one site of the network (e.g. "/site2/"):
     * what that site's next request would see, with nothing of this process' state. Returns what it printed.
     */
    protected function php_on_site(string $path, string $code): string
    {
        $site = self::site();
        $host = (string) parse_url((string) $site['url'], PHP_URL_HOST) . ':' . (string) parse_url((string) $site['url'], PHP_URL_PORT);
        $script = sprintf(
            'define("DISABLE_WP_CRON", true); $_SERVER["HTTP_HOST"] = %s; $_SERVER["REQUEST_URI"] = %s; $_SERVER["SERVER_NAME"] = "127.0.0.1"; require %s; %s',
            var_export($host, true),
            var_export($path, true),
            var_export(ABSPATH . 'wp-load.php', true),
            $code
        );
        $output = [];
        exec(escapeshellarg(PHP_BINARY) . ' -d display_errors=stderr -r ' . escapeshellarg($script) . ' 2>&1', $output);
        return implode("\n", $output);
    }

    protected static function admin_id(): int
    {
        $user = get_user_by('login', 'admin');
        return $user instanceof \WP_User ? (int) $user->ID : 1;
    }

    /** @return array<string,mixed> the network's site.json */
    protected static function site(): array
    {
        $data = json_decode((string) file_get_contents((string) getenv('SOPHMATE_TEST_SITE')), true);
        self::assertIsArray($data);
        return $data;
    }
}
