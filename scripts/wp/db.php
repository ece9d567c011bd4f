<?php

/**
 * Database chores for scripts/lib/site.mjs, with mysqli so it works the same
 * against the throwaway MariaDB (unix socket) and an existing server
 * (SOPHMATE_DB_HOST).
 *
 * Usage: php db.php <action> '<json>'
 *   action: ping | status | create | recreate | drop
 *   json:   {"host": "localhost:/path.sock" | "host[:port]", "user": "...", "password": "...", "name": "wordpress", "prefix": "wp_"}
 * Prints one JSON object; exit 0 on success, 1 on failure (with "error").
 */

declare(strict_types=1);

mysqli_report(MYSQLI_REPORT_OFF);

function out(array $data, int $code = 0): never
{
    echo json_encode($data, JSON_UNESCAPED_SLASHES), "\n";
    exit($code);
}

$action = $argv[1] ?? '';
$config = json_decode($argv[2] ?? '', true);
if (!is_array($config) || !in_array($action, ['ping', 'status', 'create', 'recreate', 'drop'], true)) {
    fwrite(STDERR, "usage: php db.php ping|status|create|recreate|drop '<json>'\n");
    exit(2);
}

// Same host syntax as WordPress' DB_HOST: "host", "host:port", "localhost:/socket".
$host = (string) ($config['host'] ?? 'localhost');
$port = null;
$socket = null;
if (preg_match('/^(.*?):(\/.+)$/', $host, $m)) {
    [$host, $socket] = [$m[1] === '' ? 'localhost' : $m[1], $m[2]];
} elseif (preg_match('/^(.*?):(\d+)$/', $host, $m)) {
    [$host, $port] = [$m[1], (int) $m[2]];
}

$db = @mysqli_init();
@$db->options(MYSQLI_OPT_CONNECT_TIMEOUT, 3);
$ok = @$db->real_connect($host, (string) ($config['user'] ?? 'root'), (string) ($config['password'] ?? ''), null, $port, $socket);
if (!$ok) {
    out(['connected' => false, 'error' => mysqli_connect_error() ?: 'cannot connect'], 1);
}

$name = (string) ($config['name'] ?? '');
if (!preg_match('/^[A-Za-z0-9_]+$/', $name)) {
    out(['connected' => true, 'error' => "invalid database name '{$name}'"], 1);
}
$prefix = (string) ($config['prefix'] ?? 'wp_');

$exists = static function () use ($db, $name): bool {
    $result = $db->query("SHOW DATABASES LIKE '" . $db->real_escape_string($name) . "'");
    return $result instanceof mysqli_result && $result->num_rows > 0;
};

switch ($action) {
    case 'ping':
        out(['connected' => true, 'server' => $db->server_info]);
        // no break: out() exits
    case 'status':
        if (!$exists()) {
            out(['connected' => true, 'exists' => false, 'installed' => false, 'tables' => 0]);
        }
        $db->select_db($name);
        $tables = 0;
        $result = $db->query("SHOW TABLES LIKE '" . $db->real_escape_string(addcslashes($prefix, '_%')) . "%'");
        if ($result instanceof mysqli_result) {
            $tables = $result->num_rows;
        }
        $installed = false;
        $result = @$db->query("SELECT option_value FROM `{$prefix}options` WHERE option_name = 'siteurl' LIMIT 1");
        if ($result instanceof mysqli_result && $result->num_rows > 0) {
            // wp_install() writes the admin user last: a siteurl without users is half an install.
            $users = @$db->query("SELECT COUNT(*) FROM `{$prefix}users`");
            $installed = $users instanceof mysqli_result && (int) $users->fetch_row()[0] > 0;
        }
        out(['connected' => true, 'exists' => true, 'installed' => $installed, 'tables' => $tables]);
        // no break
    case 'create':
    case 'recreate':
    case 'drop':
        if ($action !== 'create' && !$db->query("DROP DATABASE IF EXISTS `{$name}`")) {
            out(['connected' => true, 'error' => $db->error], 1);
        }
        if ($action !== 'drop' && !$db->query("CREATE DATABASE IF NOT EXISTS `{$name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")) {
            out(['connected' => true, 'error' => $db->error], 1);
        }
        out(['connected' => true, 'ok' => true]);
}
