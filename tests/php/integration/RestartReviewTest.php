<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Cli\RestartCommand;
use SophMate\SafeMode\Cli\ReviewCommand;
use SophMate\SafeMode\Domain\Runs\RunStatus;
use SophMate\SafeMode\Domain\Switches\Acknowledgements;

require_once __DIR__ . '/Support/wp-cli-double.php';

/** GET …/review builds the evidence bundle from real runs, audit and providers; restarts are made on it. */
final class RestartReviewTest extends IntegrationTestCase
{
    private int $post_id = 0;

    protected function setUp(): void
    {
        parent::setUp();
        \WP_CLI::reset();
        delete_option('sophmate_safe_mode_providers');
        remove_all_filters('sophmate_safe_mode_pending_approvals');
        sophmate_safe_mode_register_automation('review-mailer', ['label' => 'Review mailer', 'kind' => 'workflow', 'category' => 'marketing', 'owner' => 'admin', 'providers' => ['openai']]);
        $this->post_id = (int) wp_insert_post(['post_title' => 'Touched by a run', 'post_status' => 'draft']);
    }

    protected function tearDown(): void
    {
        remove_all_filters('sophmate_safe_mode_pending_approvals');
        delete_option('sophmate_safe_mode_providers');
        parent::tearDown();
    }

    private function run_at(string $when, RunStatus $status, ?string $failed_step = null, ?string $error = null, bool $touch = false): int
    {
        $at = new \DateTimeImmutable($when, new \DateTimeZone('UTC'));
        $id = $this->services->runs->create('review-mailer', 'marketing', 'cron', RunStatus::Running, false, 1, '', '', [], $at);
        if ($touch) {
            $this->services->runs->add_event($id, 'touched', ['name' => (string) $failed_step, 'record_type' => 'post', 'record_id' => $this->post_id, 'record_action' => 'update'], $at);
        }
        if ($status === RunStatus::AwaitingApproval) {
            $this->services->runs->set_status($id, $status);
        } else {
            $this->services->runs->finish($id, $status, $at, $failed_step, $error, []);
        }
        return $id;
    }

    private function paused_marketing_with_history(): array
    {
        $ok = $this->run_at('-3 hours', RunStatus::Succeeded);
        $failed = $this->run_at('-2 hours', RunStatus::Failed, 'send email', 'SMTP refused', true);
        $old = $this->run_at('-3 days', RunStatus::Failed, 'render', 'outside the window');
        $waiting = $this->run_at('-1 hour', RunStatus::AwaitingApproval);
        $this->rest('POST', '/categories/marketing/pause', ['reason' => 'Newsletter sent twice']);
        $after = $this->run_at('+5 seconds', RunStatus::Failed, 'send email', 'SMTP refused again', true);
        return compact('ok', 'failed', 'old', 'waiting', 'after');
    }

    public function test_the_review_of_a_paused_category_holds_runs_failed_steps_audit_approvals_providers_and_records(): void
    {
        $this->rest('PUT', '/providers/openai', ['label' => 'OpenAI', 'hosts' => ['api.openai.com'], 'status' => 'degraded']);
        $runs = $this->paused_marketing_with_history();
        add_filter('sophmate_safe_mode_pending_approvals', static function (array $items, string $scope): array {
            $items[] = ['source' => 'acme-refunds', 'id' => 'refund-7', 'label' => 'Refund #7 for ' . $scope, 'url' => 'javascript:alert(1)'];
            $items[] = 'not an item';
            return $items;
        }, 10, 2);

        $response = $this->rest('GET', '/categories/marketing/review');
        self::assertSame(200, $response->get_status(), (string) wp_json_encode($this->data($response)));
        $review = $this->data($response);

        self::assertSame(['category:marketing', 'paused'], [$review['scope'], $review['state']]);
        self::assertSame(4, $review['runs']['total'], 'the 3-day-old run is outside the window');
        self::assertSame([1, 2, 1], [$review['runs']['succeeded'], $review['runs']['failed'], $review['runs']['awaiting_approval']]);
        self::assertSame(1, $review['runs_since_pause']['total']);
        self::assertSame([$runs['after'], $runs['failed']], array_column($review['failed_steps'], 'run_id'));
        self::assertSame([true, false], array_column($review['failed_steps'], 'since_pause'));
        self::assertSame('SMTP refused again', $review['failed_steps'][0]['error']);
        // The PUT /providers above also made marketing's periodic review due (review cadence audits that).
        $review['audit'] = array_values(array_filter($review['audit'], static fn (array $e): bool => $e['action'] !== 'review_due'));
        self::assertSame(['pause'], array_column($review['audit'], 'action'));
        self::assertSame('Newsletter sent twice', $review['audit'][0]['reason']);
        self::assertSame(['run:' . $runs['waiting'], 'refund-7'], array_column($review['pending_approvals'], 'id'));
        self::assertNull($review['pending_approvals'][1]['url'], 'a non-http URL from another plugin is dropped');
        self::assertSame('Refund #7 for category:marketing', $review['pending_approvals'][1]['label']);
        self::assertSame([['slug' => 'openai', 'status' => 'degraded']], array_map(static fn ($p) => ['slug' => $p['slug'], 'status' => $p['status']], $review['providers']));
        self::assertCount(2, $review['affected_records']);
        self::assertSame(['post', (string) $this->post_id, 'update', $runs['after'], true], [
            $review['affected_records'][0]['type'], $review['affected_records'][0]['id'], $review['affected_records'][0]['action'], $review['affected_records'][0]['run_id'], $review['affected_records'][0]['since_pause'],
        ]);

        $checks = array_column($review['checks'], null, 'id');
        self::assertSame(Acknowledgements::REQUIRED, array_keys($checks));
        self::assertStringContainsString("1 run failed at step 'send email' since the pause", $checks['failed_steps']['detail']);
        self::assertSame('provider openai: degraded.', $checks['provider_status']['detail']);
        self::assertFalse($checks['pending_approvals']['ok']);
        self::assertFalse($checks['affected_records']['ok']);
        self::assertMatchesRegularExpression('/^[0-9a-f]{64}$/', $review['snapshot']['hash']);
        self::assertSame($review['snapshot']['hash'], $this->data($this->rest('GET', '/categories/marketing/review'))['snapshot']['hash'], 'unchanged evidence, same hash');
    }

