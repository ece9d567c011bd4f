<?php

/**
 * Shared by the PHP CLI helpers (install.php, eval-file.php) and the PHPUnit
 * integration bootstrap: make a CLI process look enough like a request to the
 * site that WordPress loads without notices, and report fatal errors even
 * though the site's wp-config turns display_errors off.
 */

declare(strict_types=1);

/** Fills the $_SERVER keys WordPress reads during a request, for the site at $url. */
function sophmate_cli_server_env(string $url): void
{
    $parts = parse_url($url) ?: [];
    $host = ($parts['host'] ?? '127.0.0.1') . (isset($parts['port']) ? ':' . $parts['port'] : '');
    $defaults = [
        'HTTP_HOST' => $host,
        'SERVER_NAME' => $parts['host'] ?? '127.0.0.1',
        'SERVER_PORT' => (string) ($parts['port'] ?? 80),
        'REQUEST_URI' => '/',
        'REQUEST_METHOD' => 'GET',
        'REMOTE_ADDR' => '127.0.0.1',
        'SERVER_PROTOCOL' => 'HTTP/1.1',
        'HTTP_USER_AGENT' => 'sophmate-cli',
    ];
    foreach ($defaults as $key => $value) {
        if (!isset($_SERVER[$key])) {
            $_SERVER[$key] = $value;
        }
    }
}

/** The site.json that sits next to a site's WordPress copy (.wp/<site>/site.json), or []. */
function sophmate_cli_site_json(string $wp_path): array
{
    $file = dirname(rtrim($wp_path, '/')) . '/site.json';
    $data = is_readable($file) ? json_decode((string) file_get_contents($file), true) : null;
    return is_array($data) ? $data : [];
}

/** The site URL from site.json next to the WordPress copy, or the given fallback. */
function sophmate_cli_site_url(string $wp_path, string $fallback = 'http://127.0.0.1'): string
{
    $site = sophmate_cli_site_json($wp_path);
    return is_string($site['url'] ?? null) ? $site['url'] : $fallback;
}

/** Prints a fatal error to STDERR at shutdown (WordPress sends it only to debug.log). */
function sophmate_cli_report_fatal_errors(): void
{
    register_shutdown_function(static function (): void {
        $error = error_get_last();
        $fatal = E_ERROR | E_PARSE | E_CORE_ERROR | E_COMPILE_ERROR | E_USER_ERROR | E_RECOVERABLE_ERROR;
        if ($error !== null && ($error['type'] & $fatal) !== 0) {
            fwrite(STDERR, sprintf("PHP Fatal error: %s in %s:%d\n", $error['message'], $error['file'], $error['line']));
        }
    });
}
