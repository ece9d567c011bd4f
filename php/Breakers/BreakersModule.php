<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Breakers;

use SophMate\SafeMode\Cli\BreakersCommand;
use SophMate\SafeMode\Enforcement\Maintenance;
use SophMate\SafeMode\Services;

/**
 * Wires the automatic breakers: failures on run finish, spend on each spend record, customer
 * impact on customer-facing touched() records and wp_mail inside runs; counters reset when a
 * scope is restarted; the simulate route, breaker_state and `wp sophmate breakers`.
 */
final class BreakersModule
{
    public function __construct(private readonly Services $services, private readonly string $plugin_file)
    {
    }

    public function register(): void
    {
        global $wpdb;
        $store = new BreakerStore($wpdb, $this->services->schema);
        $engine = new BreakerEngine($this->services->catalog, $store, $this->services->switches, $this->services->clock);
        $simulation = new BreakerSimulation($this->services->catalog, new BreakerHistory($wpdb, $this->services->schema), $this->services->clock, new FreshnessReader($this->services->clock));
        // After the trial breaker (10): a failed trial run is that breaker's to report.
        add_action('sophmate_safe_mode_run_finished', static function ($run_id, $status, $automation_id = null) use ($engine): void {
            $engine->run_finished($run_id, $status, $automation_id);
        }, 20, 3);
        add_action('sophmate_safe_mode_spend_recorded', static function ($run_id, $automation_id, $amount, $unit) use ($engine): void {
            $engine->spend_recorded($run_id, $automation_id, $amount, $unit);
        }, 10, 4);
        add_action('sophmate_safe_mode_record_touched', static function ($run_id, $automation_id, $type, $id, $action) use ($engine): void {
            $engine->record_touched($run_id, $automation_id, $type, $id, $action);
        }, 10, 5);
        add_filter('wp_mail', function ($atts) use ($engine) {
            $this->mail_in_run($engine, $atts);
            return $atts;
        }, 1000);
        add_action('sophmate_safe_mode_restarted', static function ($scope) use ($engine): void {
            $engine->restarted($scope);
        }, 10, 1);
        add_action(Maintenance::HOOK, function () use ($store): void {
            $store->prune($this->services->clock->now());
        });
        add_action('rest_api_init', function () use ($simulation): void {
            (new BreakersController($this->services, $simulation))->register_routes();
        });
        if (defined('WP_CLI') && WP_CLI && class_exists(\WP_CLI::class)) {
            \WP_CLI::add_command('sophmate breakers', new BreakersCommand($this->services, BreakerState::from_services($this->services), $simulation));
        }
    }

    /**
     * An email sent from inside a live run counts against its automation's customer-impact
     * breaker, and is kept with the run as a touched record (email, first recipient, wp_mail).
     *
     * @param mixed $atts
     */
    private function mail_in_run(BreakerEngine $engine, $atts): void
    {
        // The plugin's own notifications go out at shutdown: never an automation's email.
        if (doing_action('shutdown')) {
            return;
        }
        $current = $this->services->run_context->current();
        if ($current === null || !$current['open'] || $current['run_id'] <= 0) {
            return;
        }
        $to = is_array($atts) ? ($atts['to'] ?? '') : '';
        $first = is_array($to) ? (string) reset($to) : trim(explode(',', (string) $to)[0]);
        $this->services->runs->add_event($current['run_id'], 'touched', ['name' => 'wp_mail', 'record_type' => 'email', 'record_id' => mb_substr($first, 0, 191), 'record_action' => 'wp_mail'], $this->services->clock->now());
        $engine->mail_sent($current['automation']);
    }
}
