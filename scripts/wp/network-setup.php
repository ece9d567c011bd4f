<?php

/**
 * Multisite parts of scripts/wp/install.php (a site started with `multisite: true` in
 * scripts/lib/site.mjs). The first pass runs while wp-config.php still loads a single site
 * (SOPHMATE_NETWORK_SETUP): it creates the network tables and the network, as Network Setup
 * in wp-admin would. The second pass runs as multisite and creates the extra sites.
 */

declare(strict_types=1);

/**
 * Installs the network tables and populates network 1 for the installed single site.
 * Idempotent: does nothing once the network exists.
 *
 * @param array<string,mixed> $config install.php's config
 * @return array<string,mixed> facts for install.php's JSON line
 */
function sophmate_network_setup(array $config): array
{
    global $wpdb;
    require_once ABSPATH . 'wp-admin/includes/network.php';
    $site_table = $wpdb->base_prefix . 'site';
    $exists = $wpdb->get_var($wpdb->prepare('SHOW TABLES LIKE %s', $site_table)) === $site_table
        && (int) $wpdb->get_var("SELECT COUNT(*) FROM {$site_table}") > 0; // phpcs:ignore
    if ($exists) {
        return ['network' => 'exists'];
    }
    $parts = parse_url((string) $config['url']) ?: [];
    $domain = ($parts['host'] ?? '127.0.0.1') . (isset($parts['port']) ? ':' . $parts['port'] : '');
    // As wp-admin/network.php does: a single site's wpdb has no names for the network tables yet.
    foreach ($wpdb->tables('ms_global') as $table => $prefixed) {
        $wpdb->$table = $prefixed;
    }
    install_network();
    $populated = populate_network(1, $domain, (string) $config['admin_email'], (string) $config['title'] . ' network', '/', false);
    if (is_wp_error($populated)) {
        sophmate_install_out(['ok' => false, 'error' => 'populate_network(): ' . $populated->get_error_message()], 1);
    }
    $admin = get_user_by('login', (string) $config['admin_user']);
    if ($admin instanceof WP_User) {
        $admins = (array) get_site_option('site_admins', []);
        if (!in_array($admin->user_login, $admins, true)) {
            $admins[] = $admin->user_login;
            update_site_option('site_admins', $admins);
        }
    }
    return ['network' => 'created'];
}

/**
 * Creates the subdirectory sites named in $paths (e.g. "site2" → /site2/) unless they exist.
 *
 * @param list<mixed> $paths
 * @return array<string,int> path => blog id
 */
function sophmate_network_sites(array $paths, int $admin_id): array
{
    $network = get_network();
    $ids = [];
    foreach ($paths as $path) {
        $path = '/' . trim((string) $path, '/') . '/';
        $found = get_site_by_path($network->domain, $path);
        if ($found instanceof WP_Site && $found->path === $path && $found->domain === $network->domain) {
            $ids[$path] = (int) $found->blog_id;
            continue;
        }
        $id = wp_insert_site(['domain' => $network->domain, 'path' => $path, 'title' => 'Site ' . trim($path, '/'), 'user_id' => $admin_id, 'network_id' => $network->id]);
        if (is_wp_error($id)) {
            sophmate_install_out(['ok' => false, 'error' => "wp_insert_site({$path}): " . $id->get_error_message()], 1);
        }
        // wp_insert_site() strips the port from the domain (WordPress supports multisite on ports
        // 80/443 only); put it back so 127.0.0.1:PORT/site2/ resolves to the new site.
        global $wpdb;
        $wpdb->update($wpdb->blogs, ['domain' => $network->domain], ['blog_id' => $id]);
        clean_blog_cache($id);
        update_blog_option($id, 'siteurl', 'http://' . $network->domain . $path);
        update_blog_option($id, 'home', 'http://' . $network->domain . $path);
        $ids[$path] = (int) $id;
    }
    return $ids;
}
