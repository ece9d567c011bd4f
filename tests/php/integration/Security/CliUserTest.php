<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration\Security;

use SophMate\SafeMode\Cli\PauseCommand;
use SophMate\SafeMode\Cli\RestartCommand;
use SophMate\SafeMode\Cli\SafeModeCommand;
use SophMate\SafeMode\Tests\integration\IntegrationTestCase;

require_once dirname(__DIR__) . '/Support/wp-cli-double.php';

/**
 * WP-CLI's trust boundary is the shell: whoever can run `wp` on the server can also edit
 * wp-config.php (and so set SOPHMATE_SAFE_MODE), so the commands check no capability, like WP-CLI's
 * own. `--user` only says who is acting: the audit names that user, or "cli" when none is given,
 * and always records the cli source. The governance rules (reason, six acknowledgements, trial
 * scope) apply to every caller alike.
 */
final class CliUserTest extends IntegrationTestCase
{
    protected function setUp(): void
    {
        parent::setUp();
        \WP_CLI::reset();
    }

    public function test_without_a_user_the_shell_acts_as_cli_and_is_audited_as_such(): void
    {
        wp_set_current_user(0);
        (new PauseCommand($this->services))(['category:marketing'], ['reason' => 'from cron on the box']);
        $row = $this->audit_rows()[0];
        self::assertSame(['cli', '0', 'cli'], [$row['source'], (string) $row['actor_id'], $row['actor_login']]);
    }

    public function test_a_user_without_capabilities_is_recorded_as_the_actor_not_promoted(): void
    {
        $subscriber = $this->user_with_role('subscriber');
        wp_set_current_user($subscriber);
        (new PauseCommand($this->services))(['category:marketing'], ['reason' => 'night shift']);
        $row = $this->audit_rows()[0];
        self::assertSame(['cli', (string) $subscriber], [$row['source'], (string) $row['actor_id']], 'the audit says who typed it');
        self::assertFalse(user_can($subscriber, 'sophmate_manage_automation'), 'running a command grants nothing');
    }

    public function test_the_rules_hold_for_every_shell_user(): void
    {
        wp_set_current_user(0);
        (new PauseCommand($this->services))(['category:content'], ['reason' => 'x']);
        foreach (
            [
            [new PauseCommand($this->services), ['category:marketing'], ['reason' => '   '], 'sophmate_invalid_reason'],
            [new RestartCommand($this->services), ['category:content'], ['ack' => 'run_history', 'note' => 'n', 'max-runs' => '1'], 'sophmate_review_incomplete'],
            [new SafeModeCommand($this->services), ['on'], [], 'sophmate_invalid_reason'],
            ] as [$command, $args, $assoc, $code]
        ) {
            try {
                $command($args, $assoc);
                self::fail(get_class($command) . ' accepted');
            } catch (\WP_CLI\ExitException $e) {
                self::assertStringContainsString($code, $e->getMessage());
            }
        }
        self::assertCount(1, $this->audit_rows());
    }
}
