<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Notifications;

use SophMate\SafeMode\Enforcement\Maintenance;
use SophMate\SafeMode\Services;

/** Wires email and webhook notifications through an outbox with retries into WordPress. */
final class NotificationsModule
{
    public readonly Outbox $outbox;
    public readonly NotificationSettings $settings;
    public readonly Dispatcher $dispatcher;
    public readonly Notifier $notifier;

    public function __construct(private readonly Services $services, private readonly string $plugin_file)
    {
        global $wpdb;
        $guard = new WebhookUrlGuard();
        $this->settings = new NotificationSettings($guard);
        $this->outbox = new Outbox($wpdb, $services->schema);
        $this->dispatcher = new Dispatcher($this->outbox, new Deliverer($this->settings, $guard, $services->clock), $services->clock);
        $this->notifier = new Notifier(new IncidentBuilder($services, $this->settings), $this->outbox, $this->dispatcher, $services->clock);
    }

    public function register(): void
    {
        $this->notifier->register();
        add_action(Dispatcher::RETRY_HOOK, [$this->dispatcher, 'deliver_due']);
        // The delivery log follows the run history's retention, on the plugin's hourly maintenance job.
        add_action(Maintenance::HOOK, function (): void {
            try {
                $days = $this->services->settings->retention_days();
                $this->outbox->prune($this->services->clock->now()->modify(sprintf('-%d days', $days)));
            } catch (\Throwable $e) {
                error_log('SophMate Safe Mode: pruning notifications failed: ' . $e->getMessage()); // phpcs:ignore
            }
        });
        register_deactivation_hook($this->plugin_file, [Dispatcher::class, 'unschedule']);
        $controller = new NotificationsController($this->services, $this->outbox, $this->dispatcher, $this->settings, $this->notifier);
        add_action('rest_api_init', [$controller, 'register_routes']);
        if (defined('WP_CLI') && WP_CLI) {
            \WP_CLI::add_command('sophmate notifications', new NotificationsCommand($this->services, $this->outbox, $this->dispatcher, $this->settings, $this->notifier));
        }
    }
}
