<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Domain\Switches\Acknowledgements;

/** A restart is a trial: a budget of runs, the first failure pauses again, promotion only when clean. */
final class TrialTest extends IntegrationTestCase
{
    /** @var list<array<string,mixed>> */
    private array $mails = [];
    /** @var list<array<int,mixed>> */
    private array $trips = [];

    protected function setUp(): void
    {
        parent::setUp();
        sophmate_safe_mode_register_automation('trial-mailer', ['label' => 'Trial mailer', 'kind' => 'workflow', 'category' => 'support', 'owner' => 'admin']);
        sophmate_safe_mode_register_automation('trial-other', ['label' => 'Trial other', 'kind' => 'workflow', 'category' => 'support', 'owner' => 'admin']);
        $this->rest('PATCH', '/categories/support', ['notify' => ['emails' => ['oncall@example.test'], 'webhooks' => []]]);
        add_filter('wp_mail', [$this, 'capture_mail']);
        add_action('sophmate_safe_mode_tripped', [$this, 'capture_trip'], 10, 4);
    }

    protected function tearDown(): void
    {
        remove_filter('wp_mail', [$this, 'capture_mail']);
        remove_action('sophmate_safe_mode_tripped', [$this, 'capture_trip'], 10);
        parent::tearDown();
    }

    /** @param array<string,mixed> $atts */
    public function capture_mail(array $atts): array
    {
        $this->mails[] = $atts;
        return $atts;
    }

    public function capture_trip(...$args): void
    {
        $this->trips[] = $args;
    }

    private function restart_support(array $scope): void
    {
        $this->rest('POST', '/categories/support/pause', ['reason' => 'Replies went to the wrong customers']);
        $response = $this->rest('POST', '/categories/support/restart', ['acknowledged' => Acknowledgements::REQUIRED, 'note' => 'Routing fixed', 'scope' => $scope]);
        self::assertSame('trial', $this->data($response)['state'], (string) wp_json_encode($this->data($response)));
        $this->forget_caches();
    }

    public function test_a_trial_of_two_runs_lets_exactly_two_runs_through(): void
    {
        $this->restart_support(['max_runs' => 2]);
        $allowed = 0;
        for ($i = 0; $i < 4; $i++) {
            $run = sophmate_safe_mode_start_run('trial-mailer', ['trigger' => 'cron']);
            if ($run->is_allowed()) {
                $allowed++;
                $run->succeed();
            }
            $this->forget_caches();
        }
        self::assertSame(2, $allowed);
    }

    public function test_only_the_selected_automations_run_during_the_trial_and_read_only_is_enforced(): void
    {
        $this->restart_support(['automations' => ['trial-mailer'], 'max_runs' => 5, 'read_only' => true]);
        $other = sophmate_safe_mode_start_run('trial-other');
        self::assertFalse($other->is_allowed(), 'not selected for the trial');
        $run = sophmate_safe_mode_start_run('trial-mailer');
        self::assertTrue($run->is_allowed());
        self::assertTrue($run->is_read_only());
        self::assertFalse($run->touched('post', 1, 'update'), 'writes are refused in a read-only trial');
        $run->succeed();
    }

