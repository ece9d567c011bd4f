<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Storage\OptionAutomationRepository;

/** Sites govern automation that never heard of this plugin by binding its cron hook over REST. */
final class AdminCreatedAutomationTest extends IntegrationTestCase
{
    protected function setUp(): void
    {
        parent::setUp();
        update_option(OptionAutomationRepository::OPTION, [], true);
        if ($this->services->catalog->has_automation('other-plugin-sync')) {
            $this->services->catalog->remove_automation('other-plugin-sync');
        }
    }

    public function test_an_admin_binds_another_plugins_cron_hook_and_a_pause_then_governs_it(): void
    {
        $response = $this->rest('POST', '/automations', [
            'id' => 'other-plugin-sync', 'label' => 'Other plugin sync', 'kind' => 'workflow', 'category' => 'system',
            'owner' => 'admin', 'cron_hooks' => ['other_plugin_hourly_sync'],
        ]);
        self::assertSame(201, $response->get_status(), wp_json_encode($this->data($response)));
        $data = $this->data($response);
        self::assertSame('admin', $data['origin']);
        self::assertStringContainsString('other_plugin_hourly_sync', $data['warnings'][0], 'warns that nothing is scheduled yet');
        self::assertSame(['other_plugin_hourly_sync'], get_option(OptionAutomationRepository::OPTION)['other-plugin-sync']['cron_hooks']);
        self::assertSame('automation_created', $this->audit_rows()[0]['action']);

        $this->php_in_site('sophmate_safe_mode_pause("category:system", "maintenance window");');
        $out = $this->php_in_site('echo json_encode([sophmate_safe_mode_decide("other-plugin-sync")->scope(), \SophMate\SafeMode\Plugin::services()->catalog->automations_for_hook("other_plugin_hourly_sync")]);');
        self::assertSame(['category:system', ['other-plugin-sync']], json_decode($out, true), 'a new request knows the stored automation and its hook');
    }

    public function test_scheduled_cron_hooks_are_listed_with_the_automations_that_govern_them(): void
    {
        wp_clear_scheduled_hook('other_plugin_listed_hook');
        wp_schedule_event(time() + 600, 'hourly', 'other_plugin_listed_hook');
        $this->rest('POST', '/automations', ['id' => 'other-plugin-sync', 'label' => 'Sync', 'kind' => 'workflow', 'category' => 'system', 'cron_hooks' => ['other_plugin_listed_hook']]);
        $hooks = array_column($this->data($this->rest('GET', '/cron-hooks')), null, 'hook');
        self::assertSame(['other-plugin-sync'], $hooks['other_plugin_listed_hook']['automations']);
        self::assertSame('hourly', $hooks['other_plugin_listed_hook']['schedule']);
        self::assertArrayNotHasKey('sophmate_safe_mode_maintenance', $hooks, 'the plugin\'s own hooks are not offered for binding');
        wp_clear_scheduled_hook('other_plugin_listed_hook');
    }

    public function test_bad_automation_input_is_refused(): void
    {
        $this->assertError($this->rest('POST', '/automations', ['id' => 'x', 'kind' => 'robot', 'category' => 'system']), 400, 'sophmate_invalid_param');
        $this->assertError($this->rest('POST', '/automations', ['id' => 'x', 'kind' => 'workflow', 'category' => 'nowhere']), 404, 'sophmate_unknown_category');
        $this->assertError($this->rest('POST', '/automations', ['id' => 'Bad Id', 'kind' => 'workflow', 'category' => 'system']), 400, 'sophmate_invalid_automation');
        $this->assertError($this->rest('POST', '/automations', ['id' => 'x', 'kind' => 'workflow', 'category' => 'system', 'owner' => 'nobody-here']), 400, 'sophmate_invalid_owner');
        $this->assertError($this->rest('POST', '/automations', ['id' => 'x', 'kind' => 'workflow', 'category' => 'system', 'cron_hooks' => ['bad hook!']]), 400, 'sophmate_invalid_cron_hooks');
        $this->assertError($this->rest('POST', '/automations', ['id' => 'x', 'kind' => 'workflow', 'category' => 'system', 'retry' => ['max_attempts' => 50]]), 400, 'sophmate_invalid_retry');
        self::assertSame([], $this->audit_rows());
    }

    public function test_a_code_registered_automation_cannot_be_edited_over_rest(): void
    {
        sophmate_safe_mode_register_automation('coded', ['label' => 'Coded', 'kind' => 'workflow', 'category' => 'system', 'owner' => 'admin']);
        $this->assertError($this->rest('PATCH', '/automations/coded', ['label' => 'Renamed']), 409, 'sophmate_automation_from_code');
        $this->assertError($this->rest('POST', '/automations', ['id' => 'coded', 'kind' => 'workflow', 'category' => 'system']), 409, 'sophmate_automation_exists');
    }
}
