<?php

/**
 * PHPUnit bootstrap for tests/php/integration: loads the real WordPress of the
 * test site that `npm test` set up (fresh MariaDB database, WordPress installed,
 * plugin active), the same database its php -S serves at WP_BASE_URL, so tests
 * can call PHP and make real HTTP requests against one state.
 *
 * SOPHMATE_TEST_SITE is the path to that site's site.json (see docs/development.md).
 * WP-Cron is not spawned from the test process (DISABLE_WP_CRON); the current
 * user is the admin.
 */

declare(strict_types=1);

$sophmate_root = dirname(__DIR__, 3);
$sophmate_site_file = (string) getenv('SOPHMATE_TEST_SITE');
$sophmate_site = $sophmate_site_file !== '' && is_readable($sophmate_site_file)
    ? json_decode((string) file_get_contents($sophmate_site_file), true)
    : null;
if (!is_array($sophmate_site) || !is_file(($sophmate_site['wp_path'] ?? '') . '/wp-load.php')) {
    fwrite(STDERR, $sophmate_site_file === ''
        ? "SOPHMATE_TEST_SITE is not set. The integration tests need the test site: run npm test (or npm test -- --only=integration).\n"
        : "SOPHMATE_TEST_SITE={$sophmate_site_file} is not a usable site.json (missing, or its wp_path has no WordPress). Run npm test.\n");
    exit(1);
}

require_once $sophmate_root . '/vendor/autoload.php';
require_once $sophmate_root . '/scripts/wp/cli-env.php';
sophmate_cli_server_env((string) $sophmate_site['url']);
sophmate_cli_report_fatal_errors();
defined('DISABLE_WP_CRON') || define('DISABLE_WP_CRON', true);
// A fatal error is reported on STDERR (above), not as WordPress' HTML error page.
defined('WP_DISABLE_FATAL_ERROR_HANDLER') || define('WP_DISABLE_FATAL_ERROR_HANDLER', true);

// PHPUnit includes this file from inside a method: make WordPress' globals global.
global $wpdb, $wp, $wp_query, $wp_the_query, $wp_rewrite, $wp_roles, $wp_locale, $wp_embed,
    $wp_widget_factory, $wp_filter, $wp_actions, $wp_current_filter, $shortcode_tags, $current_user,
    $current_site, $current_blog, $table_prefix, $wp_version, $wp_db_version, $pagenow, $post;

require $sophmate_site['wp_path'] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

if (!is_plugin_active('sophmate-safe-mode/plugin.php') || !class_exists(\SophMate\SafeMode\Plugin::class)) {
    fwrite(STDERR, "The plugin is not active on the test site ({$sophmate_site['url']}): "
        . "see the test site setup output and {$sophmate_site['log_dir']}/debug.log.\n");
    exit(1);
}

$sophmate_admin = get_user_by('login', (string) ($sophmate_site['admin_user'] ?? 'admin'));
if ($sophmate_admin instanceof WP_User) {
    wp_set_current_user($sophmate_admin->ID);
}
unset($sophmate_root, $sophmate_site_file, $sophmate_site, $sophmate_admin);
