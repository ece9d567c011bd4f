<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\multisite;

use SophMate\SafeMode\Cadence\DailyReview;
use SophMate\SafeMode\Enforcement\Maintenance;
use SophMate\SafeMode\Multisite\SiteSetup;
use SophMate\SafeMode\Plugin;
use SophMate\SafeMode\Storage\OptionCategoryRepository;
use SophMate\SafeMode\Storage\Schema\Schema;

/** Network activation sets up every site; sites created later, or never set up, get set up too. */
final class NetworkActivationTest extends MultisiteTestCase
{
    private const PLUGIN = 'sophmate-safe-mode/plugin.php';

    protected function tearDown(): void
    {
        // Whatever a test did, the network ends with the plugin network-active and both sites set up.
        while (ms_is_switched()) {
            restore_current_blog();
        }
        if (!is_plugin_active_for_network(self::PLUGIN)) {
            activate_plugin(self::PLUGIN, '', true, true);
            do_action('activate_' . self::PLUGIN, true);
        }
        parent::tearDown();
    }

    public function test_network_activation_sets_up_every_existing_site(): void
    {
        deactivate_plugins(self::PLUGIN, true, true);
        self::assertFalse(is_plugin_active_for_network(self::PLUGIN));
        // Site 2 as if the plugin had never run there.
        $this->wipe_site($this->site2);
        $this->on_site($this->site2, function (): void {
            self::assertSame(0, $this->services->schema->installed_version());
            self::assertSame([], (array) get_option(OptionCategoryRepository::OPTION, []));
        });

        $result = activate_plugin(self::PLUGIN, '', true);

        self::assertNull($result);
        self::assertTrue(is_plugin_active_for_network(self::PLUGIN));
        foreach ([1, $this->site2] as $id) {
            $this->assertSetUp($id);
        }
    }

    public function test_network_deactivation_unschedules_each_sites_cron_events_and_keeps_their_state(): void
    {
        $this->on_site($this->site2, function (): void {
            self::assertNotFalse(wp_next_scheduled(Maintenance::HOOK));
            $this->services->switches->pause(\SophMate\SafeMode\Domain\Scope::category('marketing'), 'kept across deactivation', $this->services->actors->current(), \SophMate\SafeMode\Domain\Switches\Source::Api);
        });

        deactivate_plugins(self::PLUGIN, false, true);

        foreach ([1, $this->site2] as $id) {
            $this->on_site($id, function () use ($id): void {
                self::assertFalse(wp_next_scheduled(Maintenance::HOOK), "site {$id}: maintenance unscheduled");
                self::assertFalse(wp_next_scheduled(DailyReview::HOOK), "site {$id}: daily review unscheduled");
            });
        }
        $this->on_site($this->site2, function (): void {
            self::assertSame('paused', $this->services->switch_store->load_fresh()->state_of(\SophMate\SafeMode\Domain\Scope::category('marketing'))->value, 'a pause survives deactivation');
        });
    }

    public function test_a_site_created_later_gets_the_categories_tables_and_cron_events(): void
    {
        $id = wp_insert_site(['domain' => get_network()->domain, 'path' => '/new-' . wp_generate_password(6, false, false) . '/', 'title' => 'New site', 'user_id' => self::admin_id()]);
        self::assertIsInt($id);
        try {
            $this->assertSetUp($id);
        } finally {
            wp_delete_site($id);
        }
        $this->on_site(1, function () use ($id): void {
            $prefix = $this->db->get_blog_prefix($id);
            self::assertNull($this->db->get_var($this->db->prepare('SHOW TABLES LIKE %s', $prefix . 'sophmate_audit')), 'deleting the site drops its plugin tables');
        });
    }

    public function test_a_site_that_was_never_set_up_is_set_up_on_its_first_request(): void
    {
        $this->wipe_site($this->site2);

        $out = $this->php_on_site('/site2/', 'echo "blog=", get_current_blog_id(), " categories=", count((array) get_option("sophmate_safe_mode_categories", []));');

        self::assertStringContainsString('blog=' . $this->site2 . ' categories=7', $out);
        $this->assertSetUp($this->site2);
    }

