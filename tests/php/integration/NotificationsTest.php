<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\Acknowledgements;
use SophMate\SafeMode\Domain\Switches\Source;
use SophMate\SafeMode\Notifications\Dispatcher;
use SophMate\SafeMode\Notifications\NotificationsCommand;
use SophMate\SafeMode\Notifications\NotificationsModule;

require_once __DIR__ . '/Support/wp-cli-double.php';

/**
 * Notifications: who hears of a pause, trip, restart, promotion, safe mode, failed drill and
 * escalation, what the captured mail and the webhook body say, retries with backoff, and that a
 * notification problem never blocks a pause.
 */
final class NotificationsTest extends IntegrationTestCase
{
    private const SECRET = 'notify-secret-0123456789';

    /** @var list<array<string,mixed>> */
    private array $mails = [];
    private int $webhook_offset = 0;
    private int $backup_id = 0;

    protected function setUp(): void
    {
        parent::setUp();
        delete_option('sophmate_dev_webhook_fail');
        sophmate_safe_mode_register_automation('notify-refunds', ['label' => 'Refund bot', 'kind' => 'workflow', 'category' => 'commerce', 'owner' => 'admin']);
        $this->backup_id = $this->user_with_role('editor');
        add_filter('wp_mail', [$this, 'capture_mail']);
        clearstatcache();
        $this->webhook_offset = is_file($this->webhook_log()) ? (int) filesize($this->webhook_log()) : 0;
    }

    protected function tearDown(): void
    {
        remove_filter('wp_mail', [$this, 'capture_mail']);
        delete_option('sophmate_dev_webhook_fail');
        parent::tearDown();
    }

    /** @param array<string,mixed> $atts */
    public function capture_mail(array $atts): array
    {
        $this->mails[] = $atts;
        return $atts;
    }

    private function webhook_log(): string
    {
        return (string) self::site()['log_dir'] . '/webhooks.jsonl';
    }

    private static function sink(string $tag = 'ops'): string
    {
        return add_query_arg('tag', $tag, rest_url('sophmate-dev/v1/webhook-sink'));
    }

    /** @return list<array{time:string,headers:array<string,string>,body:string}> webhook POSTs the sink received during this test */
    private function webhooks(): array
    {
        clearstatcache();
        $raw = (string) @file_get_contents($this->webhook_log(), false, null, $this->webhook_offset);
        $lines = array_filter(explode("\n", $raw), static fn (string $l) => trim($l) !== '');
        return array_values(array_map(static fn (string $l) => json_decode($l, true), $lines));
    }

    /** What shutdown does at the end of a real request (and the retry job later). */
    private function deliver(): void
    {
        do_action(Dispatcher::RETRY_HOOK);
    }

    /** @return list<array<string,mixed>> */
    private function outbox(): array
    {
        return $this->db->get_results("SELECT * FROM {$this->services->schema->notifications_table()} ORDER BY id", ARRAY_A) ?: [];
    }

    private function configure_commerce(): void
    {
        $response = $this->rest('PATCH', '/categories/commerce', [
            'owner_id' => self::admin_id(),
            'backup_owner_id' => $this->backup_id,
            'notify' => ['emails' => ['oncall@example.test'], 'webhooks' => [self::sink('commerce')]],
        ]);
        self::assertSame(200, $response->get_status(), (string) wp_json_encode($this->data($response)));
    }

    private function failed_run(): int
    {
        $run = sophmate_safe_mode_start_run('notify-refunds', ['trigger' => 'cron']);
        self::assertTrue($run->is_allowed());
        $run->step('issue refund');
        $run->fail('Gateway answered 402: refund already issued');
        $this->forget_caches();
        return $run->id();
    }

