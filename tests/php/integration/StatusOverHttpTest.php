<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

/** The test site's real web server answers GET /status with the contract's shape for an application password. */
final class StatusOverHttpTest extends IntegrationTestCase
{
    public function test_status_answers_an_admin_with_an_application_password_in_the_contract_shape(): void
    {
        $site = self::site();
        $this->rest('POST', '/categories/marketing/pause', ['reason' => 'over http']);

        $response = wp_remote_get(rtrim((string) $site['url'], '/') . '/wp-json/sophmate-safe-mode/v1/status', [
            'headers' => ['Authorization' => 'Basic ' . base64_encode($site['admin_user'] . ':' . $site['app_password'])],
            'timeout' => 20,
        ]);

        self::assertFalse(is_wp_error($response), is_wp_error($response) ? $response->get_error_message() : '');
        self::assertSame(200, wp_remote_retrieve_response_code($response), (string) wp_remote_retrieve_body($response));
        $status = json_decode((string) wp_remote_retrieve_body($response), true);
        self::assertSame(['mode', 'reason', 'actor', 'source', 'since'], array_slice(array_keys($status['safe_mode']), 0, 5));
        self::assertSame(['active', 'mode', 'via'], array_slice(array_keys($status['emergency']), 0, 3));
        foreach ($status['categories'] as $category) {
            foreach (['slug', 'label', 'owner', 'state', 'paused', 'effective'] as $key) {
                self::assertArrayHasKey($key, $category);
            }
            self::assertContains($category['state'], ['running', 'paused', 'trial']);
            self::assertContains($category['effective'], ['run', 'read_only', 'blocked']);
        }
        $marketing = array_values(array_filter($status['categories'], static fn ($c) => $c['slug'] === 'marketing'))[0];
        self::assertSame('paused', $marketing['state']);
        self::assertIsArray($status['automations']);
    }

    public function test_a_pause_made_with_an_application_password_is_audited_as_coming_from_rest(): void
    {
        $site = self::site();
        $response = wp_remote_post(rtrim((string) $site['url'], '/') . '/wp-json/sophmate-safe-mode/v1/categories/support/pause', [
            'headers' => [
                'Authorization' => 'Basic ' . base64_encode($site['admin_user'] . ':' . $site['app_password']),
                'Content-Type' => 'application/json',
            ],
            'body' => (string) wp_json_encode(['reason' => 'scripted pause']),
            'timeout' => 20,
        ]);
        self::assertSame(200, wp_remote_retrieve_response_code($response), (string) wp_remote_retrieve_body($response));
        $rows = $this->audit_rows();
        self::assertCount(1, $rows);
        self::assertSame(['category:support', 'rest', 'admin'], [$rows[0]['scope'], $rows[0]['source'], $rows[0]['actor_login']]);
    }

    public function test_status_refuses_a_request_without_credentials(): void
    {
        $site = self::site();
        $response = wp_remote_get(rtrim((string) $site['url'], '/') . '/wp-json/sophmate-safe-mode/v1/status', ['timeout' => 20]);
        self::assertSame(401, wp_remote_retrieve_response_code($response));
        self::assertSame('rest_forbidden', json_decode((string) wp_remote_retrieve_body($response), true)['code']);
    }
}
