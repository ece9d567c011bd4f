<?php

/**
 * Plugin Name: SophMate scale-test probes
 * Description: Installed by scripts/test-scale.mjs into the throwaway "scale" site only (never shipped, never on
 * the dev or test site). Gives each web node a way to ask the plugin's gate and to reproduce the
 * alloptions cache race, over REST, for administrators only.
 */

defined('ABSPATH') || exit;

/** A live automation in marketing: what "automation on node B" means in the scale tests. */
add_action('init', static function (): void {
    if (function_exists('sophmate_safe_mode_register_automation')) {
        sophmate_safe_mode_register_automation('scale_probe', [
            'label' => 'Scale probe',
            'kind' => 'workflow',
            'category' => 'marketing',
            'owner' => 'admin',
            'mode' => 'live',
        ]);
    }
});

/**
 * A pause request that stalls right after its change (think of a slow listener), when the scale
 * test asks for it with an X-Scale-Stall-Ms header: it keeps that request from re-reading the
 * options (and re-filling the shared cache) while another node's slow request finishes.
 */
add_action('sophmate_safe_mode_paused', static function (): void {
    $ms = (int) ($_SERVER['HTTP_X_SCALE_STALL_MS'] ?? 0);
    if ($ms > 0 && $ms <= 10000) {
        usleep($ms * 1000);
    }
}, -1000);

