<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Providers;

use SophMate\SafeMode\Cli\ProvidersCommand;
use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Services;
use SophMate\SafeMode\Storage\DatabaseLock;

/**
 * Wires provider status polling into WordPress: a cron event on its own schedule (every
 * `provider_poll_minutes`, default 5), scheduled on activation and again whenever it is found
 * missing, cleared on deactivation; and the `wp sophmate providers` command. Nothing here polls
 * on a page load: only the cron event, WP-CLI and POST /providers/{slug}/check do.
 */
final class ProvidersModule
{
    public const HOOK = 'sophmate_safe_mode_poll_providers';
    public const SCHEDULE = 'sophmate_safe_mode_provider_poll';

    public function __construct(private readonly Services $services, private readonly string $plugin_file)
    {
    }

    public function register(): void
    {
        add_filter('cron_schedules', [$this, 'add_schedule']);
        add_action(self::HOOK, [$this, 'poll']);
        // The cron array is autoloaded, so checking that the event exists costs no query.
        add_action('init', [$this, 'ensure_scheduled']);
        $basename = plugin_basename($this->plugin_file);
        add_action('activate_' . $basename, [$this, 'ensure_scheduled']);
        add_action('deactivate_' . $basename, [self::class, 'unschedule']);
        if (defined('WP_CLI') && WP_CLI && class_exists(\WP_CLI::class)) {
            \WP_CLI::add_command('sophmate providers', new ProvidersCommand($this->services));
        }
    }

    /**
     * @param array<string,array{interval:int,display:string}> $schedules
     * @return array<string,array{interval:int,display:string}>
     */
    public function add_schedule($schedules): array
    {
        $schedules = is_array($schedules) ? $schedules : [];
        $schedules[self::SCHEDULE] = [
            'interval' => $this->interval(),
            'display' => __('SophMate Safe Mode provider status polling', 'sophmate-safe-mode'),
        ];
        return $schedules;
    }

    public function ensure_scheduled(): void
    {
        if (wp_next_scheduled(self::HOOK) === false) {
            wp_schedule_event(time() + $this->interval(), self::SCHEDULE, self::HOOK);
        }
    }

    public function poll(): void
    {
        global $wpdb;
        // Several web nodes may run the same due cron event at once (WP-Cron's own lock is a
        // transient, not atomic): a database lock lets one poll and the others skip, so a status
        // change is fetched, audited and announced once.
        $lock = DatabaseLock::acquire($wpdb, $wpdb->prefix . 'sophmate_provider_poll', 0);
        if ($lock === null) {
            return;
        }
        try {
            // Whoever WP-Cron happens to run as, the poll is the system's doing, not theirs.
            (new StatusPoller($this->services))->poll_all(Actor::system('cron'), 'cron');
        } finally {
            $lock->release();
        }
    }

    public static function unschedule(): void
    {
        wp_clear_scheduled_hook(self::HOOK);
    }

    /** Seconds between polls; WordPress reads it again each time it reschedules, so a changed setting applies from the next run. */
    private function interval(): int
    {
        return max(1, $this->services->settings->int('provider_poll_minutes')) * 60;
    }
}
