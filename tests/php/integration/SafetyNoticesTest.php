<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Admin\StatusNotices;
use SophMate\SafeMode\Domain\Switches\Acknowledgements;
use SophMate\SafeMode\Enforcement\EmergencySwitch;
use SophMate\SafeMode\Services;
use SophMate\SafeMode\Storage\OptionSwitchStateStore;

final class SafetyNoticesTest extends IntegrationTestCase
{
    private const ROW_HOOK = 'after_plugin_row_sophmate-safe-mode/plugin.php';

    protected function tearDown(): void
    {
        @unlink(WP_CONTENT_DIR . '/' . EmergencySwitch::FLAG_FILE);
        parent::tearDown();
    }

    private function notices(): string
    {
        $this->forget_caches();
        ob_start();
        do_action('admin_notices');
        return (string) ob_get_clean();
    }

    private function plugin_row(): string
    {
        $this->forget_caches();
        ob_start();
        do_action(self::ROW_HOOK, 'sophmate-safe-mode/plugin.php', [], 'all');
        return (string) ob_get_clean();
    }

    public function test_no_notice_and_no_query_while_everything_runs(): void
    {
        $this->forget_caches();
        wp_load_alloptions();
        current_user_can('read');
        $before = $this->db->num_queries;
        ob_start();
        (new StatusNotices($this->services))->render();
        $html = (string) ob_get_clean();

        self::assertSame('', $html);
        self::assertSame(0, $this->db->num_queries - $before, 'queries added by the notices');
        self::assertStringNotContainsString('sophmate-safe-mode-notice', $this->notices());
    }

    public function test_a_paused_category_is_named_with_who_when_and_the_escaped_reason(): void
    {
        $this->rest('POST', '/categories/marketing/pause', ['reason' => '<script>x</script> sent twice', 'incident_url' => 'https://status.example.test/1']);

        $html = $this->notices();

        self::assertStringContainsString('data-sophmate-notice="paused"', $html);
        self::assertStringContainsString('Automation: 1 paused', $html);
        self::assertStringContainsString('Category Marketing: paused', $html);
        $admin = get_userdata(self::admin_id());
        self::assertStringContainsString('by ' . esc_html($admin->display_name) . ' (via wp-admin)', $html);
        self::assertMatchesRegularExpression('/since \d+ (seconds?|secs?|mins?) ago \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)/', $html);
        self::assertStringContainsString('&lt;script&gt;x&lt;/script&gt; sent twice', $html);
        self::assertStringNotContainsString('<script>x</script>', $html);
        self::assertStringContainsString('href="https://status.example.test/1"', $html);
        self::assertStringContainsString('href="' . esc_url(admin_url('admin.php?page=sophmate-safe-mode')) . '"', $html);
        self::assertStringNotContainsString('is-dismissible', $html, 'stays while the pause holds');
    }

    public function test_each_paused_scope_links_to_its_page_and_offers_review_and_restart_there(): void
    {
        sophmate_safe_mode_register_automation(
            'news_letter-2',
            ['label' => 'Newsletter', 'kind' => 'workflow', 'category' => 'content', 'owner' => 'admin']
        );
        $this->rest('POST', '/categories/marketing/pause', ['reason' => 'x']);
        $this->rest('POST', '/automations/news_letter-2/pause', ['reason' => 'y']);

        $html = $this->notices();

        $category = esc_url(admin_url('admin.php?page=sophmate-safe-mode&view=category&slug=marketing'));
        $automation = esc_url(admin_url('admin.php?page=sophmate-safe-mode&view=automation&id=news_letter-2'));
        self::assertStringContainsString('<a href="' . $category . '">Category Marketing: paused</a>', $html);
        self::assertStringContainsString('<a href="' . $automation . '">Automation Newsletter: paused</a>', $html);
        $review = esc_url(admin_url('admin.php?page=sophmate-safe-mode&view=review&scope=category%3Amarketing'));
        $automation_review = esc_url(admin_url('admin.php?page=sophmate-safe-mode&view=review&scope=automation%3Anews_letter-2'));
        self::assertStringContainsString('<a href="' . $review . '" class="sophmate-safe-mode-review-link">Review and restart</a>', $html);
        self::assertStringContainsString('<a href="' . $automation_review . '" class="sophmate-safe-mode-review-link">Review and restart</a>', $html);
    }

    public function test_safe_mode_links_to_the_overview_and_a_trial_to_its_page_without_a_restart_link(): void
    {
        $this->rest('POST', '/categories/support/pause', ['reason' => 'bad replies']);
        $this->rest('POST', '/categories/support/restart', ['acknowledged' => Acknowledgements::REQUIRED, 'note' => 'dedup fixed', 'scope' => ['max_runs' => 2]]);
        $this->rest('PUT', '/safe-mode', ['mode' => 'paused', 'reason' => 'Card testing attack']);

        $html = $this->notices();

        $overview = esc_url(admin_url('admin.php?page=sophmate-safe-mode'));
        $support = esc_url(admin_url('admin.php?page=sophmate-safe-mode&view=category&slug=support'));
        self::assertStringContainsString('<a href="' . $overview . '">Safe mode (everything): paused, nothing runs</a>', $html);
        self::assertStringContainsString('<a href="' . $support . '">Category Support: in trial</a>', $html);
        self::assertStringNotContainsString('Review and restart', $html);
        $review = esc_url(admin_url('admin.php?page=sophmate-safe-mode&view=review&scope=global'));
        self::assertStringContainsString('<a href="' . $review . '" class="sophmate-safe-mode-review-link">Review and turn off</a>', $html);
    }

