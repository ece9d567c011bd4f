<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Breakers\Events;

use SophMate\SafeMode\Domain\Audit\AuditEntry;
use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Switches\Source;
use SophMate\SafeMode\Storage\AuditLog;
use SophMate\SafeMode\Support\Actors;

/**
 * Updates breaker: a plugin, theme or core update (WordPress' `upgrader_process_complete`, from
 * wp-admin, auto-updates or WP-CLI alike) pauses every category whose `updates.enabled` is on,
 * with source `update` and a reason naming what was updated and its versions when known
 * ("plugin update: woocommerce 9.1 → 9.2"). The version before is read just before the package
 * is installed (`upgrader_pre_install`), else from the update transient's last check.
 * Every update is also audited (`update_installed`, scope `site`), paused or not: operators
 * reviewing an incident see what changed, and the dry run replays updates over history.
 */
final class UpdateBreaker
{
    /** @var array<string,string> "plugin:akismet/akismet.php" / "theme:twentytwenty" => version before the update */
    private array $before = [];

    public function __construct(
        private readonly Catalog $catalog,
        private readonly TripTargets $targets,
        private readonly Tripper $tripper,
        private readonly AuditLog $audit,
        private readonly Actors $actors,
        private readonly Clock $clock,
    ) {
    }

    /**
     * A filter that changes nothing: it only notes the installed version of what is about to be replaced.
     *
     * @param mixed $response
     * @param mixed $hook_extra
     * @return mixed $response unchanged
     */
    public function remember_version($response, $hook_extra = [])
    {
        if (!is_array($hook_extra)) {
            return $response;
        }
        if (is_string($hook_extra['plugin'] ?? null)) {
            $version = self::plugin_version($hook_extra['plugin']);
            if ($version !== null) {
                $this->before['plugin:' . $hook_extra['plugin']] = $version;
            }
        }
        if (is_string($hook_extra['theme'] ?? null)) {
            $version = self::theme_version($hook_extra['theme']);
            if ($version !== null) {
                $this->before['theme:' . $hook_extra['theme']] = $version;
            }
        }
        return $response;
    }

    /**
     * @param mixed $upgrader the WP_Upgrader (unused: everything needed is in $options)
     * @param mixed $options action, type, and plugin|plugins|theme|themes, as WordPress passes them
     */
    public function updated($upgrader = null, $options = []): void
    {
        if (!is_array($options) || ($options['action'] ?? '') !== 'update') {
            return;
        }
        $type = (string) ($options['type'] ?? '');
        $items = match ($type) {
            'plugin' => $this->plugins($options),
            'theme' => $this->themes($options),
            'core' => [self::core()],
            default => [], // translations change no code
        };
        if ($items === []) {
            return;
        }
        $value = implode(', ', $items);
        $reason = sprintf('%s update: %s', $type, $value);
        $this->audit_update($type, $items, $reason);
        foreach ($this->targets->scopes(EventBreakerConfig::UPDATES, array_map('strval', array_keys($this->catalog->categories())), array_values($this->catalog->automations())) as $scope) {
            $this->tripper->trip($scope, $reason, Source::Update, EventBreakerConfig::UPDATES, 'update', $value, 'any update', ['updated' => ['type' => $type, 'items' => $items]]);
        }
    }

    /** @param list<string> $items */
    private function audit_update(string $type, array $items, string $reason): void
    {
        try {
            $this->audit->append(new AuditEntry(
                'update_installed',
                'site',
                '',
                '',
                mb_substr($reason, 0, 500),
                $this->actors->current('WordPress updater'),
                'update',
                $this->clock->now(),
                ['updated' => ['type' => $type, 'items' => $items]]
            ));
        } catch (\Throwable) {
            // A failed audit write must not break WordPress' updater; the trips below still happen.
        }
    }

    /**
     * @param array<string,mixed> $options
     * @return list<string> "woocommerce 9.1 → 9.2" per plugin
     */
    private function plugins(array $options): array
    {
        $files = isset($options['plugins']) ? (array) $options['plugins'] : (isset($options['plugin']) ? [$options['plugin']] : []);
        $checked = self::transient_checked('update_plugins');
        $items = [];
        foreach ($files as $file) {
            if (!is_string($file) || $file === '') {
                continue;
            }
            $name = str_contains($file, '/') ? dirname($file) : basename($file, '.php');
            $items[] = self::describe($name, $this->before['plugin:' . $file] ?? $checked[$file] ?? null, self::plugin_version($file));
        }
        return $items;
    }

    /**
     * @param array<string,mixed> $options
     * @return list<string>
     */
    private function themes(array $options): array
    {
        $themes = isset($options['themes']) ? (array) $options['themes'] : (isset($options['theme']) ? [$options['theme']] : []);
        $checked = self::transient_checked('update_themes');
        $items = [];
        foreach ($themes as $theme) {
            if (!is_string($theme) || $theme === '') {
                continue;
            }
            $items[] = self::describe($theme, $this->before['theme:' . $theme] ?? $checked[$theme] ?? null, self::theme_version($theme));
        }
        return $items;
    }

    /** WordPress before (the version this request loaded) and after (the version file now on disk). */
    private static function core(): string
    {
        global $wp_version;
        $after = null;
        $file = ABSPATH . WPINC . '/version.php';
        $source = is_readable($file) ? (string) file_get_contents($file) : '';
        if (preg_match('/\$wp_version\s*=\s*[\'"]([^\'"]+)[\'"]/', $source, $match) === 1) {
            $after = $match[1];
        }
        return self::describe('WordPress', is_string($wp_version) ? $wp_version : null, $after);
    }

    private static function describe(string $name, ?string $from, ?string $to): string
    {
        if ($from !== null && $to !== null && $from !== $to) {
            return sprintf('%s %s → %s', $name, $from, $to);
        }
        if ($to !== null) {
            return $from === $to ? sprintf('%s %s', $name, $to) : sprintf('%s → %s', $name, $to);
        }
        return $from !== null ? sprintf('%s %s → ?', $name, $from) : $name;
    }

    /** The version in the plugin's header as the file now is on disk (not the cached plugin list). */
    private static function plugin_version(string $file): ?string
    {
        if (validate_file($file) !== 0) {
            return null;
        }
        $path = WP_PLUGIN_DIR . '/' . $file;
        if (!is_readable($path)) {
            return null;
        }
        $data = get_file_data($path, ['Version' => 'Version'], 'plugin');
        return ($data['Version'] ?? '') !== '' ? (string) $data['Version'] : null;
    }

    private static function theme_version(string $stylesheet): ?string
    {
        if (validate_file($stylesheet) !== 0) {
            return null;
        }
        $path = get_theme_root($stylesheet) . '/' . $stylesheet . '/style.css';
        if (!is_readable($path)) {
            return null;
        }
        $data = get_file_data($path, ['Version' => 'Version'], 'theme');
        return ($data['Version'] ?? '') !== '' ? (string) $data['Version'] : null;
    }

    /** @return array<string,string> what the last update check saw installed */
    private static function transient_checked(string $transient): array
    {
        $value = get_site_transient($transient);
        $checked = is_object($value) && isset($value->checked) && is_array($value->checked) ? $value->checked : [];
        return array_map('strval', array_filter($checked, 'is_scalar'));
    }
}
