<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Drills;

use SophMate\SafeMode\Cli\DrillCommand;
use SophMate\SafeMode\Enforcement\Maintenance;
use SophMate\SafeMode\Services;

/** Wires pause drills (POST /drills, wp sophmate drill, the drill report) into WordPress. */
final class DrillsModule
{
    public function __construct(private readonly Services $services, private readonly string $plugin_file)
    {
    }

    public function register(): void
    {
        $runner = new DrillRunner($this->services, ProbeRuns::for($this->services));
        $recovery = new DrillRecovery($this->services);
        add_action('rest_api_init', function () use ($runner): void {
            (new DrillsController($this->services, $runner))->register_routes();
        });
        // A drill whose process died leaves its category paused by the drill: put it back on the
        // next request (free unless that is the case), and sweep forgotten rows with the hourly maintenance job.
        add_action('init', [$recovery, 'on_request'], 20);
        add_action(Maintenance::HOOK, static function () use ($recovery): void {
            $recovery->recover();
        });
        if (defined('WP_CLI') && WP_CLI && class_exists(\WP_CLI::class)) {
            \WP_CLI::add_command('sophmate drill', new DrillCommand($this->services, $runner));
        }
    }
}
