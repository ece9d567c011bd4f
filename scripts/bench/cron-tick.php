<?php

/**
 * Benchmark: what the cron gate adds to a WP-Cron tick with 1,000 due events, 100 of them bound
 * to automations, nothing paused. The tick's filter calls (pre_reschedule_event and
 * pre_unschedule_event for every event, as wp-cron.php makes them) are timed with the gate's
 * filter in place and with it removed; the difference is the gate's cost.
 */

declare(strict_types=1);

use SophMate\SafeMode\Plugin;

require_once __DIR__ . '/support.php';

for ($i = 0; $i < 100; $i++) {
    sophmate_safe_mode_register_automation('tick-' . $i, ['label' => 'Tick ' . $i, 'kind' => 'workflow', 'category' => 'system', 'owner' => 1, 'cron_hooks' => ['tick_bound_' . $i]]);
}
$now = time();
$events = [];
for ($i = 0; $i < 1000; $i++) {
    $hook = $i < 100 ? 'tick_bound_' . $i : 'tick_other_' . $i;
    $events[] = (object) ['hook' => $hook, 'timestamp' => $now - 60, 'schedule' => 'hourly', 'args' => [], 'interval' => 3600];
}
add_filter('wp_doing_cron', '__return_true');
$tick = static function () use ($events): void {
    foreach ($events as $event) {
        apply_filters('pre_reschedule_event', null, $event);
        apply_filters('pre_unschedule_event', null, $event->timestamp, $event->hook, $event->args);
    }
};
$cron_gate = Plugin::services()->cron_gate;
$disarm = static function () use ($cron_gate): void {
    // wp-cron.php would now call each hook, consuming what the gate armed; forget it instead, so
    // ticks do not pile up (run recording is measured in the runs benchmark, not here).
    (fn () => $this->armed = [])->call($cron_gate);
};
$with = sophmate_bench_time(static function () use ($tick, $disarm): void {
    $tick();
    $disarm();
}, 200);
$gate = Plugin::services()->cron_gate;
remove_filter('pre_unschedule_event', [$gate, 'before_unschedule'], 10);
$without = sophmate_bench_time($tick, 200);

echo wp_json_encode(['benchmark' => 'cron-tick', 'results' => [
    ['name' => 'tick filters, 1,000 due events (100 bound), with the gate'] + $with,
    ['name' => 'tick filters, same events, gate removed'] + $without,
    ['name' => 'added by the gate per tick', 'median_us' => round($with['median_us'] - $without['median_us'], 3)],
]]);
