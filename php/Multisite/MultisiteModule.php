<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Multisite;

use SophMate\SafeMode\Services;

/**
 * Multisite: every site set up on network activation (and new sites when they are created), and
 * network safe mode, which the emergency layer enforces on every site through the same four
 * planes as the last-resort switch. Nothing here runs on a single site but the activation hooks.
 */
final class MultisiteModule
{
    public function __construct(private readonly Services $services, private readonly string $plugin_file)
    {
    }

    public function register(): void
    {
        global $wpdb;
        (new SiteSetup($this->services, $this->plugin_file))->register();
        if (!is_multisite()) {
            return;
        }
        $store = new NetworkSafeModeStore($wpdb);
        $network = new NetworkSafeMode($store, $this->services, $this->services->clock);
        $sites = new SitesOverview($this->services);
        $this->services->emergency->read_network_from(static fn (bool $fresh) => $store->emergency_state($fresh));
        add_action('rest_api_init', function () use ($network, $sites): void {
            (new NetworkSafeModeController($this->services, $network, $sites))->register_routes();
        });
        (new NetworkAdminPage($this->services, $network, $sites))->register();
        (new NetworkNotice($store))->register();
        // GET /status and wp sophmate status say which network safe mode is in force (mode off when none).
        add_filter('sophmate_safe_mode_status_report', static function ($report) use ($store) {
            return is_array($report) ? $report + ['network_safe_mode' => $store->load()->view()] : $report;
        });
    }
}
