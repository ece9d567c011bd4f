<?php

/**
 * Benchmark: run recording throughput (start + 3 steps + finish, through the public API, into
 * MariaDB) and GET /runs filtered by category and status over 1,000,000 rows.
 * Argument: number of history rows to build (default 1000000).
 */

declare(strict_types=1);

use SophMate\SafeMode\Plugin;

require_once __DIR__ . '/support.php';

global $wpdb;
sophmate_bench_reset();
$services = Plugin::services();
$table = $services->schema->runs_table();
$rows_wanted = (int) ($args[0] ?? 1000000);
sophmate_safe_mode_register_automation('bench-recorder', ['label' => 'Recorder', 'kind' => 'workflow', 'category' => 'marketing', 'owner' => 1]);

$count = 2000;
$start = hrtime(true);
for ($i = 0; $i < $count; $i++) {
    $run = sophmate_safe_mode_start_run('bench-recorder', ['trigger' => 'bench']);
    $run->step('fetch');
    $run->step('transform');
    $run->step('store');
    $run->succeed();
}
$seconds = (hrtime(true) - $start) / 1e9;
$results = [['name' => 'runs recorded per second (start + 3 steps + finish)', 'value' => round($count / $seconds, 1), 'runs' => $count]];

// Grow history to the wanted size (see sophmate_bench_seed_runs()).
$statuses = ['succeeded', 'failed', 'skipped', 'held', 'cancelled', 'awaiting_approval', 'succeeded', 'succeeded'];
$categories = ['commerce', 'content', 'support', 'marketing', 'system', 'image', 'agent'];
$total = sophmate_bench_seed_runs($rows_wanted);

$samples = [];
for ($i = 0; $i < 200; $i++) {
    $request = new WP_REST_Request('GET', '/sophmate-safe-mode/v1/runs');
    $request->set_query_params(['category' => $categories[$i % 7], 'status' => $statuses[$i % 6], 'per_page' => 50, 'page' => 1 + ($i % 3)]);
    $t = hrtime(true);
    $response = rest_do_request($request);
    $samples[] = (hrtime(true) - $t) / 1e6;
    if ($response->get_status() !== 200) {
        throw new RuntimeException('GET /runs answered ' . $response->get_status());
    }
}
sort($samples);
$results[] = [
    'name' => sprintf('GET /runs?category=…&status=… over %s rows (in-process REST dispatch)', number_format($total)),
    'median_ms' => round($samples[100], 2),
    'p95_ms' => round($samples[190], 2),
    'requests' => count($samples),
];
$wpdb->query("DELETE FROM {$table}");
echo wp_json_encode(['benchmark' => 'runs', 'results' => $results]);