    /** @return iterable<string,array{string}> */
    public static function each_acknowledgement(): iterable
    {
        foreach (Acknowledgements::REQUIRED as $item) {
            yield $item => [$item];
        }
    }

    /** @dataProvider each_acknowledgement */
    public function test_a_restart_without_one_acknowledgement_is_422_naming_it_and_changes_nothing(string $missing): void
    {
        $this->rest('POST', '/categories/marketing/pause', ['reason' => 'x']);
        $given = array_values(array_diff(Acknowledgements::REQUIRED, [$missing]));

        $response = $this->rest('POST', '/categories/marketing/restart', ['acknowledged' => $given, 'note' => 'reviewed', 'scope' => ['max_runs' => 2]]);

        $this->assertError($response, 422, 'sophmate_review_incomplete');
        self::assertSame([$missing], $this->data($response)['data']['missing']);
        self::assertStringContainsString($missing, $this->data($response)['message']);
        self::assertSame('paused', $this->stored_switches()['categories']['marketing']['state']);
        self::assertSame(['pause'], array_column($this->audit_rows(), 'action'));
    }

    public function test_review_of_a_running_scope_is_409_and_of_an_unknown_one_404(): void
    {
        $this->assertError($this->rest('GET', '/categories/content/review'), 409, 'sophmate_not_paused');
        $this->assertError($this->rest('GET', '/categories/nope/review'), 404, 'sophmate_unknown_category');
        $this->assertError($this->rest('GET', '/automations/ghost/review'), 404, 'sophmate_unknown_automation');
        $this->assertError($this->rest('GET', '/safe-mode/review'), 409, 'sophmate_not_paused');
    }

    public function test_a_restart_during_a_provider_outage_is_refused_unless_overridden_and_the_override_is_audited(): void
    {
        $this->rest('PUT', '/providers/openai', ['label' => 'OpenAI', 'hosts' => ['api.openai.com'], 'status' => 'outage']);
        $this->rest('POST', '/automations/review-mailer/pause', ['reason' => 'Provider down']);
        $body = ['acknowledged' => Acknowledgements::REQUIRED, 'note' => 'Checked', 'scope' => ['max_runs' => 1]];

        $refused = $this->rest('POST', '/automations/review-mailer/restart', $body);
        $this->assertError($refused, 409, 'sophmate_provider_outage');
        self::assertStringContainsString('openai is in outage', $this->data($refused)['message']);
        self::assertSame('paused', $this->stored_switches()['automations']['review-mailer']['state']);

        $accepted = $this->rest('POST', '/automations/review-mailer/restart', $body + ['override_reason' => 'Vendor confirmed recovery; one read-only run']);
        self::assertSame(200, $accepted->get_status(), (string) wp_json_encode($this->data($accepted)));
        self::assertSame('trial', $this->data($accepted)['state']);
        $restart = array_values(array_filter($this->audit_rows(), static fn ($r) => $r['action'] === 'restart'));
        self::assertCount(1, $restart);
        $context = json_decode($restart[0]['context'], true);
        self::assertSame('Vendor confirmed recovery; one read-only run', $context['override_reason']);
        self::assertSame(['openai'], $context['providers_in_outage']);
        self::assertSame(1, $context['review']['counts']['providers_down']);
    }

