<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use PHPUnit\Framework\TestCase;
use SophMate\SafeMode\Plugin;
use SophMate\SafeMode\Services;
use SophMate\SafeMode\Storage\OptionSwitchStateStore;

/**
 * Runs against the real WordPress and MariaDB of the test site (loaded by bootstrap.php). Each test
 * starts from a freshly activated plugin: empty history, nothing paused, built-in categories.
 */
abstract class IntegrationTestCase extends TestCase
{
    protected Services $services;
    protected \wpdb $db;

    protected function setUp(): void
    {
        global $wpdb;
        $this->db = $wpdb;
        $this->services = Plugin::services();
        wp_set_current_user(self::admin_id());
        require_once dirname(__DIR__) . '/fixtures/reset-plugin-state.php';
        sophmate_tests_reset_plugin_state();
    }

    protected function tearDown(): void
    {
        wp_set_current_user(self::admin_id());
    }

    /** What a new request would see: no per-request copies of state. */
    protected function forget_caches(): void
    {
        $this->services->switch_store->forget();
        $this->services->categories->forget();
        $this->services->catalog->forget_categories();
        wp_cache_flush();
    }

    protected static function admin_id(): int
    {
        $user = get_user_by('login', 'admin');
        return $user instanceof \WP_User ? (int) $user->ID : 1;
    }

    protected function user_with_role(string $role): int
    {
        $login = 'test_' . $role . '_' . wp_generate_password(6, false);
        $id = wp_insert_user(['user_login' => $login, 'user_pass' => wp_generate_password(), 'role' => $role, 'user_email' => $login . '@example.test']);
        self::assertIsInt($id);
        return $id;
    }

    /**
     * Dispatches a REST request in-process, through the real REST server, routes and permission checks.
     *
     * @param array<string,mixed> $body
     */
    protected function rest(string $method, string $path, array $body = [], array $query = []): \WP_REST_Response
    {
        $request = new \WP_REST_Request($method, '/sophmate-safe-mode/v1' . $path);
        if ($body !== []) {
            $request->set_header('Content-Type', 'application/json');
            $request->set_body((string) wp_json_encode($body));
        }
        if ($query !== []) {
            $request->set_query_params($query);
        }
        $this->forget_caches();
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
        self::assertNotEmpty($data['message'] ?? '', 'error has a message');
    }

    /** @return list<array<string,mixed>> */
    protected function audit_rows(): array
    {
        return $this->db->get_results("SELECT * FROM {$this->services->schema->audit_table()} ORDER BY id", ARRAY_A) ?: [];
    }

    /** The switch option exactly as stored in the database. */
    protected function stored_switches(): array
    {
        $raw = $this->db->get_var($this->db->prepare("SELECT option_value FROM {$this->db->options} WHERE option_name = %s", OptionSwitchStateStore::OPTION));
        $data = json_decode((string) $raw, true);
        return is_array($data) ? $data : [];
    }

    /**
     * Runs PHP in a fresh process that loads this same WordPress: for what one process cannot
     * undo (constants) or survive (fatal errors). Returns what it printed.
     *
     * @param array<string,string> $defines constants defined before WordPress loads
     */
    protected function php_in_site(string $code, array $defines = [], ?int &$exit_code = null): string
    {
        $prelude = '';
        foreach ($defines as $name => $value) {
            $prelude .= sprintf('define(%s, %s);', var_export($name, true), var_export($value, true));
        }
        $host = (string) parse_url(home_url(), PHP_URL_HOST) . (parse_url(home_url(), PHP_URL_PORT) ? ':' . parse_url(home_url(), PHP_URL_PORT) : '');
        $script = sprintf(
            '%s $_SERVER["HTTP_HOST"] = %s; require %s; wp_set_current_user(%d); %s',
            $prelude,
            var_export($host, true),
            var_export(ABSPATH . 'wp-load.php', true),
            self::admin_id(),
            $code
        );
        $output = [];
        exec(escapeshellarg(PHP_BINARY) . ' -d display_errors=stderr -r ' . escapeshellarg($script) . ' 2>&1', $output, $exit_code);
        return implode("\n", $output);
    }

    /** @return array<string,mixed> the test site's site.json */
    protected static function site(): array
    {
        $path = (string) getenv('SOPHMATE_TEST_SITE');
        $data = json_decode((string) @file_get_contents($path), true);
        if (!is_array($data)) {
            self::fail('SOPHMATE_TEST_SITE does not point at a site.json: run the suite through npm test.');
        }
        return $data;
    }
}