    public function test_a_pause_by_an_admin_mails_every_responsible_person_and_posts_one_signed_webhook_with_the_whole_story(): void
    {
        $this->configure_commerce();
        self::assertSame(200, $this->rest('PUT', '/notifications/settings', ['webhook_secret' => self::SECRET])->get_status());
        $run_id = $this->failed_run();

        $response = $this->rest('POST', '/categories/commerce/pause', ['reason' => 'Refunds issued twice', 'incident_url' => 'https://tracker.example/INC-42']);
        self::assertSame(200, $response->get_status());
        $this->deliver();

        $admin = get_userdata(self::admin_id());
        $review_url = 'page=sophmate-safe-mode&view=review&scope=category%3Acommerce';
        $to = array_map(static fn (array $m): string => implode(',', (array) $m['to']), $this->mails);
        sort($to);
        $expected = [(string) $admin->user_email, (string) get_userdata($this->backup_id)->user_email, 'oncall@example.test'];
        sort($expected);
        self::assertSame($expected, $to, 'one mail per recipient: owner, backup owner, category target');
        foreach ($this->mails as $mail) {
            self::assertStringContainsString('Paused: category:commerce', $mail['subject']);
            $text = (string) $mail['message'];
            self::assertStringContainsString('Category "Commerce" (category:commerce) was paused.', $text, 'what happened');
            self::assertStringContainsString(sprintf('Who: %s', $admin->display_name), $text, 'who');
            self::assertStringContainsString('Why: Refunds issued twice', $text, 'why');
            self::assertStringContainsString('Current state: category:commerce is paused; effective: blocked', $text, 'state now');
            self::assertStringContainsString(sprintf("Last failed run: #%d of notify-refunds (category commerce)", $run_id), $text);
            self::assertStringContainsString("failed at step 'issue refund'", $text);
            self::assertStringContainsString('Error: Gateway answered 402: refund already issued', $text);
            self::assertStringContainsString('view=run&id=' . $run_id, $text);
            self::assertStringContainsString('Incident: https://tracker.example/INC-42', $text);
            self::assertStringContainsString($review_url, $text, 'deep link to the review');
        }

        $hooks = $this->webhooks();
        self::assertCount(1, $hooks, 'one POST to the category webhook');
        $body = $hooks[0]['body'];
        $payload = json_decode($body, true);
        self::assertSame('pause', $payload['event']);
        self::assertSame('category:commerce', $payload['scope']);
        self::assertStringContainsString('Why: Refunds issued twice', $payload['text'], 'Slack-compatible text');
        self::assertSame(['state' => 'paused', 'effective' => 'blocked'], array_intersect_key($payload['state'], ['state' => 1, 'effective' => 1]));
        self::assertSame('admin', $payload['actor']['login']);
        self::assertSame('Refunds issued twice', $payload['reason']);
        self::assertSame($run_id, $payload['last_failed_run']['id']);
        self::assertSame('issue refund', $payload['last_failed_run']['failed_step']);
        self::assertSame('Gateway answered 402: refund already issued', $payload['last_failed_run']['error']);
        self::assertStringContainsString($review_url, $payload['review_url']);
        self::assertSame(home_url('/'), $payload['site']['url']);
        self::assertMatchesRegularExpression('/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/', $payload['sent_at']);
        self::assertSame('sha256=' . hash_hmac('sha256', $body, self::SECRET), $hooks[0]['headers']['x_sophmate_signature'] ?? null, 'HMAC of the raw body');
        self::assertSame('pause', $hooks[0]['headers']['x_sophmate_event'] ?? null);

        $rows = $this->outbox();
        self::assertCount(4, $rows);
        self::assertSame(['sent'], array_values(array_unique(array_column($rows, 'status'))));

        // Idempotent pause: nothing changed, nobody is told again.
        $this->rest('POST', '/categories/commerce/pause', ['reason' => 'Again']);
        self::assertCount(4, $this->outbox());
    }

    public function test_drill_pauses_notify_nobody_and_a_breaker_trip_sends_one_message_not_two(): void
    {
        $this->configure_commerce();
        $this->services->switches->pause(Scope::category('commerce'), 'Drill pause', new Actor(self::admin_id(), 'admin', 'admin'), Source::Drill);
        $this->forget_caches();
        $this->services->switches->restart(Scope::category('commerce'), Acknowledgements::REQUIRED, 'Drill restore', ['max_runs' => 1], new Actor(self::admin_id(), 'admin', 'admin'), Source::Drill);
        self::assertSame([], $this->outbox(), 'a drill is not an incident');

        $this->forget_caches();
        $this->rest('PATCH', '/categories/commerce', ['notify' => ['emails' => [], 'webhooks' => []]]);
        $this->forget_caches();
        $this->services->switches->pause(Scope::category('commerce'), 'Breaker: 5 failed runs in 10 minutes', Actor::system('breaker'), Source::Breaker);
        $this->deliver();
        $events = array_values(array_unique(array_column($this->outbox(), 'event')));
        self::assertSame(['trip'], $events, 'the trip message only, not a pause message too');
        self::assertCount(2, $this->mails, 'owner and backup owner, once each');
        self::assertStringContainsString('Who: the circuit breaker (automatic)', $this->mails[0]['message']);
        self::assertStringContainsString('Paused by a circuit breaker', $this->mails[0]['subject']);
    }

