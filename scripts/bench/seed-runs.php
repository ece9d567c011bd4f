<?php

/**
 * Bench helper: leaves the runs table holding the given number of runs (default 100000), for
 * the admin page benchmarks that read them through the browser. Argument: number of rows;
 * 0 empties the table.
 */

declare(strict_types=1);

require_once __DIR__ . '/support.php';

global $wpdb;
$rows_wanted = (int) ($args[0] ?? 100000);
if ($rows_wanted === 0) {
    $schema = \SophMate\SafeMode\Plugin::services()->schema;
    $wpdb->query("DELETE FROM {$schema->run_events_table()}");
    $wpdb->query("DELETE FROM {$schema->runs_table()}");
    $total = 0;
} else {
    $total = sophmate_bench_seed_runs($rows_wanted);
}
echo wp_json_encode(['benchmark' => 'seed-runs', 'results' => ['rows' => $total]]);
