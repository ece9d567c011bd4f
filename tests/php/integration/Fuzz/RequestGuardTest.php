<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration\Fuzz;

use SophMate\SafeMode\Tests\integration\IntegrationTestCase;

require_once dirname(__DIR__) . '/IntegrationTestCase.php';

/**
 * What the fuzz test found, pinned: requests core would turn into a PHP warning, a 500 or an action
 * on another scope than the URL names get a 400 with a sophmate_ code instead (RequestGuard).
 */
final class RequestGuardTest extends IntegrationTestCase
{
    public function test_a_json_body_that_is_not_an_object_is_refused_without_a_warning(): void
    {
        foreach (['"marketing"', '5', '[1,2]', 'true'] as $body) {
            $request = new \WP_REST_Request('POST', '/sophmate-safe-mode/v1/categories/marketing/pause');
            $request->set_header('Content-Type', 'application/json');
            $request->set_body($body);
            $warnings = [];
            set_error_handler(static function (int $errno, string $message) use (&$warnings): bool {
                $warnings[] = $message;
                return true;
            });
            try {
                $response = rest_do_request($request);
                $response = is_wp_error($response) ? rest_convert_error_to_response($response) : $response;
            } finally {
                restore_error_handler();
            }
            $this->assertError($response, 400, 'sophmate_invalid_body');
            self::assertSame([], $warnings, $body);
        }
        self::assertSame([], $this->audit_rows());
    }

    public function test_a_query_or_body_id_that_contradicts_the_url_is_refused_and_pauses_nothing(): void
    {
        $this->assertError($this->rest('POST', '/categories/marketing/pause', ['reason' => 'x'], ['id' => 'content']), 400, 'sophmate_conflicting_param');
        $this->assertError($this->rest('POST', '/categories/marketing/pause', ['reason' => 'x', 'id' => 'content']), 400, 'sophmate_conflicting_param');
        self::assertSame([], $this->audit_rows());
        self::assertSame('running', $this->stored_switches()['categories']['content']['state'] ?? 'running');

        $response = $this->rest('POST', '/categories/marketing/pause', ['reason' => 'x', 'id' => 'marketing']);
        self::assertSame(200, $response->get_status(), 'the same id again is fine');
        self::assertSame('category:marketing', $this->audit_rows()[0]['scope']);
    }

    public function test_a_field_given_in_the_query_and_the_body_with_different_values_is_refused(): void
    {
        $warnings = [];
        set_error_handler(static function (int $errno, string $message) use (&$warnings): bool {
            $warnings[] = $message;
            return true;
        });
        try {
            // Core validates only the body's slug but sanitizes the query's array too: (string) on an array.
            $response = $this->rest('POST', '/categories', ['slug' => 'fuzzed', 'label' => 'Fuzzed'], ['slug' => ['x']]);
        } finally {
            restore_error_handler();
        }
        $this->assertError($response, 400, 'sophmate_conflicting_param');
        self::assertSame([], $warnings);
        self::assertFalse($this->services->catalog->has_category('fuzzed'));
        self::assertSame(201, $this->rest('POST', '/categories', ['slug' => 'fuzzed', 'label' => 'Fuzzed'], ['slug' => 'fuzzed'])->get_status(), 'the same value twice is fine');
    }

    /**
     * Core calls every handler's permission callback for the Allow header after answering, with the
     * params as sent, even when they failed validation: those callbacks must not choke on them.
     */
    public function test_permission_callbacks_run_for_the_allow_header_see_no_warning(): void
    {
        wp_set_current_user($this->user_with_role('subscriber'));
        $cases = [
            ['PUT', '/safe-mode', ['mode' => ['paused']]],
            ['POST', '/categories/content/reviews', ['note' => 'x', 'slug' => ['content']]],
            ['POST', '/categories/content/pause', ['reason' => 'x', 'id' => ['content']]],
            // An OPTIONS request is answered before any argument is validated (found by a fuzz seed).
            ['OPTIONS', '/categories/commerce/promote', ['id' => ['http://127.0.0.1:1/']]],
            ['OPTIONS', '/categories/content/reviews', ['slug' => ['content']]],
        ];
        foreach ($cases as [$method, $path, $body]) {
            $request = new \WP_REST_Request($method, '/sophmate-safe-mode/v1' . $path);
            $request->set_header('Content-Type', 'application/json');
            $request->set_body((string) wp_json_encode($body));
            $warnings = [];
            set_error_handler(static function (int $errno, string $message, string $file, int $line) use (&$warnings): bool {
                $warnings[] = "{$message} in {$file}:{$line}";
                return true;
            });
            try {
                $response = rest_do_request($request);
                $response = is_wp_error($response) ? rest_convert_error_to_response($response) : $response;
                $response = apply_filters('rest_post_dispatch', $response, rest_get_server(), $request);
            } finally {
                restore_error_handler();
            }
            self::assertSame([], $warnings, $method . ' ' . $path);
            if ($method !== 'OPTIONS') {
                self::assertGreaterThanOrEqual(400, $response->get_status());
            }
        }
    }

    public function test_over_http_too_many_form_fields_and_an_array_method_override_get_a_4xx_and_log_nothing(): void
    {
        $site = self::site();
        $log = rtrim((string) $site['log_dir'], '/') . '/debug.log';
        clearstatcache(true, $log);
        $size = is_file($log) ? (int) filesize($log) : 0;
        $auth = 'Basic ' . base64_encode($site['admin_user'] . ':' . $site['app_password']);
        $base = rtrim((string) $site['url'], '/') . '/wp-json/sophmate-safe-mode/v1';

        $many = wp_remote_request($base . '/categories/marketing', [
            'method' => 'PATCH',
            'headers' => ['Authorization' => $auth, 'Content-Type' => 'application/x-www-form-urlencoded'],
            'body' => str_repeat('label=x&', 1500),
            'timeout' => 20,
        ]);
        self::assertSame(400, wp_remote_retrieve_response_code($many), (string) wp_remote_retrieve_body($many));
        self::assertSame('sophmate_too_many_params', json_decode((string) wp_remote_retrieve_body($many), true)['code'] ?? null);
        // Refused by authentication before dispatch (a nonce without a cookie), then _fields reads the params.
        $refused = wp_remote_request($base . '/categories/marketing?_fields=code', [
            'method' => 'PATCH',
            'headers' => ['X-WP-Nonce' => 'abc', 'Content-Type' => 'application/x-www-form-urlencoded'],
            'body' => str_repeat('label=x&', 1500),
            'timeout' => 20,
        ]);
        self::assertSame(403, wp_remote_retrieve_response_code($refused), (string) wp_remote_retrieve_body($refused));

        foreach (['/categories/ghost/pause', ''] as $route) {
            $override = wp_remote_post($base . $route . '?_method[]=PUT', [
                'headers' => ['Authorization' => $auth, 'Content-Type' => 'application/json'],
                'body' => '{"reason":"x"}',
                'timeout' => 20,
            ]);
            $status = (int) wp_remote_retrieve_response_code($override);
            self::assertTrue($status >= 400 && $status < 500, $route . ': ' . $status . ' ' . wp_remote_retrieve_body($override));
        }

        clearstatcache(true, $log);
        $grown = is_file($log) ? (string) file_get_contents($log, false, null, $size) : '';
        self::assertDoesNotMatchRegularExpression('/PHP (Warning|Notice|Fatal)/', $grown);
        self::assertSame([], $this->audit_rows());
    }
}
