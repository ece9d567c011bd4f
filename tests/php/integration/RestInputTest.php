<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

/** Bad input gets a 4xx with a sophmate_ code and a message, never a 500 or a PHP notice. */
final class RestInputTest extends IntegrationTestCase
{
    /** @return iterable<string,array{string,string,array<string,mixed>,int,string}> */
    public static function bad_requests(): iterable
    {
        yield 'empty reason' => ['POST', '/categories/marketing/pause', ['reason' => '   '], 400, 'sophmate_invalid_reason'];
        yield 'missing reason' => ['POST', '/categories/marketing/pause', ['incident_url' => 'https://x.example'], 400, 'sophmate_missing_param'];
        yield 'reason over 500 characters' => ['POST', '/categories/marketing/pause', ['reason' => str_repeat('a', 501)], 400, 'sophmate_invalid_reason'];
        yield 'reason not text' => ['POST', '/categories/marketing/pause', ['reason' => ['a']], 400, 'sophmate_invalid_param'];
        yield 'incident link not http' => ['POST', '/categories/marketing/pause', ['reason' => 'x', 'incident_url' => 'javascript:alert(1)'], 400, 'sophmate_invalid_incident_url'];
        yield 'unknown category' => ['POST', '/categories/ghosts/pause', ['reason' => 'x'], 404, 'sophmate_unknown_category'];
        yield 'malformed category' => ['POST', '/categories/Mark%20eting/pause', ['reason' => 'x'], 400, 'sophmate_invalid_category'];
        yield 'unknown automation' => ['POST', '/automations/ghost/pause', ['reason' => 'x'], 404, 'sophmate_unknown_automation'];
        yield 'restart of a running category' => ['POST', '/categories/content/restart', ['acknowledged' => ['run_history']], 409, 'sophmate_not_paused'];
        yield 'promote outside a trial' => ['POST', '/categories/content/promote', [], 409, 'sophmate_not_in_trial'];
        yield 'safe mode on without reason' => ['PUT', '/safe-mode', ['mode' => 'paused'], 400, 'sophmate_invalid_reason'];
        yield 'unknown safe mode' => ['PUT', '/safe-mode', ['mode' => 'sleep', 'reason' => 'x'], 400, 'sophmate_invalid_mode'];
        yield 'invalid policy value' => ['PATCH', '/categories/marketing', ['policy' => ['queued' => 'drop']], 400, 'sophmate_invalid_param'];
        yield 'unknown policy field' => ['PATCH', '/categories/marketing', ['policy' => ['paused_jobs' => 'hold']], 400, 'sophmate_invalid_policy'];
        yield 'duplicate category' => ['POST', '/categories', ['slug' => 'marketing', 'label' => 'Again'], 409, 'sophmate_category_exists'];
        yield 'bad run filter' => ['GET', '/runs', [], 400, 'sophmate_invalid_param'];
        yield 'webhook to a cloud metadata service' => ['PATCH', '/categories/marketing', ['notify' => ['emails' => [], 'webhooks' => ['http://169.254.169.254/latest/meta-data']]], 400, 'sophmate_invalid_notify'];
    }

    /**
     * @dataProvider bad_requests
     * @param array<string,mixed> $body
     */
    public function test_bad_input_is_refused_with_a_sophmate_code(string $method, string $path, array $body, int $status, string $code): void
    {
        $query = $path === '/runs' ? ['status' => 'exploded'] : [];
        $this->assertError($this->rest($method, urldecode($path), $body, $query), $status, $code);
        self::assertSame([], $this->audit_rows(), 'a refused request writes no audit event');
    }

    public function test_history_filters_name_the_bad_field(): void
    {
        foreach (['/runs' => 'since', '/audit' => 'until'] as $route => $field) {
            $response = $this->rest('GET', $route, [], [$field => 'last tuesday-ish']);
            $this->assertError($response, 400, 'sophmate_invalid_time');
            self::assertStringContainsString($field, $this->data($response)['message']);
        }
        $response = $this->rest('GET', '/runs', [], ['per_page' => 500]);
        $this->assertError($response, 400, 'sophmate_invalid_param');
        self::assertArrayHasKey('per_page', $this->data($response)['data']['params']);
    }

    public function test_a_restart_missing_acknowledgements_names_them(): void
    {
        $this->rest('POST', '/categories/marketing/pause', ['reason' => 'x']);
        $response = $this->rest('POST', '/categories/marketing/restart', ['acknowledged' => ['run_history', 'failed_steps', 'audit_records']]);
        $this->assertError($response, 422, 'sophmate_review_incomplete');
        self::assertSame(['pending_approvals', 'provider_status', 'affected_records'], $this->data($response)['data']['missing']);
        self::assertSame('paused', $this->stored_switches()['categories']['marketing']['state']);
    }

    public function test_markup_in_a_reason_is_stored_verbatim_and_returned_as_data(): void
    {
        $this->rest('POST', '/categories/marketing/pause', ['reason' => '<img src=x onerror=alert(1)> broke']);
        self::assertSame('<img src=x onerror=alert(1)> broke', $this->stored_switches()['categories']['marketing']['reason']);
        self::assertSame('<img src=x onerror=alert(1)> broke', $this->audit_rows()[0]['reason']);
    }

    public function test_a_subscriber_may_not_pause_and_a_visitor_must_log_in(): void
    {
        wp_set_current_user($this->user_with_role('subscriber'));
        $this->assertError($this->rest('POST', '/categories/marketing/pause', ['reason' => 'x']), 403, 'rest_forbidden');
        $this->assertError($this->rest('GET', '/status'), 403, 'rest_forbidden');
        wp_set_current_user(0);
        $this->assertError($this->rest('GET', '/status'), 401, 'rest_forbidden');
        self::assertSame([], $this->audit_rows());
    }

    public function test_a_pauser_may_make_safe_mode_stricter_but_never_looser(): void
    {
        $pauser = $this->user_with_role('editor');
        get_user_by('id', $pauser)->add_cap('sophmate_pause_automation');
        wp_set_current_user($pauser);
        self::assertSame(200, $this->rest('PUT', '/safe-mode', ['mode' => 'read_only', 'reason' => 'spend spike'])->get_status());
        self::assertSame(200, $this->rest('PUT', '/safe-mode', ['mode' => 'paused', 'reason' => 'worse'])->get_status());
        $this->assertError($this->rest('PUT', '/safe-mode', ['mode' => 'read_only', 'reason' => 'better now']), 403, 'rest_forbidden');
        $this->assertError($this->rest('PUT', '/safe-mode', ['mode' => 'off', 'acknowledged' => \SophMate\SafeMode\Domain\Switches\Acknowledgements::REQUIRED]), 403, 'rest_forbidden');
        $this->assertError($this->rest('POST', '/categories/marketing/restart', ['acknowledged' => \SophMate\SafeMode\Domain\Switches\Acknowledgements::REQUIRED]), 403, 'rest_forbidden');
    }

    public function test_the_owner_of_a_category_may_pause_it_without_any_capability(): void
    {
        $owner = $this->user_with_role('subscriber');
        $this->rest('PATCH', '/categories/support', ['owner_id' => $owner]);
        wp_set_current_user($owner);
        self::assertSame(200, $this->rest('POST', '/categories/support/pause', ['reason' => 'mine'])->get_status());
        $this->assertError($this->rest('POST', '/categories/marketing/pause', ['reason' => 'not mine']), 403, 'rest_forbidden');
    }
}