    public function test_restart_and_promote_notify_with_the_trial_scope(): void
    {
        $this->configure_commerce();
        $this->rest('POST', '/categories/commerce/pause', ['reason' => 'Refunds issued twice']);
        $restart = $this->rest('POST', '/categories/commerce/restart', ['acknowledged' => Acknowledgements::REQUIRED, 'note' => 'Idempotency key added', 'scope' => ['max_runs' => 2, 'read_only' => true]]);
        self::assertSame(200, $restart->get_status(), (string) wp_json_encode($this->data($restart)));
        $this->forget_caches();
        sophmate_safe_mode_start_run('notify-refunds')->succeed();
        self::assertSame(200, $this->rest('POST', '/categories/commerce/promote')->get_status());
        $this->deliver();

        $subjects = array_values(array_unique(array_map(static fn (array $m): string => (string) $m['subject'], $this->mails)));
        self::assertCount(3, $subjects);
        self::assertStringContainsString('Restarted in trial: category:commerce - Idempotency key added', $subjects[1]);
        self::assertStringContainsString('Promoted to running: category:commerce', $subjects[2]);
        $restart_mail = array_values(array_filter($this->mails, static fn (array $m): bool => str_contains($m['subject'], 'Restarted')))[0];
        self::assertStringContainsString('Trial scope: at most 2 run(s), every automation in scope, read-only.', $restart_mail['message']);
        self::assertStringContainsString('is trial; effective: read_only', $restart_mail['message']);
        self::assertSame(['pause', 'restart', 'promote'], array_values(array_unique(array_column($this->outbox(), 'event'))));
    }

    public function test_safe_mode_on_and_off_tells_the_administrators(): void
    {
        self::assertSame(200, $this->rest('PUT', '/safe-mode', ['mode' => 'read_only', 'reason' => 'Checking writes'])->get_status());
        $this->deliver();
        $admins = array_map('strtolower', [(string) get_option('admin_email'), ...array_map(static fn (\WP_User $u): string => $u->user_email, get_users(['role' => 'administrator']))]);
        $to = array_map(static fn (array $m): string => strtolower(implode(',', (array) $m['to'])), $this->mails);
        sort($to);
        $admins = array_values(array_unique($admins));
        sort($admins);
        self::assertSame($admins, $to, 'the admin email and every administrator, once each');
        self::assertStringContainsString('Safe mode read_only: global', $this->mails[0]['subject']);
        self::assertStringContainsString('Current state: global is read_only; effective: read_only', $this->mails[0]['message']);
        self::assertSame(['safe_mode'], array_values(array_unique(array_column($this->outbox(), 'event'))));

        $this->mails = [];
        $off = $this->rest('PUT', '/safe-mode', ['mode' => 'off', 'acknowledged' => Acknowledgements::REQUIRED, 'note' => 'Writes verified']);
        self::assertSame(200, $off->get_status(), (string) wp_json_encode($this->data($off)));
        $this->deliver();
        self::assertCount(count($admins), $this->mails);
        self::assertStringContainsString('Safe mode off: global - Writes verified', $this->mails[0]['subject']);
        self::assertStringContainsString('Safe mode was turned off for the whole site.', $this->mails[0]['message']);
        self::assertStringContainsString('Safe mode went from "read_only" to "off".', $this->mails[0]['message']);
    }

