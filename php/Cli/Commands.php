<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cli;

use SophMate\SafeMode\Services;

/** Registers the `wp sophmate …` commands when running under WP-CLI. */
final class Commands
{
    public function __construct(private readonly Services $services)
    {
    }

    public function register(): void
    {
        if (!defined('WP_CLI') || !WP_CLI || !class_exists(\WP_CLI::class)) {
            return;
        }
        \WP_CLI::add_command('sophmate status', new StatusCommand($this->services));
        \WP_CLI::add_command('sophmate pause', new PauseCommand($this->services));
        \WP_CLI::add_command('sophmate safe-mode', new SafeModeCommand($this->services));
        \WP_CLI::add_command('sophmate review', new ReviewCommand($this->services));
        \WP_CLI::add_command('sophmate restart', new RestartCommand($this->services));
        \WP_CLI::add_command('sophmate promote', new PromoteCommand($this->services));
        \WP_CLI::add_command('sophmate runs', new RunsCommand($this->services));
        \WP_CLI::add_command('sophmate audit', new AuditCommand($this->services));
        \WP_CLI::add_command('sophmate repair', new RepairCommand($this->services));
    }
}