    public function test_per_site_activation_on_a_multisite_sets_up_only_that_site(): void
    {
        deactivate_plugins(self::PLUGIN, true, true);
        $this->wipe_site($this->site2);
        $this->wipe_site(1);

        $this->on_site($this->site2, function (): void {
            self::assertNull(activate_plugin(self::PLUGIN));
            self::assertTrue(is_plugin_active(self::PLUGIN));
        });

        self::assertFalse(is_plugin_active_for_network(self::PLUGIN));
        $this->assertSetUp($this->site2);
        $this->on_site(1, function (): void {
            self::assertSame(0, $this->services->schema->installed_version(), 'the main site was not touched');
        });
        $this->on_site($this->site2, static function (): void {
            deactivate_plugins(self::PLUGIN, true);
        });
    }

    public function test_uninstall_removes_every_sites_tables_and_options_and_the_network_option(): void
    {
        update_site_option(\SophMate\SafeMode\Multisite\NetworkSafeModeStore::OPTION, '{"version":1,"safe_mode":{"mode":"off"}}');

        $out = $this->php_on_site('/', '
            define("WP_UNINSTALL_PLUGIN", "sophmate-safe-mode/plugin.php");
            include WP_PLUGIN_DIR . "/sophmate-safe-mode/uninstall.php";
            global $wpdb;
            $left = [];
            foreach (get_sites(["fields" => "ids"]) as $id) {
                switch_to_blog($id);
                $left[] = [get_option("sophmate_safe_mode_categories", "gone"), $wpdb->get_var("SHOW TABLES LIKE \"{$wpdb->prefix}sophmate_audit\""), get_role("administrator")->has_cap("sophmate_manage_automation")];
                restore_current_blog();
            }
            echo json_encode(["sites" => $left, "network" => get_site_option("sophmate_safe_mode_network", "gone")]);');

        self::assertSame(['sites' => [['gone', null, false], ['gone', null, false]], 'network' => 'gone'], json_decode($out, true), $out);
        wp_cache_flush();
        // Put the network back the way every other test expects it.
        do_action('activate_' . self::PLUGIN, true);
        foreach ([1, $this->site2] as $id) {
            $this->assertSetUp($id);
        }
    }

    private function assertSetUp(int $id): void
    {
        $this->on_site($id, function () use ($id): void {
            self::assertSame(Schema::VERSION, $this->services->schema->installed_version(), "site {$id}: schema installed");
            foreach ($this->services->schema->tables() as $table) {
                self::assertSame($table, $this->db->get_var($this->db->prepare('SHOW TABLES LIKE %s', $table)), "site {$id}: {$table}");
            }
            $categories = (array) get_option(OptionCategoryRepository::OPTION, []);
            self::assertEqualsCanonicalizing(['commerce', 'content', 'support', 'marketing', 'system', 'image', 'agent'], array_keys($categories), "site {$id}: built-in categories");
            self::assertNotFalse(wp_next_scheduled(Maintenance::HOOK), "site {$id}: maintenance scheduled");
            self::assertNotFalse(wp_next_scheduled(DailyReview::HOOK), "site {$id}: daily review scheduled");
            self::assertTrue((bool) get_role('administrator')?->has_cap(Plugin::CAP_MANAGE), "site {$id}: administrators may manage");
            self::assertSame('1', (string) get_option(SiteSetup::READY_OPTION), "site {$id}: marked set up");
            self::assertTrue($this->services->switch_store->load_fresh()->is_quiet(), "site {$id}: nothing paused");
        });
    }

    /** Drops the plugin's tables, options and cron events on one site. */
    private function wipe_site(int $id): void
    {
        $this->on_site($id, function (): void {
            $this->services->schema->drop();
            foreach (['sophmate_safe_mode_switches', 'sophmate_safe_mode_categories', 'sophmate_safe_mode_db_version', SiteSetup::READY_OPTION] as $option) {
                delete_option($option);
            }
            wp_clear_scheduled_hook(Maintenance::HOOK);
            wp_clear_scheduled_hook(DailyReview::HOOK);
            wp_cache_flush();
        });
        $this->forget();
    }
}