    public function test_a_failing_webhook_is_retried_with_backoff_until_it_gives_up_and_can_be_retried_by_hand(): void
    {
        $this->rest('PUT', '/notifications/settings', ['webhooks' => [self::sink('flaky')]]);
        update_option('sophmate_dev_webhook_fail', 1);
        $this->rest('POST', '/categories/support/pause', ['reason' => 'Wrong answers']);
        $this->deliver();

        $list = $this->rest('GET', '/notifications', [], ['channel' => 'webhook']);
        self::assertSame('1', (string) $list->get_headers()['X-WP-Total']);
        $item = $this->data($list)[0];
        self::assertSame('retrying', $item['status']);
        self::assertSame(1, $item['attempts']);
        self::assertSame('HTTP 500: Webhook sink told to fail.', $item['last_error']);
        $next = strtotime((string) $item['next_attempt_at']);
        self::assertEqualsWithDelta(time() + 60, $next, 10, 'first retry after 1 minute');
        self::assertNotFalse(wp_next_scheduled(Dispatcher::RETRY_HOOK), 'the retry job is scheduled');

        $this->deliver();
        self::assertSame(1, (int) $this->row($item['id'])['attempts'], 'not due yet: not tried again');

        $table = $this->services->schema->notifications_table();
        $delays = [];
        for ($attempt = 2; $attempt <= 6; $attempt++) {
            $this->db->query($this->db->prepare("UPDATE {$table} SET next_attempt_at = %s WHERE id = %d", gmdate('Y-m-d H:i:s', time() - 1), $item['id']));
            $this->deliver();
            $row = $this->row($item['id']);
            self::assertSame($attempt, (int) $row['attempts']);
            $delays[] = $row['next_attempt_at'] === null ? null : (int) round((strtotime($row['next_attempt_at'] . ' UTC') - time()) / 60);
        }
        self::assertSame([5, 15, 60, 240, null], $delays, 'backoff 5, 15, 60, 240 minutes, then it gives up');
        self::assertSame('failed', $this->row($item['id'])['status']);
        $failed = $this->data($this->rest('GET', '/notifications', [], ['status' => 'failed']));
        self::assertCount(1, $failed);
        self::assertStringContainsString('HTTP 500', (string) $failed[0]['last_error']);

        delete_option('sophmate_dev_webhook_fail');
        $retry = $this->rest('POST', '/notifications/' . $item['id'] . '/retry');
        self::assertSame(200, $retry->get_status());
        self::assertSame('sent', $this->data($retry)['status']);
        self::assertSame(7, $this->data($retry)['attempts']);
        self::assertNull($this->data($retry)['last_error']);
        $this->assertError($this->rest('POST', '/notifications/' . $item['id'] . '/retry'), 409, 'sophmate_notification_sent');
        $this->assertError($this->rest('POST', '/notifications/999999/retry'), 404, 'sophmate_unknown_notification');
        self::assertCount(7, $this->webhooks());
    }

    /** @return array<string,mixed> */
    private function row(int $id): array
    {
        return (array) $this->db->get_row($this->db->prepare("SELECT * FROM {$this->services->schema->notifications_table()} WHERE id = %d", $id), ARRAY_A);
    }

    public function test_a_notification_failure_never_blocks_a_pause(): void
    {
        $this->rest('PUT', '/notifications/settings', ['webhooks' => [self::sink('down')]]);
        $throw = static function (): void {
            throw new \RuntimeException('SMTP plugin exploded');
        };
        $refuse = static fn ($pre, $args, $url) => str_contains((string) $url, 'webhook-sink') ? new \WP_Error('http_request_failed', 'Connection refused') : $pre;
        add_filter('wp_mail', $throw);
        add_filter('pre_http_request', $refuse, 5, 3);
        try {
            $response = $this->rest('POST', '/categories/support/pause', ['reason' => 'Mail is down too']);
            self::assertSame(200, $response->get_status());
            $this->deliver();
        } finally {
            remove_filter('wp_mail', $throw);
            remove_filter('pre_http_request', $refuse, 5);
        }
        $this->forget_caches();
        self::assertSame('paused', $this->stored_switches()['categories']['support']['state']);
        $errors = array_column($this->outbox(), 'last_error', 'channel');
        self::assertStringContainsString('SMTP plugin exploded', (string) $errors['email']);
        self::assertStringContainsString('Connection refused', (string) $errors['webhook']);

        // Even when the outbox cannot be written at all, the pause goes through.
        $broken = static function (): void {
            throw new \RuntimeException('options table is gone');
        };
        add_filter('pre_option_sophmate_safe_mode_notifications', $broken);
        try {
            $response = $this->rest('POST', '/categories/commerce/pause', ['reason' => 'Notifications broken']);
        } finally {
            remove_filter('pre_option_sophmate_safe_mode_notifications', $broken);
        }
        self::assertSame(200, $response->get_status());
        $this->forget_caches();
        self::assertSame('paused', $this->stored_switches()['categories']['commerce']['state']);
    }

