<?php

/**
 * Our stand-in for `wp eval-file` (WP-CLI is not available here): loads a site's
 * WordPress as the admin user and includes a PHP file in it.
 *
 * Usage: php scripts/wp/eval-file.php <wp_path> <file.php> [args…]
 *
 * - <wp_path> is a site's WordPress copy (site.json "wp_path"), e.g. .wp/test/wordpress.
 * - <file.php> is included at global scope, like `wp eval-file`; the extra
 *   arguments are in $args. Whatever it prints is the output.
 * - Exit code: 0 when the file ran; 1 on an uncaught exception or error (message on
 *   STDERR); 255 on a PHP fatal error (message on STDERR); 2 on bad usage.
 * - WP-Cron is not spawned from this process (DISABLE_WP_CRON).
 */

require __DIR__ . '/cli-env.php';

if ($argc < 3) {
    fwrite(STDERR, "usage: php scripts/wp/eval-file.php <wp_path> <file.php> [args…]\n");
    exit(2);
}

$sophmate_eval_wp_path = rtrim((string) $argv[1], '/');
$sophmate_eval_file = (string) $argv[2];
if (!is_file($sophmate_eval_wp_path . '/wp-load.php')) {
    fwrite(STDERR, "eval-file: {$sophmate_eval_wp_path} is not a WordPress copy (no wp-load.php). Is the site set up (npm start / npm test)?\n");
    exit(2);
}
if (!is_file($sophmate_eval_file) || !is_readable($sophmate_eval_file)) {
    fwrite(STDERR, "eval-file: cannot read {$sophmate_eval_file} (relative paths are relative to " . getcwd() . ")\n");
    exit(2);
}
$sophmate_eval_file = (string) realpath($sophmate_eval_file);
$args = array_slice($argv, 3);

$sophmate_eval_site = sophmate_cli_site_json($sophmate_eval_wp_path);
sophmate_cli_server_env(sophmate_cli_site_url($sophmate_eval_wp_path));
sophmate_cli_report_fatal_errors();
defined('DISABLE_WP_CRON') || define('DISABLE_WP_CRON', true);
// A fatal error is reported on STDERR (above), not as WordPress' HTML error page.
defined('WP_DISABLE_FATAL_ERROR_HANDLER') || define('WP_DISABLE_FATAL_ERROR_HANDLER', true);

require $sophmate_eval_wp_path . '/wp-load.php';

$sophmate_eval_user = get_user_by('login', (string) ($sophmate_eval_site['admin_user'] ?? 'admin'));
if (!$sophmate_eval_user instanceof WP_User) {
    $sophmate_eval_admins = get_users(['role' => 'administrator', 'number' => 1, 'orderby' => 'ID']);
    $sophmate_eval_user = $sophmate_eval_admins[0] ?? null;
}
if ($sophmate_eval_user instanceof WP_User) {
    wp_set_current_user($sophmate_eval_user->ID);
}

try {
    include $sophmate_eval_file;
} catch (Throwable $sophmate_eval_error) {
    fwrite(STDERR, sprintf(
        "Uncaught %s: %s in %s:%d\n%s\n",
        get_class($sophmate_eval_error),
        $sophmate_eval_error->getMessage(),
        $sophmate_eval_error->getFile(),
        $sophmate_eval_error->getLine(),
        $sophmate_eval_error->getTraceAsString()
    ));
    exit(1);
}
exit(0);
