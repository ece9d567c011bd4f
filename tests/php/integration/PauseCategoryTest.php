<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Domain\Switches\Acknowledgements;

final class PauseCategoryTest extends IntegrationTestCase
{
    public function test_activation_creates_the_seven_categories_the_tables_and_the_capabilities(): void
    {
        $slugs = array_column($this->data($this->rest('GET', '/categories')), 'slug');
        self::assertSame(['commerce', 'content', 'support', 'marketing', 'system', 'image', 'agent'], $slugs);
        foreach ($this->services->schema->tables() as $table) {
            self::assertSame($table, $this->db->get_var($this->db->prepare('SHOW TABLES LIKE %s', $table)));
        }
        self::assertSame(\SophMate\SafeMode\Storage\Schema\Schema::VERSION, (int) get_option('sophmate_safe_mode_db_version'));
        $admin = get_role('administrator');
        self::assertTrue($admin->has_cap('sophmate_manage_automation'));
        self::assertTrue($admin->has_cap('sophmate_pause_automation'));
    }

    public function test_a_pause_is_stored_in_wp_options_and_audited_with_actor_and_reason(): void
    {
        $response = $this->rest('POST', '/categories/marketing/pause', ['reason' => 'Newsletter sent twice', 'incident_url' => 'https://status.example/1']);

        self::assertSame(200, $response->get_status());
        $data = $this->data($response);
        self::assertTrue($data['changed']);
        self::assertSame('paused', $data['state']);

        $stored = $this->stored_switches();
        self::assertSame('paused', $stored['categories']['marketing']['state']);
        self::assertSame('Newsletter sent twice', $stored['categories']['marketing']['reason']);
        self::assertSame('admin', $stored['categories']['marketing']['actor']['login']);
        self::assertSame('yes', $this->db->get_var($this->db->prepare("SELECT autoload FROM {$this->db->options} WHERE option_name = %s", 'sophmate_safe_mode_switches')));

        $rows = $this->audit_rows();
        self::assertCount(1, $rows);
        self::assertSame(['pause', 'category:marketing', 'running', 'paused', 'Newsletter sent twice', (string) self::admin_id(), 'admin', 'admin'], [
            $rows[0]['action'], $rows[0]['scope'], $rows[0]['before_state'], $rows[0]['after_state'], $rows[0]['reason'], $rows[0]['actor_id'], $rows[0]['actor_login'], $rows[0]['source'],
        ]);

        $status = $this->data($this->rest('GET', '/status'));
        $marketing = array_values(array_filter($status['categories'], static fn ($c) => $c['slug'] === 'marketing'))[0];
        self::assertSame('paused', $marketing['state']);
        self::assertTrue($marketing['paused']);
        self::assertSame('blocked', $marketing['effective']);
    }

    public function test_pausing_a_paused_category_again_returns_changed_false_and_writes_no_audit_event(): void
    {
        $this->rest('POST', '/categories/marketing/pause', ['reason' => 'first']);
        $version = $this->stored_switches()['version'];

        $again = $this->rest('POST', '/categories/marketing/pause', ['reason' => 'second']);

        self::assertSame(200, $again->get_status());
        self::assertFalse($this->data($again)['changed']);
        self::assertSame($version, $this->stored_switches()['version']);
        self::assertSame('first', $this->stored_switches()['categories']['marketing']['reason']);
        self::assertCount(1, $this->audit_rows());
    }

    public function test_the_php_api_pauses_too(): void
    {
        sophmate_safe_mode_pause('category:content', 'Bad SEO rewrite');
        $this->forget_caches();
        self::assertSame('paused', $this->stored_switches()['categories']['content']['state']);
        self::assertSame('api', $this->audit_rows()[0]['source']);
    }

    public function test_resuming_takes_a_reviewed_restart_into_trial_and_a_clean_trial_run_allows_promotion(): void
    {
        sophmate_safe_mode_register_automation('test-newsletter', ['label' => 'Newsletter', 'kind' => 'playbook', 'category' => 'marketing', 'owner' => 'admin']);
        $this->rest('POST', '/categories/marketing/pause', ['reason' => 'x']);
        $restart = $this->rest('POST', '/categories/marketing/restart', ['acknowledged' => Acknowledgements::REQUIRED, 'note' => 'reviewed', 'scope' => ['max_runs' => 1]]);
        self::assertSame('trial', $this->data($restart)['state']);

        $this->assertError($this->rest('POST', '/categories/marketing/promote'), 409, 'sophmate_trial_not_clean');

        $this->forget_caches();
        $run = sophmate_safe_mode_start_run('test-newsletter', ['trigger' => 'manual']);
        self::assertTrue($run->is_allowed());
        $run->succeed();
        $this->forget_caches();
        self::assertFalse(sophmate_safe_mode_start_run('test-newsletter')->is_allowed(), 'the one trial run is used');

        $promote = $this->rest('POST', '/categories/marketing/promote');
        self::assertSame('running', $this->data($promote)['state']);
        // review_due: the first run made the category's review due (review cadence); not a switch change.
        self::assertSame(['pause', 'restart', 'promote'], array_values(array_diff(array_column($this->audit_rows(), 'action'), ['review_due'])));
    }

    public function test_a_run_of_a_paused_category_is_recorded_as_skipped_with_the_reason(): void
    {
        sophmate_safe_mode_register_automation('test-digest', ['label' => 'Digest', 'kind' => 'workflow', 'category' => 'commerce', 'owner' => 'admin']);
        $this->rest('POST', '/categories/commerce/pause', ['reason' => 'Refund storm']);
        $this->forget_caches();

        $run = sophmate_safe_mode_start_run('test-digest', ['trigger' => 'cron']);

        self::assertFalse($run->is_allowed());
        $stored = $this->services->runs->get($run->id());
        self::assertNotNull($stored);
        self::assertSame('skipped', $stored->status->value);
        self::assertSame('category:commerce', $stored->decision_scope);
        self::assertStringContainsString('Refund storm', $stored->reason);
    }
}
