<?php

/**
 * Uninstall (not deactivate) removes everything: options, tables, capabilities.
 * Deactivation keeps state on purpose so a pause survives a deactivate/activate cycle.
 */

declare(strict_types=1);

defined('WP_UNINSTALL_PLUGIN') || exit;

/** Removes the plugin's tables, options, cron events and capabilities from the current site. */
function sophmate_safe_mode_uninstall_site(): void
{
    global $wpdb;

    foreach (['sophmate_runs', 'sophmate_run_events', 'sophmate_audit', 'sophmate_drills', 'sophmate_notifications', 'sophmate_breaker_state', 'sophmate_breaker_buckets'] as $sophmate_table) {
        $wpdb->query("DROP TABLE IF EXISTS {$wpdb->prefix}{$sophmate_table}"); // phpcs:ignore
    }
    foreach (['sophmate_safe_mode_switches', 'sophmate_safe_mode_categories', 'sophmate_safe_mode_db_version', 'sophmate_safe_mode_providers', 'sophmate_safe_mode_settings', 'sophmate_safe_mode_held_events', 'sophmate_safe_mode_automations', 'sophmate_safe_mode_state_alarm', 'sophmate_safe_mode_storage_alarm', 'sophmate_safe_mode_notifications'] as $sophmate_option) {
        delete_option($sophmate_option);
    }
    foreach (['sophmate_safe_mode_maintenance', 'sophmate_safe_mode_poll_providers', 'sophmate_safe_mode_notifications_retry', 'sophmate_safe_mode_check_freshness'] as $sophmate_hook) {
        wp_clear_scheduled_hook($sophmate_hook);
    }
    // Review cadence: schedules, the digest log and the daily job.
    delete_option('sophmate_safe_mode_review_cadence');
    delete_option('sophmate_safe_mode_digest_log');
    wp_clear_scheduled_hook('sophmate_safe_mode_daily_review');
    foreach (wp_roles()->role_objects as $sophmate_role) {
        $sophmate_role->remove_cap('sophmate_manage_automation');
        $sophmate_role->remove_cap('sophmate_pause_automation');
    }
    delete_option('sophmate_safe_mode_site_ready');
}

// On a multisite every site has its own tables and options (network activation set them up),
// and network safe mode is stored once for the network.
if (is_multisite()) {
    foreach (get_sites(['fields' => 'ids', 'number' => 0]) as $sophmate_blog_id) {
        switch_to_blog((int) $sophmate_blog_id);
        sophmate_safe_mode_uninstall_site();
        restore_current_blog();
    }
    delete_site_option('sophmate_safe_mode_network');
} else {
    sophmate_safe_mode_uninstall_site();
}