add_action('rest_api_init', static function (): void {
    $admin = static fn (): bool => current_user_can('sophmate_manage_automation');

    /** Which node answered and whether it really uses the shared Redis. */
    register_rest_route('sophmate-scale/v1', '/node', [
        'methods' => 'GET',
        'permission_callback' => $admin,
        'callback' => static function (): array {
            global $wp_object_cache;
            $persistent = is_object($wp_object_cache) && method_exists($wp_object_cache, 'is_persistent') && $wp_object_cache->is_persistent();
            return [
                'port' => (int) ($_SERVER['SERVER_PORT'] ?? 0),
                'pid' => getmypid(),
                'ext_object_cache' => (bool) wp_using_ext_object_cache(),
                'redis' => $persistent,
                'redis_error' => is_object($wp_object_cache) ? (string) ($wp_object_cache->redis_error ?? '') : 'no cache object',
            ];
        },
    ]);

    /**
     * The gate on this node, as an automation would meet it at its next check: the decision, then a
     * real start_run() (a refused start is recorded as a skipped run; an allowed one succeeds at once).
     */
    register_rest_route('sophmate-scale/v1', '/gate', [
        'methods' => 'POST',
        'permission_callback' => $admin,
        'args' => ['start' => ['type' => 'boolean', 'default' => true]],
        'callback' => static function (WP_REST_Request $request): array {
            $decision = sophmate_safe_mode_decide('scale_probe');
            $out = ['effect' => $decision->effect->value, 'scope' => $decision->scope(), 'reason' => $decision->reason()];
            if ($request['start']) {
                $run = sophmate_safe_mode_start_run('scale_probe', ['trigger' => 'manual']);
                $out['run_allowed'] = $run->is_allowed();
                $out['run_status'] = $run->status();
                if ($run->is_allowed()) {
                    $run->succeed();
                }
            }
            return $out;
        },
    ]);

    /**
     * Reproduces the alloptions race the way a slow request does it: the cached copy is gone (another
     * change deleted it), this request reads the autoloaded options from the database, stalls
     * (sleep_ms, inside core's pre_cache_alloptions filter) and only then adds what it read to the
     * shared cache, after any change committed meanwhile. Then reports whether the cached copy of the
     * switch option differs from the database.
     */
    register_rest_route('sophmate-scale/v1', '/slow-alloptions', [
        'methods' => 'POST',
        'permission_callback' => $admin,
        'args' => ['sleep_ms' => ['type' => 'integer', 'minimum' => 0, 'maximum' => 10000, 'default' => 1500]],
        'callback' => static function (WP_REST_Request $request): array {
            $sleep = (int) $request['sleep_ms'];
            wp_cache_delete('alloptions', 'options');
            $stall = static function ($alloptions) use ($sleep) {
                usleep($sleep * 1000);
                return $alloptions;
            };
            add_filter('pre_cache_alloptions', $stall);
            $read = wp_load_alloptions();
            remove_filter('pre_cache_alloptions', $stall);
            return ['read_switches' => (string) ($read['sophmate_safe_mode_switches'] ?? '')];
        },
    ]);

    /**
     * The drop-in's own contract, exercised on this node against the shared Redis (each runtime copy
     * is dropped before reading back, so values really come from Redis). With `token`, also reads
     * the token another node stored. Returns the failed expectations (none = correct) and a new token.
     */
    register_rest_route('sophmate-scale/v1', '/cache-selftest', [
        'methods' => 'POST',
        'permission_callback' => $admin,
        'args' => ['token' => ['type' => 'string', 'default' => '']],
        'callback' => static function (WP_REST_Request $request): array {
            $failures = [];
            $expect = static function (string $what, $actual, $expected) use (&$failures): void {
                if ($actual !== $expected) {
                    $failures[] = $what . ': got ' . wp_json_encode($actual) . ', expected ' . wp_json_encode($expected);
                }
            };
            $g = 'scale-selftest';
            wp_cache_delete_multiple(['a', 'n', 's', 'f', 'o', 'm1', 'm2', 'x'], $g);
            $expect('persistent cache in use', wp_using_ext_object_cache(), true);
            $expect('set', wp_cache_set('a', ['k' => 'v <b>"é"</b>'], $g), true);
            $expect('add on an existing key', wp_cache_add('a', 'other', $g), false);
            $expect('replace of a missing key', wp_cache_replace('x', 1, $g), false);
            $expect('add of a new key', wp_cache_add('n', 5, $g), true);
            $expect('set of a numeric string', wp_cache_set('s', '123', $g), true);
            $expect('set of false', wp_cache_set('f', false, $g), true);
            $object = new stdClass();
            $object->v = 1;
            wp_cache_set('o', $object, $g);
            $object->v = 2;
            wp_cache_flush_runtime();
            $expect('array back from Redis', wp_cache_get('a', $g), ['k' => 'v <b>"é"</b>']);
            $expect('int back from Redis', wp_cache_get('n', $g), 5);
            $expect('numeric string stays a string', wp_cache_get('s', $g), '123');
            $found = null;
            $expect('false is a stored value', [wp_cache_get('f', $g, false, $found), $found], [false, true]);
            $expect('an object is stored as it was when set', wp_cache_get('o', $g)->v ?? null, 1);
            $expect('replace of an existing key', wp_cache_replace('a', 'replaced', $g), true);
            $expect('incr', wp_cache_incr('n', 3, $g), 8);
            $expect('decr clamps at zero', wp_cache_decr('n', 100, $g), 0);
            $expect('incr of a missing key', wp_cache_incr('x', 1, $g), false);
            $expect('incr of a non-number starts from zero', wp_cache_incr('a', 2, $g), 2);
            wp_cache_set('m1', 'one', $g);
            wp_cache_flush_runtime();
            $expect('get_multiple', wp_cache_get_multiple(['m1', 'm2'], $g), ['m1' => 'one', 'm2' => false]);
            $expect('delete', wp_cache_delete('m1', $g), true);
            wp_cache_flush_runtime();
            $found = null;
            $expect('deleted is gone', [wp_cache_get('m1', $g, false, $found), $found], [false, false]);
            wp_cache_add_non_persistent_groups(['scale-runtime']);
            wp_cache_set('r', 'here', 'scale-runtime');
            $expect('non-persistent group kept at runtime', wp_cache_get('r', 'scale-runtime'), 'here');
            wp_cache_flush_runtime();
            $expect('non-persistent group never reaches Redis', wp_cache_get('r', 'scale-runtime'), false);
            wp_cache_set('t', 'short', $g, 1);
            usleep(2100000);
            wp_cache_flush_runtime();
            $expect('expiry', wp_cache_get('t', $g), false);
            if ((string) $request['token'] !== '') {
                $expect('token stored by the other node', wp_cache_get('token', $g), (string) $request['token']);
            }
            $token = wp_generate_password(20, false);
            wp_cache_set('token', $token, $g);
            return ['failures' => $failures, 'token' => $token];
        },
    ]);

    /**
     * The plugin's options three ways: the database row, this node's get_option() (shared cache) and
     * the cached alloptions entry, for the alloptions-race check after the concurrent phase.
     */
    register_rest_route('sophmate-scale/v1', '/options', [
        'methods' => 'GET',
        'permission_callback' => $admin,
        'callback' => static function (): array {
            global $wpdb;
            $rows = $wpdb->get_results("SELECT option_name, option_value, autoload FROM {$wpdb->options} WHERE option_name LIKE 'sophmate\\_%'", ARRAY_A);
            $cached = wp_cache_get('alloptions', 'options', true);
            $out = [];
            foreach ((array) $rows as $row) {
                $name = $row['option_name'];
                $value = get_option($name);
                $out[$name] = [
                    'db' => $row['option_value'],
                    'autoload' => $row['autoload'],
                    'get_option' => is_string($value) ? $value : maybe_serialize($value),
                    'alloptions' => is_array($cached) && array_key_exists($name, $cached) ? $cached[$name] : null,
                ];
            }
            return $out;
        },
    ]);
});