    public function test_a_failed_drill_is_told_and_a_passed_one_is_not(): void
    {
        $this->configure_commerce();
        $report = [
            'id' => 7,
            'category' => 'commerce',
            'outcome' => 'passed',
            'environment' => 'staging',
            'started_at' => '2026-11-25T10:00:00Z',
            'finished_at' => '2026-11-25T10:00:03Z',
            'actor' => ['id' => self::admin_id(), 'login' => 'admin', 'name' => 'admin'],
            'bindings' => [['automation' => 'notify-refunds', 'type' => 'cron', 'target' => 'refund_hook', 'passed' => true, 'detail' => 'skipped']],
            'failure_reason' => null,
            'review_url' => 'http://127.0.0.1/drill/7',
        ];
        do_action('sophmate_safe_mode_drill_finished', $report);
        self::assertSame([], $this->outbox());

        $report['outcome'] = 'failed';
        $report['failure_reason'] = 'refund_hook ran during the pause';
        $report['bindings'][] = ['automation' => 'notify-refunds', 'type' => 'rest', 'target' => '/shop/v1/refund', 'passed' => false, 'detail' => 'answered 200 instead of 503'];
        do_action('sophmate_safe_mode_drill_finished', $report);
        $this->deliver();
        self::assertSame(['drill_failed'], array_values(array_unique(array_column($this->outbox(), 'event'))));
        $mail = $this->mails[0];
        self::assertStringContainsString('Pause drill failed: category:commerce - refund_hook ran during the pause', $mail['subject']);
        self::assertStringContainsString('Binding rest /shop/v1/refund of notify-refunds did not hold: answered 200 instead of 503', $mail['message']);
        self::assertStringContainsString('Drill report: http://127.0.0.1/drill/7', $mail['message']);
        $payload = json_decode($this->webhooks()[0]['body'], true);
        self::assertSame('drill_failed', $payload['event']);
        self::assertSame(7, $payload['details']['drill']['id']);
    }

    public function test_the_escalation_digest_is_delivered_as_is_by_email_and_webhook(): void
    {
        $items = [['category' => 'marketing', 'problem' => 'overdue_review', 'detail' => 'Review overdue by 3 days', 'url' => 'http://127.0.0.1/review']];
        do_action('sophmate_safe_mode_escalation_digest', ['channel' => 'email', 'target' => 'backup@example.test', 'subject' => '[Site] 1 automation problem needs you', 'text' => "Marketing: review overdue by 3 days\nhttp://127.0.0.1/review", 'items' => $items, 'level' => 'backup_owner']);
        do_action('sophmate_safe_mode_escalation_digest', ['channel' => 'webhook', 'target' => self::sink('digest'), 'subject' => '[Site] 1 automation problem', 'text' => 'Marketing: review overdue', 'items' => $items, 'level' => 'administrator']);
        do_action('sophmate_safe_mode_escalation_digest', ['channel' => 'carrier-pigeon']);
        $this->deliver();
        self::assertCount(1, $this->mails);
        self::assertSame('backup@example.test', $this->mails[0]['to']);
        self::assertSame('[Site] 1 automation problem needs you', $this->mails[0]['subject']);
        self::assertSame("Marketing: review overdue by 3 days\nhttp://127.0.0.1/review", $this->mails[0]['message']);
        $payload = json_decode($this->webhooks()[0]['body'], true);
        self::assertSame('escalation', $payload['event']);
        self::assertSame('administrator', $payload['level']);
        self::assertSame($items, $payload['items']);
        self::assertStringContainsString('Marketing: review overdue', $payload['text']);
        self::assertSame(['sent', 'sent'], array_column($this->outbox(), 'status'));
        self::assertSame('category:marketing', $this->outbox()[0]['scope']);
    }

