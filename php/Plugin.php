<?php

declare(strict_types=1);

namespace SophMate\SafeMode;

use SophMate\SafeMode\Admin\AdminBar;
use SophMate\SafeMode\Admin\AdminPage;
use SophMate\SafeMode\Admin\PluginsScreenWarning;
use SophMate\SafeMode\Admin\StatusNotices;
use SophMate\SafeMode\Cli\Commands;
use SophMate\SafeMode\Demo\DemoAutomations;
use SophMate\SafeMode\Rest\AuditController;
use SophMate\SafeMode\Rest\AutomationsController;
use SophMate\SafeMode\Rest\CategoriesController;
use SophMate\SafeMode\Rest\CronHooksController;
use SophMate\SafeMode\Rest\ErrorCodes;
use SophMate\SafeMode\Rest\OwnersController;
use SophMate\SafeMode\Rest\ProvidersController;
use SophMate\SafeMode\Rest\RequestGuard;
use SophMate\SafeMode\Rest\RunsController;
use SophMate\SafeMode\Rest\SafeModeController;
use SophMate\SafeMode\Rest\StatsController;
use SophMate\SafeMode\Rest\StatusController;
use SophMate\SafeMode\Storage\Schema\Schema;

/**
 * The one place that wires services to WordPress: every hook the plugin adds is added from a
 * register() method called here.
 */
final class Plugin
{
    public const CAP_MANAGE = 'sophmate_manage_automation';
    public const CAP_PAUSE = 'sophmate_pause_automation';

    // The public PHP API functions are global, so they need one way to reach the graph built at boot.
    private static ?Services $services = null;

    public static function boot(string $plugin_file): void
    {
        global $wpdb;
        $services = self::$services = new Services($wpdb, WP_CONTENT_DIR);

        add_action('plugins_loaded', static function () use ($services): void {
            if (!$services->schema->is_current()) {
                $services->schema_health->repair(); // Upgrades, then raises or clears the storage alarm.
                $services->switch_store->ensure_exists();
                $services->stored_automations->ensure_exists();
            }
            // Automations created in the admin join the catalog before any plugin registers its own.
            foreach ($services->stored_automations->all() as $automation) {
                try {
                    $services->catalog->add_automation($automation);
                } catch (Domain\Exception\SafeModeException) {
                    continue; // e.g. its category was deleted; it shows up in GET /automations once fixed.
                }
            }
        }, 5);

        $rest = [
            new StatusController($services),
            new SafeModeController($services),
            new CategoriesController($services),
            new AutomationsController($services),
            new RunsController($services),
            new AuditController($services),
            new ProvidersController($services),
            new CronHooksController($services),
            new StatsController($services),
            new OwnersController($services),
        ];
        (new ErrorCodes())->register();
        (new RequestGuard())->register();
        add_action('rest_api_init', static function () use ($rest): void {
            foreach ($rest as $controller) {
                $controller->register_routes();
            }
        });

        $services->cron_gate->register();
        $services->shutdown->register();
        $services->maintenance->register();
        $services->retries->register();
        $services->fail_closed->register();
        $services->inbound_gate->register();
        $services->outbound_gate->register();
        $services->trial_breaker->register();
        (new AdminPage($services, $plugin_file))->register();
        (new AdminBar($services, $plugin_file))->register();
        (new StatusNotices($services))->register();
        (new Admin\StorageHealthReport($services->schema_health))->register();
        (new PluginsScreenWarning($services, $plugin_file))->register();
        (new Commands($services))->register();
        $modules = [
            new Drills\DrillsModule($services, $plugin_file),
            new Readiness\ReadinessModule($services, $plugin_file),
            new Cadence\CadenceModule($services, $plugin_file),
            new Providers\ProvidersModule($services, $plugin_file),
            new Notifications\NotificationsModule($services, $plugin_file),
            new ConfigTransfer\ConfigModule($services, $plugin_file),
            new Breakers\BreakersModule($services, $plugin_file),
            new Breakers\Events\EventBreakersModule($services, $plugin_file),
            new Multisite\MultisiteModule($services, $plugin_file),
        ];
        foreach ($modules as $module) {
            $module->register();
        }

        // The demo ships only in the repository, never in the release zip.
        if (defined('SOPHMATE_SAFE_MODE_DEMO') && SOPHMATE_SAFE_MODE_DEMO && class_exists(DemoAutomations::class)) {
            (new DemoAutomations())->register();
        }
    }

    public static function services(): Services
    {
        if (self::$services === null) {
            throw new \LogicException('SophMate Safe Mode has not booted yet: call its API from plugins_loaded or later.');
        }
        return self::$services;
    }

    public static function activate(): void
    {
        $services = self::services();
        $services->schema_health->repair();
        $services->switch_store->ensure_exists();
        $services->stored_automations->ensure_exists();
        $owner = get_current_user_id();
        $services->categories->seed_builtins($owner > 0 ? $owner : null);
        $services->maintenance->ensure_scheduled();
        $admin = get_role('administrator');
        if ($admin !== null) {
            $admin->add_cap(self::CAP_MANAGE);
            $admin->add_cap(self::CAP_PAUSE);
        }
    }

    public static function deactivate(): void
    {
        Enforcement\Maintenance::unschedule();
        // State, history and capabilities are kept on purpose: deactivating must not erase a pause
        // or the audit trail. Only uninstall.php removes them.
    }
}
