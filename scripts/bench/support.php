<?php

/** Timing helpers shared by the PHP benchmarks. */

declare(strict_types=1);

/**
 * Times $fn $iterations times after one warm-up call.
 *
 * @return array{iterations:int,median_us:float,p95_us:float,mean_us:float}
 */
function sophmate_bench_time(callable $fn, int $iterations): array
{
    $fn();
    $samples = [];
    for ($i = 0; $i < $iterations; $i++) {
        $start = hrtime(true);
        $fn();
        $samples[] = (hrtime(true) - $start) / 1000;
    }
    sort($samples);
    return [
        'iterations' => $iterations,
        'median_us' => round($samples[intdiv(count($samples), 2)], 3),
        'p95_us' => round($samples[(int) floor(count($samples) * 0.95)], 3),
        'mean_us' => round(array_sum($samples) / count($samples), 3),
    ];
}

function sophmate_bench_reset(): void
{
    require_once dirname(__DIR__, 2) . '/tests/php/fixtures/reset-plugin-state.php';
    sophmate_tests_reset_plugin_state();
}

/**
 * Fills the runs table with $rows_wanted finished runs (any earlier rows and run events are
 * deleted): 1,000 rows over 200 automations, 7 categories and 8 statuses, then doubled in SQL
 * until there are enough, each copy shifted back in time so the history stays ordered.
 *
 * @return int rows in the table afterwards
 */
function sophmate_bench_seed_runs(int $rows_wanted): int
{
    global $wpdb;
    $schema = \SophMate\SafeMode\Plugin::services()->schema;
    $table = $schema->runs_table();
    $statuses = ['succeeded', 'failed', 'skipped', 'held', 'cancelled', 'awaiting_approval', 'succeeded', 'succeeded'];
    $categories = ['commerce', 'content', 'support', 'marketing', 'system', 'image', 'agent'];
    $wpdb->query("DELETE FROM {$schema->run_events_table()}");
    $wpdb->query("DELETE FROM {$table}");
    $values = [];
    for ($i = 0; $i < 1000; $i++) {
        $values[] = $wpdb->prepare('(%s,%s,%s,%s,%s,%s,0,1,%s,%s)', 'bench-' . ($i % 200), $categories[$i % 7], 'cron', $statuses[$i % 8], gmdate('Y-m-d H:i:s', time() - $i * 37), gmdate('Y-m-d H:i:s', time() - $i * 37 + 2), '', '');
    }
    $wpdb->query("INSERT INTO {$table} (automation, category, run_trigger, status, started_at, finished_at, read_only, attempt, decision_scope, reason) VALUES " . implode(',', $values));
    while ((int) $wpdb->get_var("SELECT COUNT(*) FROM {$table}") < $rows_wanted) {
        $have = (int) $wpdb->get_var("SELECT COUNT(*) FROM {$table}");
        $take = min($have, $rows_wanted - $have);
        $wpdb->query("INSERT INTO {$table} (automation, category, run_trigger, status, started_at, finished_at, read_only, attempt, decision_scope, reason)
            SELECT automation, category, run_trigger, status, DATE_SUB(started_at, INTERVAL {$have} SECOND), finished_at, read_only, attempt, decision_scope, reason FROM {$table} ORDER BY id LIMIT {$take}");
    }
    $wpdb->query("ANALYZE TABLE {$table}");
    return (int) $wpdb->get_var("SELECT COUNT(*) FROM {$table}");
}
