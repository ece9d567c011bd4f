<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration\Security;

use SophMate\SafeMode\Tests\integration\IntegrationTestCase;

/**
 * Over real HTTP against the test site's web server: a browser's login cookie alone cannot change
 * anything (cross-site request forgery), only together with a valid wp_rest nonce; scripts use
 * application passwords and need no nonce.
 */
final class CookieNonceAndApplicationPasswordTest extends IntegrationTestCase
{
    private static function url(string $path): string
    {
        return rtrim((string) self::site()['url'], '/') . $path;
    }

    private static function api(string $path): string
    {
        return self::url('/wp-json/sophmate-safe-mode/v1' . $path);
    }

    /** @return list<\WP_Http_Cookie> the admin's login cookies, from a real wp-login.php form post */
    private static function login_cookies(): array
    {
        $site = self::site();
        $response = wp_remote_post(self::url('/wp-login.php'), [
            'body' => ['log' => $site['admin_user'], 'pwd' => $site['admin_password'], 'testcookie' => '1', 'redirect_to' => self::url('/wp-admin/')],
            'cookies' => [new \WP_Http_Cookie(['name' => 'wordpress_test_cookie', 'value' => 'WP Cookie check'])],
            'redirection' => 0,
            'timeout' => 20,
        ]);
        self::assertFalse(is_wp_error($response));
        self::assertSame(302, wp_remote_retrieve_response_code($response), 'logged in');
        $cookies = array_values(array_filter(wp_remote_retrieve_cookies($response), static fn (\WP_Http_Cookie $c) => str_starts_with($c->name, 'wordpress_')));
        self::assertNotEmpty($cookies);
        return $cookies;
    }

    /** A wp_rest nonce for the logged-in cookie, as the admin app gets it. */
    private static function rest_nonce(array $cookies): string
    {
        $response = wp_remote_get(self::url('/wp-admin/admin-ajax.php?action=rest-nonce'), ['cookies' => $cookies, 'timeout' => 20]);
        $nonce = trim((string) wp_remote_retrieve_body($response));
        self::assertMatchesRegularExpression('/^[0-9a-f]{10}$/', $nonce, 'admin-ajax rest-nonce answered a nonce');
        return $nonce;
    }

    /**
     * @param array<string,string> $headers
     * @return array{int,array<string,mixed>}
     */
    private static function post(string $path, array $body, array $headers = [], array $cookies = []): array
    {
        $response = wp_remote_post(self::api($path), [
            'headers' => ['Content-Type' => 'application/json'] + $headers,
            'body' => (string) wp_json_encode($body),
            'cookies' => $cookies,
            'timeout' => 20,
        ]);
        self::assertFalse(is_wp_error($response), is_wp_error($response) ? $response->get_error_message() : '');
        $data = json_decode((string) wp_remote_retrieve_body($response), true);
        return [(int) wp_remote_retrieve_response_code($response), is_array($data) ? $data : []];
    }

    private function marketing_state(): string
    {
        $this->forget_caches();
        return (string) ($this->stored_switches()['categories']['marketing']['state'] ?? 'running');
    }

    public function test_a_login_cookie_without_a_valid_nonce_changes_nothing(): void
    {
        $cookies = self::login_cookies();

        [$status, $data] = self::post('/categories/marketing/pause', ['reason' => 'forged'], [], $cookies);
        self::assertSame(401, $status, 'a cookie without a nonce counts as nobody: ' . wp_json_encode($data));
        self::assertSame([], $this->audit_rows());

        [$status, $data] = self::post('/categories/marketing/pause', ['reason' => 'forged'], ['X-WP-Nonce' => 'deadbeef00'], $cookies);
        self::assertSame(403, $status);
        self::assertSame('rest_cookie_invalid_nonce', $data['code'] ?? null);

        [$status, $data] = self::post('/categories/marketing/pause?_wpnonce=0123456789', ['reason' => 'forged'], [], $cookies);
        self::assertSame(403, $status);
        self::assertSame('rest_cookie_invalid_nonce', $data['code'] ?? null);

        // A form post (what a forging page can send without CORS) is refused the same way.
        $form = wp_remote_post(self::api('/safe-mode'), ['body' => ['mode' => 'paused', 'reason' => 'forged'], 'cookies' => $cookies, 'timeout' => 20]);
        self::assertSame(401, wp_remote_retrieve_response_code($form));

        self::assertSame([], $this->audit_rows(), 'no refused request wrote anything');
        self::assertSame('running', $this->marketing_state());
    }

    public function test_the_same_cookie_with_its_wp_rest_nonce_pauses(): void
    {
        $cookies = self::login_cookies();
        [$status, $data] = self::post('/categories/marketing/pause', ['reason' => 'with nonce'], ['X-WP-Nonce' => self::rest_nonce($cookies)], $cookies);
        self::assertSame(200, $status, (string) wp_json_encode($data));
        self::assertSame('paused', $this->marketing_state());
        // The admin app's cookie is recorded as the admin source (RequestSource).
        self::assertSame('admin', $this->audit_rows()[0]['source']);
    }

    public function test_scripts_use_application_passwords_and_a_wrong_one_is_refused(): void
    {
        $site = self::site();
        $good = ['Authorization' => 'Basic ' . base64_encode($site['admin_user'] . ':' . $site['app_password'])];
        $bad = ['Authorization' => 'Basic ' . base64_encode($site['admin_user'] . ':wrongwrongwrongwrongwron')];

        [$status, $data] = self::post('/categories/marketing/pause', ['reason' => 'bad password'], $bad);
        self::assertSame(401, $status);
        self::assertContains($data['code'] ?? null, ['incorrect_password', 'rest_forbidden'], 'refused as nobody');
        self::assertSame([], $this->audit_rows());

        [$status, $data] = self::post('/categories/marketing/pause', ['reason' => 'from a script'], $good);
        self::assertSame(200, $status, (string) wp_json_encode($data));
        self::assertSame('paused', $this->marketing_state());

        $get = wp_remote_get(self::api('/audit'), ['headers' => $good, 'timeout' => 20]);
        self::assertSame(200, wp_remote_retrieve_response_code($get));
        self::assertSame('from a script', json_decode((string) wp_remote_retrieve_body($get), true)[0]['reason']);
    }
}
