<?php

/**
 * Installs (or checks and repairs) a site's WordPress: called by scripts/lib/site.mjs
 * on every `npm start` and for the test site. Idempotent: on an installed site it
 * only makes sure of what the scripts promise (URL, admin login, plugin active,
 * a working application password) and leaves everything else alone.
 *
 * Usage: php install.php <wp_path> '<json>'
 *   json: {
 *     "url": "http://127.0.0.1:8888", "title": "…",
 *     "admin_user": "admin", "admin_password": "password", "admin_email": "admin@example.test",
 *     "reset_admin": bool,          // set the admin password even on an existing install
 *     "app_password": "…"|null,     // the one from the last run: kept if still valid
 *     "app_password_name": "…",
 *     "plugin": "sophmate-safe-mode/plugin.php",
 *     "network_setup": bool,        // multisite, first pass: install WordPress and the network
 *                                   // tables (wp-config loads it as a single site meanwhile)
 *     "network_activate": bool,     // multisite, second pass: activate the plugin network-wide
 *     "sites": ["site2", …]         // multisite, second pass: subdirectory sites to create first
 *   }
 * Prints one JSON line: { ok, fresh, plugin_active, activation_error, app_password, … }.
 * Exit 0 when WordPress is installed (even if the plugin failed to activate: see
 * activation_error), 1 when it is not.
 */

declare(strict_types=1);

require __DIR__ . '/cli-env.php';

$wp_path = rtrim((string) ($argv[1] ?? ''), '/');
$config = json_decode((string) ($argv[2] ?? ''), true);
if (!is_file($wp_path . '/wp-load.php') || !is_array($config)) {
    fwrite(STDERR, "usage: php install.php <wp_path> '<json>'\n");
    exit(2);
}

sophmate_cli_server_env((string) $config['url']);
sophmate_cli_report_fatal_errors();
if (!empty($config['network_setup'])) {
    define('SOPHMATE_NETWORK_SETUP', true); // read by a multisite site's wp-config.php
}
define('WP_INSTALLING', true);
defined('DISABLE_WP_CRON') || define('DISABLE_WP_CRON', true);
// A fatal error is reported on STDERR (above), not as WordPress' HTML error page.
defined('WP_DISABLE_FATAL_ERROR_HANDLER') || define('WP_DISABLE_FATAL_ERROR_HANDLER', true);

require $wp_path . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

/** @param array<string,mixed> $data */
function sophmate_install_out(array $data, int $code = 0): never
{
    echo "\n", wp_json_encode($data, JSON_UNESCAPED_SLASHES), "\n";
    exit($code);
}

// No HTTP while installing: wp_install() probes pretty permalinks with requests to the
// site itself, which may not be serving yet. We set the permalink structure ourselves.
add_filter('pre_http_request', static fn () => new WP_Error('sophmate_installing', 'No HTTP requests during install.'), 1);

$url = untrailingslashit((string) $config['url']);
$admin_login = (string) $config['admin_user'];
$admin_password = (string) $config['admin_password'];
$result = ['ok' => true, 'fresh' => false, 'url' => $url, 'wp_version' => get_bloginfo('version')];

