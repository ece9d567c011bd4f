<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Admin\AdminBar;
use SophMate\SafeMode\Domain\Switches\Acknowledgements;
use SophMate\SafeMode\Enforcement\EmergencySwitch;
use SophMate\SafeMode\Plugin;
use SophMate\SafeMode\Services;
use SophMate\SafeMode\Storage\OptionSwitchStateStore;

final class AdminBarTest extends IntegrationTestCase
{
    protected function setUp(): void
    {
        parent::setUp();
        require_once ABSPATH . WPINC . '/class-wp-admin-bar.php';
    }

    protected function tearDown(): void
    {
        @unlink(WP_CONTENT_DIR . '/' . EmergencySwitch::FLAG_FILE);
        remove_filter('show_admin_bar', '__return_true');
        wp_dequeue_script(AdminBar::SCRIPT);
        wp_dequeue_style(AdminBar::SCRIPT);
        parent::tearDown();
    }

    private function render_bar(): \WP_Admin_Bar
    {
        $this->forget_caches();
        $bar = new \WP_Admin_Bar();
        $bar->initialize();
        do_action_ref_array('admin_bar_menu', [&$bar]);
        return $bar;
    }

    private static function title(\WP_Admin_Bar $bar, string $id): string
    {
        $node = $bar->get_node($id);
        self::assertNotNull($node, "admin bar node {$id} exists");
        return wp_strip_all_tags((string) $node->title);
    }

    public function test_an_admin_sees_automation_running_with_pause_all_and_a_link_to_the_safety_page(): void
    {
        $bar = $this->render_bar();

        self::assertSame('Automation: running', self::title($bar, AdminBar::NODE));
        self::assertStringContainsString('sophmate-sm--running', (string) $bar->get_node(AdminBar::NODE)->meta['class']);
        self::assertSame('Pause all automation', self::title($bar, AdminBar::PAUSE_NODE));
        self::assertSame(AdminBar::NODE, $bar->get_node(AdminBar::PAUSE_NODE)->parent);
        self::assertSame('Open Automation Safety', self::title($bar, AdminBar::OPEN_NODE));
        self::assertSame(admin_url('admin.php?page=sophmate-safe-mode'), $bar->get_node(AdminBar::OPEN_NODE)->href);
    }

    public function test_the_node_costs_no_database_query_when_nothing_is_paused(): void
    {
        $bar = new \WP_Admin_Bar();
        $bar->initialize();
        // What every request has loaded before the admin bar renders: autoloaded options and the user.
        $this->forget_caches();
        wp_load_alloptions();
        current_user_can('read');

        $before = $this->db->num_queries;
        (new AdminBar($this->services, SOPHMATE_SAFE_MODE_FILE))->add_nodes($bar);

        self::assertSame(0, $this->db->num_queries - $before, 'queries added by the admin bar node');
        self::assertSame('Automation: running', self::title($bar, AdminBar::NODE));
    }

    public function test_paused_categories_and_automations_are_counted_and_listed(): void
    {
        sophmate_safe_mode_register_automation('newsletter', ['label' => 'Newsletter', 'kind' => 'workflow', 'category' => 'content', 'owner' => 'admin']);
        $this->rest('POST', '/categories/marketing/pause', ['reason' => 'Newsletter went out twice']);
        $this->rest('POST', '/automations/newsletter/pause', ['reason' => 'Same newsletter']);

        $bar = $this->render_bar();

        self::assertSame('Automation: 2 paused', self::title($bar, AdminBar::NODE));
        self::assertStringContainsString('sophmate-sm--paused', (string) $bar->get_node(AdminBar::NODE)->meta['class']);
        self::assertSame('Category marketing: paused', self::title($bar, AdminBar::NODE . '-category-marketing'));
        self::assertSame('Automation newsletter: paused', self::title($bar, AdminBar::NODE . '-automation-newsletter'));
        self::assertNotNull($bar->get_node(AdminBar::PAUSE_NODE), 'everything can still be paused');
    }

