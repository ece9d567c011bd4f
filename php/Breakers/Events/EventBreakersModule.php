<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Breakers\Events;

use SophMate\SafeMode\Breakers\FreshnessReader;
use SophMate\SafeMode\Services;

/**
 * Wires the event and time breakers into WordPress: plugin/theme/core updates
 * (`upgrader_process_complete`), provider outages and provider configuration changes
 * (`sophmate_safe_mode_provider_changed`), and stale context (a cron event every five minutes,
 * scheduled lazily on load and on activation, cleared on deactivation, plus a check on
 * `sophmate_safe_mode_run_starting`). Every trip goes through SwitchService::pause, so it is
 * audited once, announced on `sophmate_safe_mode_tripped` and notified once.
 */
final class EventBreakersModule
{
    public const FRESHNESS_HOOK = 'sophmate_safe_mode_check_freshness';
    public const SCHEDULE = 'sophmate_safe_mode_five_minutes';
    public const INTERVAL = 300;

    private readonly UpdateBreaker $updates;
    private readonly ProviderBreaker $providers;
    private readonly StaleContextBreaker $stale;

    public function __construct(Services $services, private readonly string $plugin_file)
    {
        $tripper = new Tripper($services->switches);
        $targets = new TripTargets($services->catalog);
        $this->updates = new UpdateBreaker($services->catalog, $targets, $tripper, $services->audit, $services->actors, $services->clock);
        $this->providers = new ProviderBreaker($services->catalog, $targets, $tripper);
        $this->stale = new StaleContextBreaker($services->catalog, new FreshnessReader($services->clock), $tripper);
    }

    public function register(): void
    {
        add_filter('upgrader_pre_install', [$this->updates, 'remember_version'], 1, 2);
        // Early: before WordPress' own listeners clear the update transients or call wordpress.org.
        add_action('upgrader_process_complete', [$this->updates, 'updated'], 5, 2);
        add_action('sophmate_safe_mode_provider_changed', [$this->providers, 'provider_changed'], 10, 4);
        add_action('sophmate_safe_mode_run_starting', [$this->stale, 'run_starting'], 10, 1);
        add_action(self::FRESHNESS_HOOK, [$this->stale, 'check_all']);
        add_filter('cron_schedules', [$this, 'add_schedule']);
        // The cron array is autoloaded, so checking that the event exists costs no query.
        add_action('init', [$this, 'ensure_scheduled']);
        $basename = plugin_basename($this->plugin_file);
        add_action('activate_' . $basename, [$this, 'ensure_scheduled']);
        add_action('deactivate_' . $basename, [self::class, 'unschedule']);
    }

    public function stale_context(): StaleContextBreaker
    {
        return $this->stale;
    }

    /**
     * @param mixed $schedules
     * @return array<string,mixed>
     */
    public function add_schedule($schedules): array
    {
        $schedules = is_array($schedules) ? $schedules : [];
        $schedules[self::SCHEDULE] = [
            'interval' => self::INTERVAL,
            'display' => __('SophMate Safe Mode: every five minutes', 'sophmate-safe-mode'),
        ];
        return $schedules;
    }

    public function ensure_scheduled(): void
    {
        if (wp_next_scheduled(self::FRESHNESS_HOOK) === false) {
            wp_schedule_event(time() + self::INTERVAL, self::SCHEDULE, self::FRESHNESS_HOOK);
        }
    }

    public static function unschedule(): void
    {
        wp_clear_scheduled_hook(self::FRESHNESS_HOOK);
    }
}