    public function test_safe_mode_and_a_trial_are_both_reported_until_lifted(): void
    {
        $this->rest('POST', '/categories/support/pause', ['reason' => 'bad replies']);
        $this->rest('POST', '/categories/support/restart', ['acknowledged' => Acknowledgements::REQUIRED, 'note' => 'dedup fixed', 'scope' => ['max_runs' => 2, 'read_only' => true]]);
        $this->rest('PUT', '/safe-mode', ['mode' => 'paused', 'reason' => 'Card testing attack']);

        $html = $this->notices();

        self::assertStringContainsString('notice-error', $html);
        self::assertStringContainsString('Safe mode (everything): paused, nothing runs', $html);
        self::assertStringContainsString('Card testing attack', $html);
        self::assertStringContainsString('Category Support: in trial (read-only)', $html);
        self::assertStringContainsString('dedup fixed', $html);

        $off = $this->rest('PUT', '/safe-mode', ['mode' => 'off', 'acknowledged' => Acknowledgements::REQUIRED, 'note' => 'attack over']);
        self::assertSame(200, $off->get_status());
        $html = $this->notices();
        self::assertStringNotContainsString('Safe mode (everything)', $html);
        self::assertStringContainsString('Category Support: in trial (read-only)', $html, 'the trial is still reported');
    }

    public function test_a_subscriber_sees_no_notice_even_in_safe_mode(): void
    {
        $this->rest('PUT', '/safe-mode', ['mode' => 'paused', 'reason' => 'x']);
        wp_set_current_user($this->user_with_role('subscriber'));

        self::assertSame('', $this->notices());
    }

    public function test_unreadable_state_is_an_error_that_says_automation_is_held_and_how_to_repair(): void
    {
        $this->db->update($this->db->options, ['option_value' => '{"version": broken'], ['option_name' => OptionSwitchStateStore::OPTION]);

        $html = $this->notices();

        self::assertStringContainsString('data-sophmate-notice="unreadable"', $html);
        self::assertStringContainsString('notice-error', $html);
        self::assertStringContainsString('All automation is held', $html);
        self::assertStringContainsString('<code>sophmate_safe_mode_switches</code>', $html);
        self::assertStringContainsString('wp option delete sophmate_safe_mode_switches', $html);
        self::assertStringContainsString('wp sophmate status', $html);
        self::assertStringContainsString('not valid JSON', $html, 'names the problem');
    }

    public function test_the_flag_file_is_reported_with_how_to_lift_it(): void
    {
        file_put_contents(WP_CONTENT_DIR . '/' . EmergencySwitch::FLAG_FILE, "read_only\n");
        global $wpdb;
        ob_start();
        (new StatusNotices(new Services($wpdb, WP_CONTENT_DIR)))->render();
        $html = (string) ob_get_clean();

        self::assertStringContainsString('data-sophmate-notice="emergency"', $html);
        self::assertStringContainsString('Automation: SAFE MODE, read-only (forced by flag file)', $html);
        self::assertStringContainsString(esc_html(WP_CONTENT_DIR . '/' . EmergencySwitch::FLAG_FILE), $html);
        self::assertStringContainsString('Delete that file', $html);
    }

    public function test_the_plugins_screen_warns_that_deactivating_removes_the_brakes_while_something_is_paused(): void
    {
        self::assertSame('', $this->plugin_row(), 'no warning while everything runs');
        $links = apply_filters('plugin_action_links_sophmate-safe-mode/plugin.php', ['deactivate' => '<a href="x">Deactivate</a>'], '', [], 'all');
        self::assertSame('<a href="x">Deactivate</a>', $links['deactivate']);

        $this->rest('POST', '/categories/marketing/pause', ['reason' => 'Newsletter went out twice']);
        $html = $this->plugin_row();

        self::assertStringContainsString('removes the brakes', $html);
        self::assertStringContainsString('Paused right now: Category Marketing (paused).', $html);
        self::assertStringContainsString('<tr class="plugin-update-tr', $html);

        $this->forget_caches();
        $links = apply_filters('plugin_action_links_sophmate-safe-mode/plugin.php', ['deactivate' => '<a href="x">Deactivate</a>'], '', [], 'all');
        self::assertStringStartsWith('<a onclick="return window.confirm(', $links['deactivate']);
        self::assertStringContainsString('removes the brakes', $links['deactivate']);
    }
}
