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
    }
}
