<?php

/**
 * PHPUnit bootstrap for tests/php/multisite: loads the main site of the throwaway subdirectory
 * multisite that `npm test -- --only=multisite` set up (scripts/test.mjs, step "multisite"): the
 * plugin network-active, a second site at /site2/. SOPHMATE_TEST_SITE is that network's site.json.
 * The current user is the network's super admin.
 */

declare(strict_types=1);

$sophmate_root = dirname(__DIR__, 3);
$sophmate_site_file = (string) getenv('SOPHMATE_TEST_SITE');
$sophmate_site = $sophmate_site_file !== '' && is_readable($sophmate_site_file)
    ? json_decode((string) file_get_contents($sophmate_site_file), true)
    : null;
if (!is_array($sophmate_site) || empty($sophmate_site['multisite']) || !is_file(($sophmate_site['wp_path'] ?? '') . '/wp-load.php')) {
    fwrite(STDERR, "SOPHMATE_TEST_SITE must point at the multisite network's site.json: run npm test -- --only=multisite.\n");
    exit(1);
}

require_once $sophmate_root . '/vendor/autoload.php';
require_once $sophmate_root . '/scripts/wp/cli-env.php';
sophmate_cli_server_env((string) $sophmate_site['url']);
sophmate_cli_report_fatal_errors();
defined('DISABLE_WP_CRON') || define('DISABLE_WP_CRON', true);
defined('WP_DISABLE_FATAL_ERROR_HANDLER') || define('WP_DISABLE_FATAL_ERROR_HANDLER', true);

// PHPUnit includes this file from inside a method: make WordPress' globals global.
global $wpdb, $wp, $wp_query, $wp_the_query, $wp_rewrite, $wp_roles, $wp_locale, $wp_embed,
    $wp_widget_factory, $wp_filter, $wp_actions, $wp_current_filter, $shortcode_tags, $current_user,
    $current_site, $current_blog, $table_prefix, $wp_version, $wp_db_version, $pagenow, $post,
    $blog_id, $switched, $_wp_switched_stack;

require $sophmate_site['wp_path'] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

if (!is_multisite() || !is_plugin_active_for_network('sophmate-safe-mode/plugin.php') || !class_exists(\SophMate\SafeMode\Plugin::class)) {
    fwrite(STDERR, "The plugin is not network-active on a multisite at {$sophmate_site['url']}: see {$sophmate_site['log_dir']}/debug.log.\n");
    exit(1);
}

$sophmate_admin = get_user_by('login', (string) ($sophmate_site['admin_user'] ?? 'admin'));
if ($sophmate_admin instanceof WP_User) {
    wp_set_current_user($sophmate_admin->ID);
}
unset($sophmate_root, $sophmate_site_file, $sophmate_site, $sophmate_admin);
