<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration\Faults;

use SophMate\SafeMode\Enforcement\FailClosedRecorder;
use SophMate\SafeMode\Storage\OptionCategoryRepository;
use SophMate\SafeMode\Storage\OptionSwitchStateStore;
use SophMate\SafeMode\Storage\Settings;
use SophMate\SafeMode\Tests\integration\IntegrationTestCase;

/**
 * Corrupt option values: the switch board in every broken shape holds all automation (fail closed),
 * is reported on GET /status, refuses changes with a clear 503, and never makes PHP warn (PHPUnit
 * turns a warning into a failure). Deleting the option, as the notice tells operators, lifts it.
 * Damaged configuration (categories, settings) falls back to defaults field by field.
 */
final class CorruptOptionsTest extends IntegrationTestCase
{
    /** @return array<string,array{0:string}> raw option_value => expected words in the problem */
    public static function corrupt_boards(): array
    {
        return [
            'garbage text' => ['not json at all', 'not valid JSON'],
            'truncated JSON' => ['{"version":7,"safe_mode":{"mode":"off"},"categ', 'not valid JSON'],
            'serialized PHP array' => [serialize(['version' => 3, 'safe_mode' => ['mode' => 'off']]), 'not text'],
            'JSON list' => ['[1,2,3]', 'no version'],
            'JSON null' => ['null', 'not valid JSON'],
            'JSON number' => ['42', 'not valid JSON'],
            'version as a string' => ['{"version":"7","safe_mode":{"mode":"off"}}', 'no version'],
            'safe mode missing' => ['{"version":7,"categories":{}}', 'no version'],
            'unknown mode' => ['{"version":7,"safe_mode":{"mode":"sideways"}}', 'malformed'],
            'mode as an array' => ['{"version":7,"safe_mode":{"mode":["paused"]}}', 'wrong type'],
            'reason as an array' => ['{"version":7,"safe_mode":{"mode":"paused","reason":["x"]}}', 'wrong type'],
            'since as an array' => ['{"version":7,"safe_mode":{"mode":"paused","reason":"x","since":[1]}}', 'wrong type'],
            'categories as a string' => ['{"version":7,"safe_mode":{"mode":"off"},"categories":"marketing"}', 'malformed'],
            'category state as an object' => ['{"version":7,"safe_mode":{"mode":"off"},"categories":{"marketing":{"state":{"a":1}}}}', 'wrong type'],
            'unknown category state' => ['{"version":7,"safe_mode":{"mode":"off"},"categories":{"marketing":{"state":"asleep"}}}', 'malformed'],
            'trial scope of the wrong types' => ['{"version":7,"safe_mode":{"mode":"off"},"categories":{"marketing":{"state":"trial","trial":{"automations":{"a":[1]}}}}}', 'wrong type'],
            'bad date' => ['{"version":7,"safe_mode":{"mode":"off"},"automations":{"probe":{"state":"paused","since":"yesterday-ish at teatime"}}}', 'malformed'],
        ];
    }

    /** @dataProvider corrupt_boards */
    public function test_a_corrupt_switch_board_holds_automation_reports_it_and_refuses_changes(string $raw, string $problem): void
    {
        sophmate_safe_mode_register_automation('probe', ['label' => 'Probe', 'kind' => 'watcher', 'category' => 'content', 'owner' => 'admin']);
        $this->store_raw($raw);

        $decision = sophmate_safe_mode_decide('probe');
        self::assertFalse($decision->allows_run(), 'fail closed');
        self::assertSame('state', $decision->scope());
        $run = sophmate_safe_mode_start_run('probe');
        self::assertFalse($run->is_allowed());

        $status = $this->data($this->rest('GET', '/status'));
        self::assertIsString($status['state_error']);
        self::assertStringContainsString($problem, $status['state_error']);
        $this->assertError($this->rest('POST', '/categories/marketing/pause', ['reason' => 'x']), 503, 'sophmate_state_unreadable');
        $this->assertError($this->rest('PUT', '/safe-mode', ['mode' => 'paused', 'reason' => 'x']), 503, 'sophmate_state_unreadable');
        self::assertSame($raw, $this->raw(), 'the damaged value is left for the operator to inspect, not overwritten');

        delete_option(FailClosedRecorder::MARKER);
        $this->services->fail_closed->record();
        $audit = $this->audit_rows();
        self::assertSame('state_unreadable', end($audit)['action']);
        self::assertTrue($this->services->audit->verify()->ok);

        // The documented way out: delete the option, start again with nothing paused.
        delete_option(OptionSwitchStateStore::OPTION);
        $this->forget_caches();
        self::assertTrue(sophmate_safe_mode_decide('probe')->allows_run());
        self::assertSame(200, $this->rest('POST', '/categories/marketing/pause', ['reason' => 'after repair'])->get_status());
    }

    public function test_a_corrupt_board_holds_a_running_run_at_its_next_checkpoint(): void
    {
        sophmate_safe_mode_register_automation('probe', ['label' => 'Probe', 'kind' => 'watcher', 'category' => 'content', 'owner' => 'admin']);
        $run = sophmate_safe_mode_start_run('probe');
        self::assertTrue($run->is_allowed());
        $this->store_raw('{"version": broken');

        self::assertFalse($run->checkpoint(), 'content lets paused runs finish, but unreadable state is not a pause: it stops');
        self::assertSame('cancelled', $run->status());
    }

    public function test_damaged_category_entries_fall_back_to_defaults_without_a_php_warning(): void
    {
        update_option(OptionCategoryRepository::OPTION, [
            'marketing' => ['label' => ['not', 'text'], 'policy' => 'nonsense'],
            'custom-bad' => ['label' => ['x'], 'review_every_days' => [1]],
            'custom-ok' => ['label' => 'Fine'],
        ], false);
        $this->forget_caches();

        $categories = $this->services->catalog->categories();
        self::assertSame('Marketing', $categories['marketing']->label, 'a built-in keeps its defaults');
        self::assertArrayNotHasKey('custom-bad', $categories, 'a damaged custom entry is left out');
        self::assertSame('Fine', $categories['custom-ok']->label);
        self::assertSame(200, $this->rest('POST', '/categories/marketing/pause', ['reason' => 'still works'])->get_status());

        update_option(OptionCategoryRepository::OPTION, 'junk', false);
        $this->forget_caches();
        self::assertCount(7, $this->services->catalog->categories(), 'built-ins stand in for an unreadable option');
    }

    public function test_corrupt_settings_fall_back_to_the_defaults(): void
    {
        update_option(Settings::OPTION, 'junk', false);
        self::assertSame(Settings::DEFAULTS, $this->services->settings->all());
        update_option(Settings::OPTION, ['retention_days' => 'x', 'abandoned_after_minutes' => -3], false);
        self::assertSame(1, $this->services->settings->retention_days(), 'never zero: that would prune everything at once');
        self::assertSame(5, $this->services->settings->abandoned_after_minutes());
        self::assertSame(['abandoned' => 0, 'pruned' => 0], $this->services->maintenance->run());
        delete_option(Settings::OPTION);
    }

    private function store_raw(string $raw): void
    {
        $this->db->update($this->db->options, ['option_value' => $raw], ['option_name' => OptionSwitchStateStore::OPTION]);
        $this->forget_caches();
    }

    private function raw(): ?string
    {
        return $this->db->get_var($this->db->prepare("SELECT option_value FROM {$this->db->options} WHERE option_name = %s", OptionSwitchStateStore::OPTION));
    }
}
