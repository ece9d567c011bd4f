<?php

/**
 * Plugin Name: SophMate local development helpers
 * Description: Installed by the project's scripts into the dev and test sites only (never shipped): captures mail to a file, keeps HTTP on this machine, drops Site Health checks that cannot pass under php -S.
 */

defined('ABSPATH') || exit;

/** Where mail.jsonl goes: the site's log directory, written into wp-config.php by the scripts. */
function sophmate_dev_log_dir(): string
{
    return defined('SOPHMATE_DEV_LOG_DIR') ? (string) SOPHMATE_DEV_LOG_DIR : WP_CONTENT_DIR;
}

/**
 * Mail never reaches sendmail: each message is appended as one JSON line to
 * <log_dir>/mail.jsonl, so tests can assert notifications. Runs last, so another
 * short-circuit (if any) keeps precedence.
 */
add_filter('pre_wp_mail', static function ($return, array $atts) {
    if ($return !== null) {
        return $return;
    }
    $list = static function ($value): array {
        if (is_string($value)) {
            $value = str_contains($value, "\n") ? explode("\n", $value) : explode(',', $value);
        }
        return array_values(array_filter(array_map('trim', (array) $value), static fn ($v) => $v !== ''));
    };
    $line = wp_json_encode([
        'time' => gmdate('c'),
        'to' => $list($atts['to'] ?? []),
        'subject' => (string) ($atts['subject'] ?? ''),
        'message' => (string) ($atts['message'] ?? ''),
        'headers' => $list($atts['headers'] ?? []),
        'attachments' => $list($atts['attachments'] ?? []),
    ], JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
    $dir = sophmate_dev_log_dir();
    if (!is_dir($dir)) {
        wp_mkdir_p($dir);
    }
    file_put_contents($dir . '/mail.jsonl', $line . "\n", FILE_APPEND | LOCK_EX);
    return true;
}, PHP_INT_MAX, 2);

/**
 * HTTP stays on this machine: a request to any other host fails at once with a
 * WP_Error instead of hanging on DNS or a firewall. Loopback HTTP (the site calling
 * itself, e.g. WP-Cron or the plugin's fake providers) goes through; HTTPS to
 * loopback fails at once too, since php -S does not speak TLS. Runs last, so the
 * plugin's own outbound gate decides first and its refusals keep their codes.
 */
add_filter('pre_http_request', static function ($pre, $args, $url) {
    if ($pre !== false) {
        return $pre;
    }
    $parts = wp_parse_url((string) $url);
    $host = strtolower(trim((string) ($parts['host'] ?? ''), '[]'));
    $scheme = strtolower((string) ($parts['scheme'] ?? 'http'));
    $loopback = $host === 'localhost' || $host === '::1' || str_ends_with($host, '.localhost')
        || (bool) preg_match('/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/', $host);
    if (!$loopback) {
        return new WP_Error('sophmate_dev_http_blocked', sprintf('Local development site: HTTP to %s is blocked (only this machine is reachable).', $host !== '' ? $host : (string) $url));
    }
    if ($scheme === 'https') {
        return new WP_Error('sophmate_dev_https_unavailable', 'Local development site: php -S serves no HTTPS.');
    }
    return $pre;
}, PHP_INT_MAX, 3);

/** Site Health checks that make HTTPS or loopback requests (they stall or fail under php -S). */
add_filter('site_status_tests', static function (array $tests): array {
    foreach (['https_status', 'loopback_requests', 'background_updates', 'page_cache', 'dotorg_communication', 'authorization_header'] as $test) {
        unset($tests['direct'][$test], $tests['async'][$test]);
    }
    return $tests;
});

/**
 * No update checks: this offline site cannot reach wordpress.org, and each failed
 * check logs a PHP warning from core that would bury the plugin's own messages.
 */
foreach ([
    ['admin_init', '_maybe_update_core'],
    ['admin_init', '_maybe_update_plugins'],
    ['admin_init', '_maybe_update_themes'],
    ['wp_version_check', 'wp_version_check'],
    ['wp_update_plugins', 'wp_update_plugins'],
    ['wp_update_themes', 'wp_update_themes'],
    ['load-plugins.php', 'wp_update_plugins'],
    ['load-themes.php', 'wp_update_themes'],
    ['load-update.php', 'wp_update_plugins'],
    ['load-update.php', 'wp_update_themes'],
    ['load-update-core.php', 'wp_update_plugins'],
    ['load-update-core.php', 'wp_update_themes'],
    ['wp_maybe_auto_update', 'wp_maybe_auto_update'],
    ['init', 'wp_schedule_update_checks'],
] as [$sophmate_dev_hook, $sophmate_dev_callback]) {
    remove_action($sophmate_dev_hook, $sophmate_dev_callback);
}
unset($sophmate_dev_hook, $sophmate_dev_callback);

/**
 * Webhook sink for notification tests: POST /wp-json/sophmate-dev/v1/webhook-sink appends
 * { time, headers, body } as one JSON line to <log_dir>/webhooks.jsonl, and answers 500 while
 * the option sophmate_dev_webhook_fail is set (to test retries). The plugin refuses webhook URLs
 * on this site itself or on loopback by default; here they are allowed so the sink can be used.
 */
add_action('rest_api_init', static function (): void {
    register_rest_route('sophmate-dev/v1', '/webhook-sink', [
        'methods' => 'POST',
        'permission_callback' => '__return_true',
        'callback' => static function (WP_REST_Request $request) {
            $dir = sophmate_dev_log_dir();
            if (!is_dir($dir)) {
                wp_mkdir_p($dir);
            }
            $headers = [];
            foreach ($request->get_headers() as $name => $values) {
                $headers[$name] = implode(', ', (array) $values);
            }
            $line = wp_json_encode(['time' => gmdate('c'), 'headers' => $headers, 'body' => $request->get_body()], JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
            file_put_contents($dir . '/webhooks.jsonl', $line . "\n", FILE_APPEND | LOCK_EX);
            if (get_option('sophmate_dev_webhook_fail')) {
                return new WP_Error('sophmate_dev_webhook_fail', 'Webhook sink told to fail.', ['status' => 500]);
            }
            return ['ok' => true];
        },
    ]);
});
add_filter('sophmate_safe_mode_allow_webhook_url', static function ($allow, $url) {
    $host = strtolower((string) wp_parse_url((string) $url, PHP_URL_HOST));
    return $allow || in_array($host, ['127.0.0.1', 'localhost'], true);
}, 10, 2);

/**
 * A fake provider status page for tests: GET /wp-json/sophmate-dev/v1/statuspage answers what
 * the option `sophmate_dev_statuspage` holds, `{ code, body, delay_seconds }` (body as the raw
 * text to send, so invalid JSON can be simulated), after sleeping delay_seconds (for timeouts).
 * Each request is counted in `sophmate_dev_statuspage_hits`.
 */
add_action('rest_api_init', static function (): void {
    register_rest_route('sophmate-dev/v1', '/statuspage', [
        'methods' => 'GET',
        // A public status page, like the real ones.
        'permission_callback' => '__return_true',
        'callback' => static function () {
            $config = get_option('sophmate_dev_statuspage', []);
            $config = is_array($config) ? $config : [];
            update_option('sophmate_dev_statuspage_hits', (int) get_option('sophmate_dev_statuspage_hits', 0) + 1, false);
            $delay = min(30, max(0, (float) ($config['delay_seconds'] ?? 0)));
            if ($delay > 0) {
                usleep((int) ($delay * 1000000));
            }
            $code = (int) ($config['code'] ?? 200);
            $body = (string) ($config['body'] ?? '{"status":{"indicator":"none","description":"All Systems Operational"}}');
            add_filter('rest_pre_serve_request', static function () use ($code, $body) {
                status_header($code);
                header('Content-Type: application/json; charset=utf-8');
                echo $body; // phpcs:ignore -- raw test fixture, possibly invalid JSON on purpose.
                return true;
            });
            return new WP_REST_Response(null, $code);
        },
    ]);
});