    public function test_each_paused_scope_links_to_its_own_page_with_a_review_and_restart_link(): void
    {
        sophmate_safe_mode_register_automation('news_letter-2', ['label' => 'Newsletter', 'kind' => 'workflow', 'category' => 'content', 'owner' => 'admin']);
        $this->rest('POST', '/categories/marketing/pause', ['reason' => 'x']);
        $this->rest('POST', '/automations/news_letter-2/pause', ['reason' => 'y']);

        $bar = $this->render_bar();

        $category = admin_url('admin.php?page=sophmate-safe-mode&view=category&slug=marketing');
        $automation = admin_url('admin.php?page=sophmate-safe-mode&view=automation&id=news_letter-2');
        $category_node = AdminBar::scope_node('category', 'marketing');
        $automation_node = AdminBar::scope_node('automation', 'news_letter-2');
        self::assertSame($category, $bar->get_node($category_node)->href);
        self::assertSame($automation, $bar->get_node($automation_node)->href);
        self::assertSame('Review and restart', self::title($bar, $category_node . '-review'));
        self::assertSame($category_node, $bar->get_node($category_node . '-review')->parent);
        self::assertSame(admin_url('admin.php?page=sophmate-safe-mode&view=review&scope=category%3Amarketing'), $bar->get_node($category_node . '-review')->href);
        self::assertSame(admin_url('admin.php?page=sophmate-safe-mode&view=review&scope=automation%3Anews_letter-2'), $bar->get_node($automation_node . '-review')->href);
    }

    public function test_a_scope_in_trial_links_to_its_page_without_a_restart_link_and_safe_mode_links_to_the_overview(): void
    {
        $this->rest('POST', '/categories/marketing/pause', ['reason' => 'x']);
        $this->rest('POST', '/categories/marketing/restart', ['acknowledged' => Acknowledgements::REQUIRED, 'note' => 'reviewed', 'scope' => ['max_runs' => 1]]);
        $this->rest('PUT', '/safe-mode', ['mode' => 'read_only', 'reason' => 'Checking writes']);

        $bar = $this->render_bar();

        $node = AdminBar::scope_node('category', 'marketing');
        self::assertSame(admin_url('admin.php?page=sophmate-safe-mode&view=category&slug=marketing'), $bar->get_node($node)->href);
        self::assertNull($bar->get_node($node . '-review'), 'nothing to restart while in trial');
        self::assertSame(admin_url('admin.php?page=sophmate-safe-mode'), $bar->get_node(AdminBar::NODE . '-safe-mode')->href);
    }

    public function test_a_category_restarted_in_trial_is_shown_as_in_trial(): void
    {
        $this->rest('POST', '/categories/marketing/pause', ['reason' => 'x']);
        $this->rest('POST', '/categories/support/pause', ['reason' => 'y']);
        $restart = $this->rest('POST', '/categories/marketing/restart', ['acknowledged' => Acknowledgements::REQUIRED, 'note' => 'reviewed', 'scope' => ['max_runs' => 1]]);
        self::assertSame(200, $restart->get_status());

        self::assertSame('Automation: 1 paused, 1 in trial', self::title($this->render_bar(), AdminBar::NODE));
    }

    public function test_safe_mode_shows_safe_mode_with_its_reason_and_no_pause_all(): void
    {
        $response = $this->rest('PUT', '/safe-mode', ['mode' => 'paused', 'reason' => 'Card <b>testing</b> attack']);
        self::assertSame(200, $response->get_status());

        $bar = $this->render_bar();

        self::assertSame('Automation: SAFE MODE', self::title($bar, AdminBar::NODE));
        self::assertStringContainsString('sophmate-sm--safe-mode', (string) $bar->get_node(AdminBar::NODE)->meta['class']);
        $reason_title = (string) $bar->get_node(AdminBar::NODE . '-safe-mode')->title;
        self::assertStringContainsString('Card &lt;b&gt;testing&lt;/b&gt; attack', $reason_title, 'the reason is escaped');
        self::assertNull($bar->get_node(AdminBar::PAUSE_NODE), 'nothing left to pause');
        self::assertNotNull($bar->get_node(AdminBar::OPEN_NODE));
    }