    public function test_settings_never_return_the_secret_and_refuse_bad_targets_naming_them(): void
    {
        $put = $this->rest('PUT', '/notifications/settings', ['emails' => ['ops@example.test'], 'webhooks' => [self::sink()], 'webhook_secret' => self::SECRET]);
        self::assertSame(200, $put->get_status());
        self::assertSame(['emails' => ['ops@example.test'], 'webhooks' => [self::sink()], 'webhook_secret_set' => true], $this->data($put));
        $get = $this->rest('GET', '/notifications/settings');
        self::assertStringNotContainsString(self::SECRET, (string) wp_json_encode($this->data($get)));
        self::assertTrue($this->data($get)['webhook_secret_set']);

        // Leaving the secret out keeps it; "" removes it.
        $this->rest('PUT', '/notifications/settings', ['emails' => []]);
        self::assertTrue($this->data($this->rest('GET', '/notifications/settings'))['webhook_secret_set']);
        self::assertFalse($this->data($this->rest('PUT', '/notifications/settings', ['webhook_secret' => '']))['webhook_secret_set']);

        $bad_email = $this->rest('PUT', '/notifications/settings', ['emails' => ['ok@example.test', 'not-an-address']]);
        $this->assertError($bad_email, 400, 'sophmate_invalid_notification_email');
        self::assertStringContainsString('emails[1] "not-an-address"', $this->data($bad_email)['message']);
        $refused = [
            'ftp://hooks.example/x' => 'must use http or https',
            'http://169.254.169.254/latest/meta-data/' => 'cloud metadata',
            'http://169.254.10.10/hook' => 'link-local',
            'http://metadata.google.internal/computeMetadata/v1/' => 'cloud metadata',
        ];
        foreach ($refused as $url => $why) {
            $response = $this->rest('PUT', '/notifications/settings', ['webhooks' => ['https://hooks.example/ok', $url]]);
            $this->assertError($response, 400, 'sophmate_invalid_webhook_url');
            self::assertStringContainsString('webhooks[1]', $this->data($response)['message']);
            self::assertStringContainsString($why, $this->data($response)['message']);
        }
        $this->assertError($this->rest('PUT', '/notifications/settings', ['webhook_secret' => 'short']), 400, 'sophmate_invalid_webhook_secret');
        self::assertSame([self::sink()], $this->data($this->rest('GET', '/notifications/settings'))['webhooks'], 'a refused update changes nothing');
    }

    public function test_a_category_webhook_to_a_metadata_address_is_refused_at_delivery_without_retries(): void
    {
        $notify = ['emails' => [], 'webhooks' => ['http://169.254.169.254/latest/meta-data/']];
        $this->assertError($this->rest('PATCH', '/categories/support', ['notify' => $notify]), 400, 'sophmate_invalid_notify');
        // Stored before the check existed (or by an import of an older version): delivery refuses it too.
        $support = $this->services->catalog->category('support');
        $this->services->categories->save(\SophMate\SafeMode\Domain\Config\Category::from_array(['notify' => $notify] + $support->to_array()));
        $this->rest('POST', '/categories/support/pause', ['reason' => 'Probe']);
        $this->deliver();
        $row = array_values(array_filter($this->outbox(), static fn (array $r): bool => $r['channel'] === 'webhook'))[0];
        self::assertSame('failed', $row['status'], 'refused for good: retrying would fail the same way');
        self::assertSame(1, (int) $row['attempts']);
        self::assertStringContainsString('points at a cloud metadata service', (string) $row['last_error']);
    }

    public function test_loopback_webhooks_need_the_allow_filter(): void
    {
        $allow = static fn () => false;
        add_filter('sophmate_safe_mode_allow_webhook_url', $allow, 99);
        try {
            $response = $this->rest('PUT', '/notifications/settings', ['webhooks' => [self::sink()]]);
        } finally {
            remove_filter('sophmate_safe_mode_allow_webhook_url', $allow, 99);
        }
        $this->assertError($response, 400, 'sophmate_invalid_webhook_url');
        self::assertStringContainsString('this site itself', $this->data($response)['message']);
    }

    public function test_a_test_notification_reaches_the_site_targets(): void
    {
        $this->assertError($this->rest('POST', '/notifications/test'), 409, 'sophmate_no_notification_targets');
        $this->rest('PUT', '/notifications/settings', ['emails' => ['ops@example.test'], 'webhooks' => [self::sink('test')]]);
        $response = $this->rest('POST', '/notifications/test');
        self::assertSame(200, $response->get_status());
        self::assertSame(['sent', 'sent'], array_column($this->data($response)['deliveries'], 'status'));
        self::assertSame('ops@example.test', $this->mails[0]['to']);
        self::assertStringContainsString('Test notification', $this->mails[0]['subject']);
        self::assertSame('test', json_decode($this->webhooks()[0]['body'], true)['event']);
    }

