<?php

/**
 * Benchmark: what breaker evaluation adds to finishing a run, with 1,000,000 runs in history.
 * The failures breaker is evaluated on every finish (one upsert of the scope's counter row, plus
 * one read of it after a failure); spend on every spend record. History size must not matter:
 * nothing reads the runs table. Argument: number of history rows (default 1000000).
 */

declare(strict_types=1);

use SophMate\SafeMode\Breakers\BreakerEngine;
use SophMate\SafeMode\Breakers\BreakerStore;
use SophMate\SafeMode\Plugin;

require_once __DIR__ . '/support.php';

global $wpdb;
sophmate_bench_reset();
$services = Plugin::services();
$rows_wanted = (int) ($args[0] ?? 1000000);
$total = sophmate_bench_seed_runs($rows_wanted);
sophmate_safe_mode_register_automation('bench-breaker', ['label' => 'Breaker bench', 'kind' => 'workflow', 'category' => 'marketing', 'owner' => 1]);

$set = static function (array $breakers) use ($services): void {
    $category = $services->catalog->category('marketing');
    [$changed] = \SophMate\SafeMode\Domain\Config\CategoryChanges::apply($category, ['breakers' => $breakers], static fn (): bool => true);
    $services->categories->save($changed);
    $services->categories->forget();
    $services->catalog->forget_categories();
};
// Evaluated on every finish but never tripping: failures alternate (50 % < 90 %), no streak of 5.
$on = ['failures' => ['enabled' => true, 'consecutive' => 5, 'rate_percent' => 90, 'window_runs' => 20, 'min_runs' => 10], 'spend' => ['enabled' => true, 'budgets' => [['unit' => 'usd', 'per_hour' => 1e9, 'per_day' => 1e9]]]];
$off = ['failures' => ['enabled' => false], 'spend' => ['enabled' => false]];

$i = 0;
$finish = static function () use (&$i): void {
    $run = sophmate_safe_mode_start_run('bench-breaker', ['trigger' => 'bench']);
    $run->step('work');
    $i++ % 2 === 0 ? $run->fail('bench failure') : $run->succeed();
};
// Off and on in alternating blocks, so drift in the machine's load falls on both alike.
$iterations = 2000;
$samples = ['off' => [], 'on' => []];
for ($round = 0; $round < 10; $round++) {
    foreach (['off' => $off, 'on' => $on] as $mode => $breakers) {
        $set($breakers);
        $finish();
        for ($k = 0; $k < $iterations / 10; $k++) {
            $t = hrtime(true);
            $finish();
            $samples[$mode][] = (hrtime(true) - $t) / 1000;
        }
    }
}
$median = static function (array $values): float {
    sort($values);
    return $values[intdiv(count($values), 2)];
};
$with = ['median_us' => $median($samples['on'])];
$without = ['median_us' => $median($samples['off'])];

// The evaluation alone, as the run_finished action calls it (same classes, same database).
$set($on);
$engine = new BreakerEngine($services->catalog, new BreakerStore($wpdb, $services->schema), $services->switches, $services->clock);
$j = 0;
$failed = sophmate_bench_time(static function () use ($engine, &$j): void {
    $engine->run_finished(1, $j++ % 2 === 0 ? 'failed' : 'succeeded', 'bench-breaker');
}, $iterations);
$spend = sophmate_bench_time(static function () use ($engine): void {
    $engine->spend_recorded(1, 'bench-breaker', 0.01, 'usd');
}, $iterations);
$paused = $services->switch_store->load_fresh()->state_of(\SophMate\SafeMode\Domain\Scope::category('marketing'))->value;
if ($paused !== 'running') {
    throw new RuntimeException('the benchmark tripped the breaker; its settings must never trip');
}
$baseline = $without['median_us'];
$results = [
    [
        'name' => sprintf('breaker evaluation added to finishing a run (start + step + finish, half failed) at %s runs in history', number_format($total)),
        'added_ms' => round(($with['median_us'] - $baseline) / 1000, 3),
        'with_median_ms' => round($with['median_us'] / 1000, 3),
        'without_median_ms' => round($baseline / 1000, 3),
        'rows' => $total,
        'iterations' => $iterations,
    ],
    ['name' => 'failures breaker evaluation alone (run_finished handler, half failed; one statement)', 'median_ms' => round($failed['median_us'] / 1000, 3), 'p95_ms' => round($failed['p95_us'] / 1000, 3)],
    ['name' => 'spend breaker evaluation alone (spend_recorded handler, hour + day windows)', 'median_ms' => round($spend['median_us'] / 1000, 3), 'p95_ms' => round($spend['p95_us'] / 1000, 3)],
];
$wpdb->query("DELETE FROM {$services->schema->runs_table()}");
$wpdb->query("DELETE FROM {$services->schema->run_events_table()}");
echo wp_json_encode(['benchmark' => 'breakers', 'results' => $results]);