    public function test_read_only_safe_mode_is_named_and_can_still_be_escalated_to_pause_all(): void
    {
        $this->rest('PUT', '/safe-mode', ['mode' => 'read_only', 'reason' => 'Provider degraded']);
        $bar = $this->render_bar();

        self::assertSame('Automation: SAFE MODE (read-only)', self::title($bar, AdminBar::NODE));
        self::assertNotNull($bar->get_node(AdminBar::PAUSE_NODE));
    }

    public function test_the_flag_file_is_shown_as_forced_safe_mode(): void
    {
        file_put_contents(WP_CONTENT_DIR . '/' . EmergencySwitch::FLAG_FILE, "paused\n");
        global $wpdb;
        // The last-resort switch is read once per request: a fresh graph is a fresh request.
        $services = new Services($wpdb, WP_CONTENT_DIR);
        $bar = new \WP_Admin_Bar();
        $bar->initialize();
        (new AdminBar($services, SOPHMATE_SAFE_MODE_FILE))->add_nodes($bar);

        self::assertSame('Automation: SAFE MODE (forced by flag file)', self::title($bar, AdminBar::NODE));
        self::assertNull($bar->get_node(AdminBar::PAUSE_NODE));
    }

    public function test_unreadable_state_shows_automation_held(): void
    {
        $this->db->update($this->db->options, ['option_value' => 'not json'], ['option_name' => OptionSwitchStateStore::OPTION]);
        $bar = $this->render_bar();

        self::assertSame('Automation: HELD (state unreadable)', self::title($bar, AdminBar::NODE));
        self::assertStringContainsString('sophmate-sm--held', (string) $bar->get_node(AdminBar::NODE)->meta['class']);
        self::assertNull($bar->get_node(AdminBar::PAUSE_NODE), 'changes are refused while the state is unreadable');
    }

    public function test_a_user_who_may_only_pause_sees_the_node_and_a_subscriber_does_not(): void
    {
        $pauser = $this->user_with_role('editor');
        (new \WP_User($pauser))->add_cap(Plugin::CAP_PAUSE);
        wp_set_current_user($pauser);
        $bar = $this->render_bar();
        self::assertSame('Automation: running', self::title($bar, AdminBar::NODE));
        self::assertNotNull($bar->get_node(AdminBar::PAUSE_NODE));

        wp_set_current_user(self::admin_id());
        $this->rest('POST', '/categories/marketing/pause', ['reason' => 'x']);
        wp_set_current_user($this->user_with_role('subscriber'));
        $bar = $this->render_bar();
        self::assertNull($bar->get_node(AdminBar::NODE));
        self::assertNull($bar->get_node(AdminBar::PAUSE_NODE));
    }

    public function test_the_pause_script_loads_with_api_fetch_wherever_the_bar_shows_and_only_for_people_who_may_pause(): void
    {
        add_filter('show_admin_bar', '__return_true');
        do_action('wp_enqueue_scripts');

        self::assertTrue(wp_script_is(AdminBar::SCRIPT, 'enqueued'));
        self::assertTrue(wp_style_is(AdminBar::SCRIPT, 'enqueued'));
        $script = wp_scripts()->registered[AdminBar::SCRIPT];
        self::assertContains('wp-api-fetch', $script->deps);
        $data = (string) wp_scripts()->get_data(AdminBar::SCRIPT, 'data');
        self::assertStringContainsString('"path":"\/sophmate-safe-mode\/v1\/safe-mode"', $data);
        self::assertStringContainsString('wp-admin-bar-' . AdminBar::PAUSE_NODE, $data);
        self::assertStringContainsString('"reasonLabel":"Reason"', $data, 'the dialog labels its reason field');
        self::assertStringContainsString('"cancel":"Cancel"', $data);
        self::assertFileExists(dirname(SOPHMATE_SAFE_MODE_FILE) . '/assets/admin-bar.js');
        self::assertFileExists(dirname(SOPHMATE_SAFE_MODE_FILE) . '/assets/admin-bar.css');

        wp_dequeue_script(AdminBar::SCRIPT);
        wp_set_current_user($this->user_with_role('subscriber'));
        do_action('wp_enqueue_scripts');
        self::assertFalse(wp_script_is(AdminBar::SCRIPT, 'enqueued'));
    }
}
