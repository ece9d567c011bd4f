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