try {
    if (!is_blog_installed()) {
        ob_start();
        $installed = wp_install((string) $config['title'], $admin_login, (string) $config['admin_email'], false, '', wp_slash($admin_password));
        ob_end_clean();
        if (!is_array($installed) || empty($installed['user_id'])) {
            sophmate_install_out(['ok' => false, 'error' => 'wp_install() did not create the admin user.'], 1);
        }
        $result['fresh'] = true;
        global $wp_rewrite;
        $wp_rewrite->set_permalink_structure('/%postname%/');
        delete_option('rewrite_rules'); // rebuilt, with every plugin's rules, on the next request
    }

    if (!empty($config['network_setup'])) {
        require __DIR__ . '/network-setup.php';
        sophmate_install_out($result + sophmate_network_setup($config));
    }

    foreach (['siteurl', 'home'] as $option) {
        if (untrailingslashit((string) get_option($option)) !== $url) {
            update_option($option, $url);
        }
    }

    // The admin user the scripts document.
    $user = get_user_by('login', $admin_login);
    if (!$user instanceof WP_User) {
        $user_id = wp_insert_user([
            'user_login' => $admin_login,
            'user_pass' => $admin_password,
            'user_email' => (string) $config['admin_email'],
            'role' => 'administrator',
        ]);
        if (is_wp_error($user_id)) {
            sophmate_install_out(['ok' => false, 'error' => 'Cannot create the admin user: ' . $user_id->get_error_message()], 1);
        }
        $user = get_user_by('id', $user_id);
    } elseif ($result['fresh'] || !empty($config['reset_admin'])) {
        wp_set_password($admin_password, $user->ID);
        $user = get_user_by('id', $user->ID);
        if (!in_array('administrator', (array) $user->roles, true)) {
            $user->add_role('administrator');
        }
    } elseif (!wp_check_password($admin_password, $user->user_pass, $user->ID)) {
        $result['admin_password_changed'] = true;
    }
    $user_id = (int) $user->ID;

    // The plugin, activated as the admin would in wp-admin: the activating user owns the
    // built-in categories, so a fresh site has no ownerless category.
    wp_set_current_user($user_id);
    $network_wide = is_multisite() && !empty($config['network_activate']);
    if (is_multisite()) {
        require_once __DIR__ . '/network-setup.php';
        $result['sites'] = sophmate_network_sites((array) ($config['sites'] ?? []), $user_id);
    }
    $plugin = (string) $config['plugin'];
    $result['activation_error'] = null;
    if (!is_file(WP_PLUGIN_DIR . '/' . $plugin)) {
        $result['activation_error'] = "The plugin file wp-content/plugins/{$plugin} does not exist.";
    } elseif ($network_wide ? !is_plugin_active_for_network($plugin) : !is_plugin_active($plugin)) {
        ob_start();
        try {
            $activated = activate_plugin($plugin, '', $network_wide, false);
        } catch (Throwable $error) {
            $activated = new WP_Error('exception', sprintf('%s: %s in %s:%d', get_class($error), $error->getMessage(), $error->getFile(), $error->getLine()));
        }
        $stray = trim((string) ob_get_clean());
        if (is_wp_error($activated)) {
            $data = $activated->get_error_data();
            $result['activation_error'] = $activated->get_error_code() . ': ' . $activated->get_error_message()
                . (is_string($data) && trim($data) !== '' ? "\n" . trim(wp_strip_all_tags($data)) : '');
        } elseif ($stray !== '') {
            $result['activation_output'] = wp_strip_all_tags($stray);
        }
        $result['activated'] = !is_wp_error($activated);
    }
    $result['plugin_active'] = $network_wide ? is_plugin_active_for_network($plugin) : is_plugin_active($plugin);

    // An application password for scripts and curl: keep the last one while it still works.
    $name = (string) $config['app_password_name'];
    $app_password = null;
    $given = is_string($config['app_password'] ?? null) ? preg_replace('/\s+/', '', $config['app_password']) : '';
    $items = WP_Application_Passwords::get_user_application_passwords($user_id);
    if ($given !== '') {
        foreach ($items as $item) {
            if (wp_check_password($given, $item['password'], $user_id)) {
                $app_password = $given;
                break;
            }
        }
    }
    if ($app_password === null) {
        foreach ($items as $item) {
            if ($item['name'] === $name) {
                WP_Application_Passwords::delete_application_password($user_id, $item['uuid']);
            }
        }
        $created = WP_Application_Passwords::create_new_application_password($user_id, ['name' => $name]);
        if (is_wp_error($created)) {
            sophmate_install_out(['ok' => false, 'error' => 'Cannot create an application password: ' . $created->get_error_message()], 1);
        }
        $app_password = $created[0];
        $result['app_password_created'] = true;
    }
    $result['app_password'] = $app_password;
    $result['admin_user'] = $admin_login;

    // WP-Cron does nothing while a doing_cron lock from the last minute exists.
    delete_transient('doing_cron');
} catch (Throwable $error) {
    sophmate_install_out(['ok' => false, 'error' => sprintf('%s: %s in %s:%d', get_class($error), $error->getMessage(), $error->getFile(), $error->getLine())], 1);
}

sophmate_install_out($result);
