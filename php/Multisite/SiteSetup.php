<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Multisite;

use SophMate\SafeMode\Services;

/**
 * Makes every site of a network ready when the plugin is network-active. WordPress runs a
 * plugin's activation hook once, on the site the admin is on; a network activation must also
 * give every other site its tables, categories, capabilities and cron events. So for each site
 * this runs the plugin's own activation hook again (every module's activation callbacks, not a
 * copy of them) with the site switched in:
 * - on network activation: the first SETUP_SITES sites at once;
 * - a site created later: right after WordPress made its tables (wp_initialize_site);
 * - any other site (beyond SETUP_SITES, or restored from a backup): on its first request.
 * Network deactivation runs the deactivation hook on each site the same way; deleting a site
 * drops its plugin tables with WordPress' own.
 */
final class SiteSetup
{
    /** Marks a site as set up by this class, so the first-request check costs no query after that. */
    public const READY_OPTION = 'sophmate_safe_mode_site_ready';
    public const SETUP_SITES = 100;

    private bool $running = false;

    public function __construct(private readonly Services $services, private readonly string $plugin_file)
    {
    }

    public function register(): void
    {
        $basename = plugin_basename($this->plugin_file);
        add_action('activate_' . $basename, [$this, 'activated'], 20);
        add_action('deactivate_' . $basename, [$this, 'deactivated'], 20);
        // WordPress creates a new site's tables at priority 10 and its default content at 20.
        add_action('wp_initialize_site', [$this, 'site_created'], 100);
        add_action('init', [$this, 'first_request'], 0);
        // Deleting a site drops its tables; WordPress asks with the site switched in.
        add_filter('wpmu_drop_tables', function ($tables) {
            return is_array($tables) ? array_merge($tables, $this->services->schema->tables()) : $tables;
        });
    }

    /** @param mixed $network_wide */
    public function activated($network_wide = false): void
    {
        if ($this->running) {
            return; // Our own re-run of the hook for one site.
        }
        update_option(self::READY_OPTION, 1, true);
        if (!is_multisite() || !$network_wide) {
            return;
        }
        foreach ($this->other_sites(self::SETUP_SITES) as $id) {
            $this->set_up($id);
        }
    }

    /** @param mixed $network_wide */
    public function deactivated($network_wide = false): void
    {
        if ($this->running || !is_multisite() || !$network_wide) {
            return;
        }
        foreach ($this->other_sites(0) as $id) {
            $this->for_site($id, function (): void {
                do_action('deactivate_' . plugin_basename($this->plugin_file), false);
                delete_option(self::READY_OPTION);
            });
        }
    }

    /** @param mixed $site a WP_Site */
    public function site_created($site): void
    {
        if ($site instanceof \WP_Site && $this->network_active()) {
            $this->set_up((int) $site->blog_id);
        }
    }

    /** A site of a network-active plugin that was never set up (past SETUP_SITES, or restored). */
    public function first_request(): void
    {
        if (!$this->running && $this->network_active() && !get_option(self::READY_OPTION)) {
            $this->set_up(get_current_blog_id());
        }
    }

    public function set_up(int $blog_id): void
    {
        $this->for_site($blog_id, function (): void {
            require_once ABSPATH . 'wp-admin/includes/plugin.php';
            do_action('activate_' . plugin_basename($this->plugin_file), false);
            update_option(self::READY_OPTION, 1, true);
        });
    }

    public function network_active(): bool
    {
        if (!is_multisite()) {
            return false;
        }
        $active = get_site_option('active_sitewide_plugins', []);
        return is_array($active) && isset($active[plugin_basename($this->plugin_file)]);
    }

    private function for_site(int $blog_id, callable $work): void
    {
        $switched = SiteContext::enter($blog_id, $this->services);
        $this->running = true;
        try {
            $work();
        } finally {
            $this->running = false;
            SiteContext::leave($switched, $this->services);
        }
    }

    /** @return list<int> every site of this network but the current one (0: no limit) */
    private function other_sites(int $limit): array
    {
        $ids = get_sites([
            'fields' => 'ids',
            'network_id' => get_current_network_id(),
            'number' => $limit > 0 ? $limit + 1 : 0,
            'site__not_in' => [get_current_blog_id()],
            'orderby' => 'id',
        ]);
        return array_slice(array_map('intval', $ids), 0, $limit > 0 ? $limit : null);
    }
}
