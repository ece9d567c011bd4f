<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Admin;

use SophMate\SafeMode\Plugin;
use SophMate\SafeMode\Rest\Controller;
use SophMate\SafeMode\Services;

/**
 * The "Automation Safety" menu page: a mount point for the React app, its assets, boot data and
 * the preloaded status so the first paint needs no extra request.
 */
final class AdminPage
{
    public const SLUG = 'sophmate-safe-mode';
    public const SCRIPT = 'sophmate-safe-mode-admin';

    private string $hook_suffix = '';

    public function __construct(private readonly Services $services, private readonly string $plugin_file)
    {
    }

    public function register(): void
    {
        add_action('admin_menu', [$this, 'add_menu']);
        add_action('admin_enqueue_scripts', [$this, 'enqueue']);
    }

    public function add_menu(): void
    {
        $this->hook_suffix = (string) add_menu_page(
            __('Automation Safety', 'sophmate-safe-mode'),
            __('Automation Safety', 'sophmate-safe-mode'),
            Plugin::CAP_PAUSE,
            self::SLUG,
            [$this, 'render'],
            'dashicons-shield',
            3
        );
    }

    public function render(): void
    {
        echo '<div class="wrap"><div id="sophmate-safe-mode-root">';
        if (!$this->assets_built()) {
            printf(
                '<div class="notice notice-error"><p>%s</p></div>',
                esc_html__('The admin app is not built: run "npm run build" in the plugin folder, or install the release zip.', 'sophmate-safe-mode')
            );
        } else {
            printf('<p class="hide-if-js">%s</p>', esc_html__('This page needs JavaScript.', 'sophmate-safe-mode'));
        }
        echo '</div></div>';
    }

    public function enqueue(string $hook_suffix): void
    {
        if ($hook_suffix !== $this->hook_suffix || !$this->assets_built()) {
            return;
        }
        $dir = plugin_dir_path($this->plugin_file) . 'build/';
        $url = plugin_dir_url($this->plugin_file) . 'build/';
        $asset = require $dir . 'index.asset.php';
        wp_enqueue_script(self::SCRIPT, $url . 'index.js', $asset['dependencies'], $asset['version'], true);
        wp_set_script_translations(self::SCRIPT, 'sophmate-safe-mode');
        $chunks = ChunkTranslations::inline_script($dir, $url, (string) $asset['version']);
        if ($chunks !== '') {
            wp_add_inline_script(self::SCRIPT, $chunks, 'before');
        }
        if (is_readable($dir . 'index.css')) {
            wp_enqueue_style(self::SCRIPT, $url . 'index.css', [], $asset['version']);
            wp_style_add_data(self::SCRIPT, 'rtl', 'replace');
        }
        $boot = [
            'namespace' => Controller::NS,
            'canManage' => current_user_can(Plugin::CAP_MANAGE),
            'canPause' => current_user_can(Plugin::CAP_PAUSE),
            'userId' => get_current_user_id(),
            'adminUrl' => admin_url(),
        ];
        wp_add_inline_script(self::SCRIPT, 'window.sophmateSafeModeBoot = ' . wp_json_encode($boot) . ';', 'before');
        $preload = ['/status', '/categories?per_page=100', '/automations?per_page=200'];
        if (current_user_can(Plugin::CAP_MANAGE)) {
            $preload[] = '/cron-hooks';
        }
        $this->preload(array_map(static fn (string $path): string => '/' . Controller::NS . $path, $preload));
    }

    private function assets_built(): bool
    {
        return is_readable(plugin_dir_path($this->plugin_file) . 'build/index.asset.php');
    }

    /** @param list<string> $paths */
    private function preload(array $paths): void
    {
        $preloaded = array_reduce($paths, 'rest_preload_api_request', []);
        wp_add_inline_script(
            'wp-api-fetch',
            sprintf('wp.apiFetch.use( wp.apiFetch.createPreloadingMiddleware( %s ) );', wp_json_encode($preloaded)),
            'after'
        );
    }
}