    public function test_people_who_may_only_pause_see_deliveries_without_webhook_paths_and_cannot_touch_settings(): void
    {
        $this->rest('PUT', '/notifications/settings', ['webhooks' => [self::sink('secret-path')]]);
        $this->rest('POST', '/categories/support/pause', ['reason' => 'x']);
        $pauser = $this->user_with_role('subscriber');
        (new \WP_User($pauser))->add_cap('sophmate_pause_automation');
        wp_set_current_user($pauser);
        $items = $this->data($this->rest('GET', '/notifications', [], ['channel' => 'webhook']));
        self::assertSame('http://127.0.0.1/…', $items[0]['target']);
        self::assertSame(403, $this->rest('GET', '/notifications/settings')->get_status());
        self::assertSame(403, $this->rest('POST', '/notifications/' . $items[0]['id'] . '/retry')->get_status());
        self::assertSame(403, $this->rest('POST', '/notifications/test')->get_status());
        $this->assertError($this->rest('GET', '/notifications', [], ['status' => 'lost']), 400, 'sophmate_invalid_param');
    }

    public function test_the_shell_lists_retries_delivers_and_tests_like_rest(): void
    {
        \WP_CLI::reset();
        $module = new NotificationsModule($this->services, '');
        $cli = new NotificationsCommand($this->services, $module->outbox, $module->dispatcher, $module->settings, $module->notifier);
        try {
            $cli->test([], []);
            self::fail('no targets: an error');
        } catch (\WP_CLI\ExitException $e) {
            self::assertStringContainsString('sophmate_no_notification_targets', $e->getMessage());
        }
        $this->rest('PUT', '/notifications/settings', ['emails' => ['ops@example.test'], 'webhooks' => [self::sink('cli')]]);
        update_option('sophmate_dev_webhook_fail', 1);
        try {
            $cli->test([], []);
            self::fail('the webhook fails: an error');
        } catch (\WP_CLI\ExitException $e) {
            self::assertStringContainsString('1 of 2 target(s) could not be reached', $e->getMessage());
        }
        $cli->list_([], ['status' => 'retrying', 'format' => 'json']);
        $rows = \WP_CLI::$formatted[0]['rows'];
        self::assertCount(1, $rows);
        self::assertSame('HTTP 500: Webhook sink told to fail.', $rows[0]['last_error']);

        $cli->deliver([], []);
        self::assertStringContainsString('0 notification(s) delivered; 1 waiting for a retry', (string) end(\WP_CLI::$output)[1], 'not due yet');
        delete_option('sophmate_dev_webhook_fail');
        $cli->retry([(string) $rows[0]['id']], []);
        self::assertSame('success', end(\WP_CLI::$output)[0]);
        try {
            $cli->list_([], ['status' => 'lost']);
            self::fail('unknown status');
        } catch (\WP_CLI\ExitException $e) {
            self::assertStringContainsString('Unknown --status "lost"', $e->getMessage());
        }
    }

