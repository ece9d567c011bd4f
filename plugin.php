<?php

/**
 * Plugin Name:       SophMate Safe Mode
 * Description:       Kill switches for site automation: pause one automation, a category or everything, know what happens to running jobs, and restart only after review.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.1
 * Author:            SophMate
 * License:           GPL-2.0-or-later
 * Text Domain:       sophmate-safe-mode
 */

declare(strict_types=1);

defined('ABSPATH') || exit;

define('SOPHMATE_SAFE_MODE_FILE', __FILE__);
define('SOPHMATE_SAFE_MODE_VERSION', '0.1.0');

// Refuse to boot (with a notice, not a fatal error) when the host cannot run us.
$sophmate_safe_mode_problem = null;
if (version_compare(PHP_VERSION, '8.1', '<')) {
    $sophmate_safe_mode_problem = sprintf('SophMate Safe Mode needs PHP 8.1 or newer; this site runs %s.', PHP_VERSION);
} elseif (!is_readable(__DIR__ . '/vendor/autoload.php')) {
    $sophmate_safe_mode_problem = 'SophMate Safe Mode is missing vendor/autoload.php: run "composer dump-autoload" in the plugin folder, or install the release zip.';
}

if ($sophmate_safe_mode_problem !== null) {
    add_action('admin_notices', static function () use ($sophmate_safe_mode_problem): void {
        printf('<div class="notice notice-error"><p>%s</p></div>', esc_html($sophmate_safe_mode_problem));
    });
    return;
}

require_once __DIR__ . '/vendor/autoload.php';
require_once __DIR__ . '/php/functions.php';

register_activation_hook(__FILE__, [\SophMate\SafeMode\Plugin::class, 'activate']);
register_deactivation_hook(__FILE__, [\SophMate\SafeMode\Plugin::class, 'deactivate']);

\SophMate\SafeMode\Plugin::boot(__FILE__);