    public function test_the_first_failed_trial_run_pauses_the_scope_again_once_and_tells_the_owners(): void
    {
        $this->restart_support(['max_runs' => 5]);
        $ok = sophmate_safe_mode_start_run('trial-mailer');
        $ok->succeed();
        $this->forget_caches();
        $bad = sophmate_safe_mode_start_run('trial-mailer');
        self::assertTrue($bad->is_allowed());
        $bad->step('send reply');
        $bad->fail('Wrong recipient again');
        $this->forget_caches();

        $stored = $this->stored_switches()['categories']['support'];
        self::assertSame('paused', $stored['state']);
        self::assertSame('breaker', $stored['source']);
        self::assertSame(sprintf("Trial run #%d of trial-mailer failed at step 'send reply': Wrong recipient again", $bad->id()), $stored['reason']);
        self::assertFalse(sophmate_safe_mode_start_run('trial-mailer')->is_allowed(), 'automation stops');

        $pauses = array_values(array_filter($this->audit_rows(), static fn ($r) => $r['action'] === 'pause'));
        self::assertCount(2, $pauses, 'the operator pause and exactly one trip');
        self::assertSame(['breaker', 'trial → paused'], [$pauses[1]['source'], $pauses[1]['before_state'] . ' → ' . $pauses[1]['after_state']]);

        self::assertCount(1, $this->trips);
        self::assertSame('category:support', $this->trips[0][0]);
        do_action('sophmate_safe_mode_notifications_retry'); // Delivers the outbox as shutdown would.
        // One mail per recipient (the outbox delivers and retries each on its own), for the trip only.
        $trip_mails = $this->trip_mails();
        self::assertCount(2, $trip_mails);
        $to = array_merge(...array_map(static fn (array $m): array => (array) $m['to'], $trip_mails));
        self::assertContains('oncall@example.test', $to);
        self::assertContains((string) get_userdata(self::admin_id())->user_email, $to);
        self::assertStringContainsString('category:support', $trip_mails[0]['subject']);
        self::assertStringContainsString('Wrong recipient again', $trip_mails[0]['message']);
        self::assertStringContainsString('page=sophmate-safe-mode&view=review&scope=category%3Asupport', $trip_mails[0]['message']);

        // A second failure of the same incident pauses nothing more and mails nobody.
        $this->run_that_started_in_the_trial_fails_late();
        self::assertCount(1, $this->trips);
        do_action('sophmate_safe_mode_notifications_retry');
        self::assertCount(2, $this->trip_mails());

        // Restarting needs the review again, and promotion needs a clean trial.
        $this->assertError($this->rest('POST', '/categories/support/restart', ['acknowledged' => ['run_history'], 'note' => 'x']), 422, 'sophmate_review_incomplete');
    }

    /** @return list<array<string,mixed>> */
    private function trip_mails(): array
    {
        return array_values(array_filter($this->mails, static fn (array $m): bool => str_contains((string) $m['subject'], 'circuit breaker')));
    }

    private function run_that_started_in_the_trial_fails_late(): void
    {
        $board = $this->services->switch_store->load_fresh();
        self::assertSame('paused', $board->record_for(\SophMate\SafeMode\Domain\Scope::category('support'))->state->value);
        $this->services->trial_breaker->run_finished(PHP_INT_MAX, 'failed', 'trial-mailer', 'late');
    }

    public function test_a_failed_trial_of_one_automation_pauses_that_automation_not_its_category(): void
    {
        $this->rest('POST', '/automations/trial-mailer/pause', ['reason' => 'Loop']);
        $this->rest('POST', '/automations/trial-mailer/restart', ['acknowledged' => Acknowledgements::REQUIRED, 'note' => 'Loop guard added', 'scope' => ['max_runs' => 2]]);
        $this->forget_caches();
        $run = sophmate_safe_mode_start_run('trial-mailer');
        $run->fail('Loop again');
        $this->forget_caches();
        $stored = $this->stored_switches();
        self::assertSame('paused', $stored['automations']['trial-mailer']['state']);
        self::assertArrayNotHasKey('support', $stored['categories']);
        self::assertSame(1, count($this->trips));
    }

    public function test_promotion_is_refused_before_a_clean_run_and_after_a_failure_and_accepted_after_a_clean_run(): void
    {
        $this->restart_support(['max_runs' => 3]);
        $this->assertError($this->rest('POST', '/categories/support/promote'), 409, 'sophmate_trial_not_clean');
        sophmate_safe_mode_start_run('trial-mailer')->succeed();
        $promote = $this->rest('POST', '/categories/support/promote');
        self::assertSame('running', $this->data($promote)['state']);
        $switch_actions = array_values(array_filter(array_column($this->audit_rows(), 'action'), static fn ($a) => !in_array($a, ['category_updated', 'review_due'], true)));
        self::assertSame(['pause', 'restart', 'promote'], $switch_actions);
        self::assertSame([], $this->trips);
    }
}
