<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cadence;

use SophMate\SafeMode\Cli\ReviewsCommand;
use SophMate\SafeMode\Services;

/** Wires review cadence: next review dates, marking a review done, the daily escalation digest into WordPress. */
final class CadenceModule
{
    public function __construct(private readonly Services $services, private readonly string $plugin_file)
    {
    }

    public function register(): void
    {
        $store = new CadenceStore();
        $cadence = new CadenceService($this->services, $store);
        $daily = new DailyReview($this->services, $cadence, $store);

        add_action('sophmate_safe_mode_run_finished', static function ($run_id, $status, $automation_id = null) use ($cadence): void {
            $cadence->run_finished($status, $automation_id);
        }, 20, 3);
        add_action('sophmate_safe_mode_provider_changed', [$cadence, 'provider_changed'], 10, 4);
        add_action(DailyReview::HOOK, static function () use ($daily): void {
            $daily->run();
        });

        register_activation_hook($this->plugin_file, [DailyReview::class, 'ensure_scheduled']);
        register_deactivation_hook($this->plugin_file, [DailyReview::class, 'unschedule']);
        // Sites that were active before this module existed never ran its activation: schedule lazily.
        add_action('admin_init', [DailyReview::class, 'ensure_scheduled']);
        if (wp_doing_cron()) {
            add_action('init', [DailyReview::class, 'ensure_scheduled']);
        }

        // GET /status: next_review_at and review_overdue per category, from one (cached) option read.
        add_filter('sophmate_safe_mode_status_report', function ($report) {
            if (!is_array($report) || !is_array($report['categories'] ?? null)) {
                return $report;
            }
            $now = $this->services->clock->now();
            foreach ($report['categories'] as $i => $row) {
                $slug = (string) ($row['slug'] ?? '');
                $every = $this->services->catalog->has_category($slug) ? $this->services->catalog->category($slug)->review_every_days : 30;
                $report['categories'][$i] = $row + CadenceStore::status_fields($slug, $every, $now);
            }
            return $report;
        });

        $controller = new ReviewsController($this->services, $cadence, $daily);
        add_action('rest_api_init', [$controller, 'register_routes']);

        if (defined('WP_CLI') && WP_CLI && class_exists(\WP_CLI::class)) {
            \WP_CLI::add_command('sophmate reviews', new ReviewsCommand($this->services, $cadence, $daily));
        }
    }
}
