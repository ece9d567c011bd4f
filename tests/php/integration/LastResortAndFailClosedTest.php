<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Enforcement\EmergencySwitch;
use SophMate\SafeMode\Storage\OptionSwitchStateStore;

final class LastResortAndFailClosedTest extends IntegrationTestCase
{
    private const PROBE = '
        sophmate_safe_mode_register_automation("probe", ["label" => "Probe", "kind" => "watcher", "category" => "content", "owner" => "admin"]);
        $d = sophmate_safe_mode_decide("probe");
        $s = \SophMate\SafeMode\Plugin::services()->status->build();
        echo json_encode(["effect" => $d->effect(), "scope" => $d->scope(), "emergency" => $s["emergency"], "safe_mode" => $s["safe_mode"]["mode"]]);';

    protected function tearDown(): void
    {
        @unlink(WP_CONTENT_DIR . '/' . EmergencySwitch::FLAG_FILE);
        parent::tearDown();
    }

    public function test_the_constant_forces_safe_mode_without_touching_the_database(): void
    {
        $before = $this->stored_switches();
        $audit = count($this->audit_rows());

        $probe = json_decode($this->php_in_site(self::PROBE, ['SOPHMATE_SAFE_MODE' => 'paused']), true);

        self::assertSame('blocked', $probe['effect']);
        self::assertSame('emergency', $probe['scope']);
        self::assertSame(['active' => true, 'mode' => 'paused', 'via' => 'constant'], array_slice($probe['emergency'], 0, 3));
        self::assertSame('off', $probe['safe_mode'], 'stored safe mode is untouched');
        self::assertSame($before, $this->stored_switches());
        self::assertCount($audit, $this->audit_rows());
    }

    public function test_the_constant_can_force_read_only(): void
    {
        $probe = json_decode($this->php_in_site(self::PROBE, ['SOPHMATE_SAFE_MODE' => 'read_only']), true);
        self::assertSame('read_only', $probe['effect']);
    }

    public function test_the_flag_file_forces_safe_mode_and_removing_it_lifts_it(): void
    {
        file_put_contents(WP_CONTENT_DIR . '/' . EmergencySwitch::FLAG_FILE, "read_only\n");
        $probe = json_decode($this->php_in_site(self::PROBE), true);
        self::assertSame(['active' => true, 'mode' => 'read_only', 'via' => 'file'], array_slice($probe['emergency'], 0, 3));

        unlink(WP_CONTENT_DIR . '/' . EmergencySwitch::FLAG_FILE);
        $probe = json_decode($this->php_in_site(self::PROBE), true);
        self::assertFalse($probe['emergency']['active']);
        self::assertSame('run', $probe['effect']);
    }

    public function test_corrupt_switch_state_blocks_automation_and_refuses_changes(): void
    {
        $this->db->update($this->db->options, ['option_value' => '{"version": broken'], ['option_name' => OptionSwitchStateStore::OPTION]);
        $this->forget_caches();

        sophmate_safe_mode_register_automation('probe', ['label' => 'Probe', 'kind' => 'watcher', 'category' => 'content', 'owner' => 'admin']);
        $decision = sophmate_safe_mode_decide('probe');
        self::assertFalse($decision->allows_run());
        self::assertSame('state', $decision->scope());

        $status = $this->data($this->rest('GET', '/status'));
        self::assertNotNull($status['state_error']);
        $this->assertError($this->rest('POST', '/categories/marketing/pause', ['reason' => 'x']), 503, 'sophmate_state_unreadable');

        delete_option(\SophMate\SafeMode\Enforcement\FailClosedRecorder::MARKER);
        $this->services->fail_closed->record();
        $this->services->fail_closed->record();
        $rows = $this->audit_rows();
        self::assertCount(1, $rows, 'recorded once, not on every request');
        self::assertSame(['state_unreadable', 'global', 'held'], [$rows[0]['action'], $rows[0]['scope'], $rows[0]['after_state']]);
        self::assertStringContainsString('not valid JSON', $rows[0]['reason']);
    }

    public function test_state_survives_deactivation_and_uninstall_removes_everything(): void
    {
        $this->rest('POST', '/categories/marketing/pause', ['reason' => 'keep across deactivation']);
        $out = $this->php_in_site('
            require_once ABSPATH . "wp-admin/includes/plugin.php";
            deactivate_plugins("sophmate-safe-mode/plugin.php");
            $kept = json_decode(get_option("sophmate_safe_mode_switches"), true)["categories"]["marketing"]["state"] ?? "gone";
            activate_plugin("sophmate-safe-mode/plugin.php");
            echo $kept;');
        self::assertSame('paused', $out);
        $this->forget_caches();
        self::assertSame('paused', $this->stored_switches()['categories']['marketing']['state']);
        self::assertTrue(is_plugin_active('sophmate-safe-mode/plugin.php') || in_array('sophmate-safe-mode/plugin.php', (array) get_option('active_plugins'), true));

        $out = $this->php_in_site('
            define("WP_UNINSTALL_PLUGIN", "sophmate-safe-mode/plugin.php");
            include WP_PLUGIN_DIR . "/sophmate-safe-mode/uninstall.php";
            global $wpdb;
            echo json_encode([get_option("sophmate_safe_mode_switches", "gone"), $wpdb->get_var("SHOW TABLES LIKE \"{$wpdb->prefix}sophmate_audit\""), get_role("administrator")->has_cap("sophmate_manage_automation")]);');
        self::assertSame(['gone', null, false], json_decode($out, true));

        // Put the plugin back the way every other test expects it.
        $this->php_in_site('\SophMate\SafeMode\Plugin::activate();');
        wp_cache_flush();
        get_role('administrator')->add_cap('sophmate_manage_automation');
    }

    public function test_a_bad_registration_is_reported_and_skipped_never_fatal(): void
    {
        $out = $this->php_in_site('
            $notices = [];
            add_action("doing_it_wrong_run", static function ($function, $message) use (&$notices) { $notices[] = $message; }, 10, 2);
            add_filter("doing_it_wrong_trigger_error", "__return_false");
            sophmate_safe_mode_register_automation("a1", ["kind" => "robot", "category" => "content"]);
            sophmate_safe_mode_register_automation("a2", ["kind" => "workflow", "category" => "nowhere"]);
            sophmate_safe_mode_register_automation("a3", ["kind" => "workflow", "category" => "content", "owner" => "no-such-user"]);
            sophmate_safe_mode_register_automation("a4", ["kind" => "workflow", "category" => "content"]);
            sophmate_safe_mode_register_automation("a4", ["kind" => "agent", "category" => "content"]);
            sophmate_safe_mode_register_automation("a4", ["kind" => "workflow", "category" => "content"]);
            sophmate_safe_mode_pause("team:ops", "x");
            echo json_encode(["notices" => $notices, "a4" => sophmate_safe_mode_decide("a4")->effect(), "a1" => \SophMate\SafeMode\Plugin::services()->catalog->has_automation("a1")]);', [], $exit);
        self::assertSame(0, $exit, $out);
        $result = json_decode($out, true);
        self::assertCount(5, $result['notices'], $out);
        self::assertStringContainsString('kind must be one of', $result['notices'][0]);
        self::assertStringContainsString('nowhere', $result['notices'][1]);
        self::assertStringContainsString('no-such-user', $result['notices'][2]);
        self::assertStringContainsString('already registered with different arguments', $result['notices'][3]);
        self::assertStringContainsString('Unknown scope', $result['notices'][4]);
        self::assertSame('run', $result['a4'], 'registering the same id twice with the same arguments is harmless');
        self::assertFalse($result['a1']);
    }
}