    public function test_a_pause_over_http_is_mailed_and_posted_at_the_end_of_that_same_request(): void
    {
        $site = self::site();
        $this->rest('PUT', '/notifications/settings', ['emails' => ['ops@example.test'], 'webhooks' => [self::sink('http')]]);
        $mail_log = (string) $site['mail_log'];
        clearstatcache();
        $mail_offset = is_file($mail_log) ? (int) filesize($mail_log) : 0;

        $response = wp_remote_post(rtrim((string) $site['url'], '/') . '/wp-json/sophmate-safe-mode/v1/categories/content/pause', [
            'headers' => [
                'Authorization' => 'Basic ' . base64_encode($site['admin_user'] . ':' . $site['app_password']),
                'Content-Type' => 'application/json',
            ],
            'body' => (string) wp_json_encode(['reason' => 'Spam comments approved by the moderation bot']),
            'timeout' => 20,
        ]);
        self::assertSame(200, wp_remote_retrieve_response_code($response), (string) wp_remote_retrieve_body($response));

        // php -S finishes the request (shutdown included) before the next one is served; give it a moment anyway.
        $deadline = microtime(true) + 5;
        do {
            clearstatcache();
            $lines = array_values(array_filter(explode("\n", (string) @file_get_contents($mail_log, false, null, $mail_offset))));
            $sent = array_column($this->outbox(), 'status');
            if (count($lines) >= 2 && $sent !== [] && array_unique($sent) === ['sent'] && count($this->webhooks()) === 1) {
                break;
            }
            usleep(100000);
        } while (microtime(true) < $deadline);

        $mails = array_map(static fn (string $l): array => json_decode($l, true), $lines);
        $to = array_merge(...array_map(static fn (array $m): array => $m['to'], $mails));
        self::assertContains('ops@example.test', $to, 'captured in logs/mail.jsonl, not sent');
        self::assertStringContainsString('Why: Spam comments approved by the moderation bot', $mails[0]['message']);
        self::assertStringContainsString('source: rest', $mails[0]['message']);
        self::assertCount(1, $this->webhooks());
        self::assertSame(['sent'], array_values(array_unique(array_column($this->outbox(), 'status'))), 'delivered by the pause request itself, no cron needed');
    }

    public function test_maintenance_prunes_old_delivered_and_failed_rows_but_keeps_waiting_ones(): void
    {
        $this->rest('PUT', '/notifications/settings', ['emails' => ['ops@example.test']]);
        foreach (['marketing', 'content', 'support'] as $slug) {
            $this->rest('POST', "/categories/{$slug}/pause", ['reason' => 'x']);
        }
        $this->deliver();
        $table = $this->services->schema->notifications_table();
        $old = gmdate('Y-m-d H:i:s', time() - 400 * DAY_IN_SECONDS);
        $ids = array_map('intval', array_column($this->outbox(), 'id'));
        $this->db->query($this->db->prepare("UPDATE {$table} SET created_at = %s", $old));
        $this->db->query($this->db->prepare("UPDATE {$table} SET status = 'failed' WHERE id = %d", $ids[0]));
        $this->db->query($this->db->prepare("UPDATE {$table} SET status = 'retrying', next_attempt_at = %s WHERE id = %d", gmdate('Y-m-d H:i:s', time() + 3600), $ids[1]));
        do_action(\SophMate\SafeMode\Enforcement\Maintenance::HOOK);
        self::assertSame([$ids[1]], array_map('intval', array_column($this->outbox(), 'id')));
    }

    public function test_a_real_pause_drill_pauses_and_restores_without_telling_anyone_unless_it_fails(): void
    {
        $this->configure_commerce();
        add_action('sophmate_notify_test_hook', static function (): void {
        });
        sophmate_safe_mode_register_automation('notify-drilled', ['label' => 'Drilled', 'kind' => 'workflow', 'category' => 'commerce', 'owner' => 'admin', 'cron_hooks' => ['sophmate_notify_test_hook']]);
        $response = $this->rest('POST', '/drills', ['category' => 'commerce']);
        self::assertContains($response->get_status(), [200, 201], (string) wp_json_encode($this->data($response)));
        $report = $this->data($response);
        $this->deliver();
        $events = array_values(array_unique(array_column($this->outbox(), 'event')));
        self::assertSame('passed', $report['outcome'], (string) ($report['failure_reason'] ?? ''));
        self::assertSame([], $events, 'the drill\'s own pause and restore are not incidents');
    }

    public function test_the_daily_review_escalation_reaches_people_through_the_outbox(): void
    {
        $this->rest('PATCH', '/categories/marketing', ['owner_id' => null, 'backup_owner_id' => null]);
        $this->forget_caches();
        do_action(\SophMate\SafeMode\Cadence\DailyReview::HOOK);
        $this->deliver();
        $rows = array_values(array_filter($this->outbox(), static fn (array $r): bool => $r['event'] === 'escalation'));
        self::assertNotEmpty($rows, 'an ownerless category escalates');
        self::assertSame(['sent'], array_values(array_unique(array_column($rows, 'status'))));
        $subjects = array_column($this->mails, 'subject');
        self::assertContains($rows[0]['subject'], $subjects);
    }
}