    public function test_the_restart_audit_event_keeps_the_review_snapshot_the_operator_saw(): void
    {
        $this->paused_marketing_with_history();
        $seen = $this->data($this->rest('GET', '/categories/marketing/review'))['snapshot'];

        $body = ['acknowledged' => Acknowledgements::REQUIRED, 'note' => 'Dedup fixed', 'scope' => ['max_runs' => 3, 'read_only' => true]];
        $this->assertError($this->rest('POST', '/categories/marketing/restart', $body + ['review_hash' => 'not-a-hash']), 400, 'sophmate_invalid_param');
        self::assertSame('paused', $this->stored_switches()['categories']['marketing']['state']);

        $response = $this->rest('POST', '/categories/marketing/restart', $body + ['review_hash' => $seen['hash']]);
        self::assertSame(200, $response->get_status(), (string) wp_json_encode($this->data($response)));

        $restart = array_values(array_filter($this->audit_rows(), static fn ($r) => $r['action'] === 'restart'))[0];
        $context = json_decode($restart['context'], true);
        self::assertSame($seen['hash'], $context['review']['hash']);
        self::assertTrue($context['review']['seen_is_current']);
        self::assertSame($seen['counts'], $context['review']['counts']);
        self::assertSame(2, $context['review']['counts']['failed_steps']);
        self::assertTrue($this->data($this->rest('GET', '/audit/verify'))['ok']);
    }

    public function test_a_pauser_who_is_not_an_owner_is_told_who_can_restart(): void
    {
        $this->rest('POST', '/categories/marketing/pause', ['reason' => 'x']);
        $pauser = $this->user_with_role('editor');
        (new \WP_User($pauser))->add_cap('sophmate_pause_automation');
        wp_set_current_user($pauser);

        $response = $this->rest('POST', '/categories/marketing/restart', ['acknowledged' => Acknowledgements::REQUIRED, 'note' => 'mine now']);
        $this->assertError($response, 403, 'rest_forbidden');
        $message = $this->data($response)['message'];
        self::assertStringContainsString('sophmate_manage_automation', $message);
        $owner = get_userdata((int) $this->data($this->rest('GET', '/categories/marketing'))['owner_id']);
        if ($owner instanceof \WP_User) {
            self::assertStringContainsString($owner->display_name, $message);
        }
        self::assertSame(200, $this->rest('GET', '/categories/marketing/review')->get_status(), 'a pauser may read the review');

        $subscriber = $this->user_with_role('subscriber');
        wp_set_current_user($subscriber);
        $denied = $this->rest('POST', '/categories/marketing/restart', ['acknowledged' => Acknowledgements::REQUIRED]);
        $this->assertError($denied, 403, 'rest_forbidden');
        self::assertStringNotContainsString('owners', $this->data($denied)['message'], 'no names for users who may not pause');
        $this->assertError($this->rest('GET', '/categories/marketing/review'), 403, 'rest_forbidden');
    }

    public function test_safe_mode_has_a_review_and_turning_it_off_during_an_outage_needs_an_override(): void
    {
        $this->rest('PUT', '/providers/openai', ['label' => 'OpenAI', 'hosts' => ['api.openai.com'], 'status' => 'outage']);
        $this->rest('PUT', '/safe-mode', ['mode' => 'paused', 'reason' => 'Spend spike']);
        $review = $this->data($this->rest('GET', '/safe-mode/review'));
        self::assertSame(['global', 'paused'], [$review['scope'], $review['state']]);
        self::assertContains('openai', array_column($review['providers'], 'slug'));

        $off = ['mode' => 'off', 'acknowledged' => Acknowledgements::REQUIRED, 'note' => 'Caps in place'];
        $this->assertError($this->rest('PUT', '/safe-mode', $off), 409, 'sophmate_provider_outage');
        self::assertSame(200, $this->rest('PUT', '/safe-mode', $off + ['override_reason' => 'Agents do not use openai right now'])->get_status());
        self::assertSame('off', $this->stored_switches()['safe_mode']['mode']);
    }

    public function test_wp_sophmate_review_prints_the_checks_and_restart_takes_an_override(): void
    {
        $this->rest('PUT', '/providers/openai', ['label' => 'OpenAI', 'hosts' => ['api.openai.com'], 'status' => 'outage']);
        $this->paused_marketing_with_history();

        (new ReviewCommand($this->services))(['category:marketing'], []);
        $printed = implode("\n", array_map(static fn ($line) => implode(' ', array_map('strval', (array) $line)), \WP_CLI::$output))
            . "\n" . (string) wp_json_encode(\WP_CLI::$formatted);
        self::assertStringContainsString('Review of category:marketing (paused since', $printed);
        self::assertStringContainsString('provider openai: outage', $printed);
        self::assertStringContainsString('need attention before a restart', $printed);

        $restart = new RestartCommand($this->services);
        try {
            $restart(['category:marketing'], ['ack' => 'all-reviewed', 'max-runs' => '2', 'note' => 'x']);
            self::fail('an outage must refuse the restart');
        } catch (\WP_CLI\ExitException $e) {
            self::assertStringContainsString('sophmate_provider_outage', $e->getMessage());
        }
        $restart(['category:marketing'], ['ack' => 'all-reviewed', 'max-runs' => '2', 'note' => 'x', 'override-reason' => 'read-only trial is safe']);
        $this->forget_caches();
        self::assertSame('trial', $this->stored_switches()['categories']['marketing']['state']);
    }
}
