<?php

/**
 * Router for `php -S` serving a local site's WordPress copy (docroot).
 *
 * - /wp-admin (and any directory without its trailing slash) → 301 to the slash form,
 *   so relative links in wp-admin resolve;
 * - existing files (static assets, wp-login.php, wp-admin/*.php, …) and directories
 *   with an index.php → served by the built-in server as they are (return false);
 * - everything else (pretty permalinks, /wp-json/…) → WordPress' index.php.
 */

$sophmate_uri = (string) parse_url($_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH);
$sophmate_path = rawurldecode($sophmate_uri);
$sophmate_root = rtrim((string) $_SERVER['DOCUMENT_ROOT'], '/');

if (str_contains($sophmate_path, '..') || str_contains($sophmate_path, "\0")) {
    http_response_code(400);
    echo 'Bad request';
    return true;
}

$sophmate_file = $sophmate_root . $sophmate_path;
if ($sophmate_path !== '/' && is_dir($sophmate_file)) {
    if (!str_ends_with($sophmate_path, '/')) {
        $sophmate_query = (string) parse_url($_SERVER['REQUEST_URI'] ?? '', PHP_URL_QUERY);
        header('Location: ' . $sophmate_uri . '/' . ($sophmate_query !== '' ? '?' . $sophmate_query : ''), true, 301);
        return true;
    }
    if (is_file($sophmate_file . 'index.php')) {
        return false;
    }
}
if ($sophmate_path !== '/' && is_file($sophmate_file)) {
    return false;
}

// Everything else is a WordPress request.
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $sophmate_root . '/index.php';
chdir($sophmate_root);
require $sophmate_root . '/index.php';
