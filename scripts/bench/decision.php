<?php

/**
 * Benchmark: one automation's decision with 200 automations registered, through the public API
 * (sophmate_safe_mode_decide) and through the pure engine. Prints JSON.
 * Run inside a site: php scripts/wp/eval-file.php <wp_path> scripts/bench/decision.php
 */

declare(strict_types=1);

use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Decision\DecisionEngine;
use SophMate\SafeMode\Domain\Decision\EmergencyState;
use SophMate\SafeMode\Plugin;

require_once __DIR__ . '/support.php';

$kinds = ['workflow', 'watcher', 'agent', 'playbook', 'custom_tool'];
$categories = ['commerce', 'content', 'support', 'marketing', 'system', 'image', 'agent'];
for ($i = 0; $i < 200; $i++) {
    sophmate_safe_mode_register_automation('bench-' . $i, ['label' => 'Bench ' . $i, 'kind' => $kinds[$i % 5], 'category' => $categories[$i % 7], 'owner' => 1, 'cron_hooks' => ['bench_hook_' . $i]]);
}

$results = [];
foreach (['nothing paused' => null, 'its category paused' => 'category:commerce'] as $label => $pause) {
    if ($pause !== null) {
        sophmate_safe_mode_pause($pause, 'benchmark');
        Plugin::services()->switch_store->forget();
    }
    $results[] = ['name' => "sophmate_safe_mode_decide(), 200 registered, $label"] + sophmate_bench_time(static fn () => sophmate_safe_mode_decide('bench-7'), 20000);
}

$services = Plugin::services();
$engine = new DecisionEngine($services->runs);
$automation = $services->catalog->automation('bench-7');
$board = $services->switch_store->load();
$results[] = ['name' => 'DecisionEngine::decide() alone, category paused'] + sophmate_bench_time(static fn () => $engine->decide($automation, $board, new EmergencyState()), 20000);

echo wp_json_encode(['benchmark' => 'decision', 'results' => $results]);
