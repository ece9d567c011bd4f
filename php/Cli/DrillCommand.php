<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cli;

use SophMate\SafeMode\Drills\DrillRunner;
use SophMate\SafeMode\Services;
use SophMate\SafeMode\Storage\TableDrillLog;

/** wp sophmate drill */
final class DrillCommand extends CommandSupport
{
    public function __construct(Services $services, private readonly DrillRunner $runner)
    {
        parent::__construct($services);
    }

    /**
     * Runs a pause drill of a category: pauses it for a moment, checks that each bound cron hook,
     * route and provider is held (with probes, never the real work), restores the prior state and
     * prints the report. Exits non-zero when the drill fails. `wp sophmate drill list` lists past drills.
     *
     * ## OPTIONS
     *
     * <category>
     * : Slug of the category to drill, or "list" to list past drills.
     *
     * [--category=<slug>]
     * : With "list": only drills of this category.
     *
     * [--limit=<n>]
     * : With "list": how many (default 20, at most 200).
     *
     * [--format=<format>]
     * : table (a summary and the bindings), json or yaml (the whole report).
     * ---
     * default: table
     * options:
     *   - table
     *   - json
     *   - yaml
     *   - csv
     * ---
     *
     * ## EXAMPLES
     *
     *     wp sophmate drill marketing
     *     wp sophmate drill marketing --format=json
     *     wp sophmate drill list --category=marketing
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function __invoke(array $args, array $assoc_args): void
    {
        $target = (string) ($args[0] ?? '');
        if ($target === 'list' && !$this->services->catalog->has_category('list')) {
            $this->list_drills($assoc_args);
            return;
        }
        $format = (string) ($assoc_args['format'] ?? 'table');
        if (!in_array($format, ['table', 'json', 'yaml'], true)) {
            \WP_CLI::error(sprintf('Unknown --format "%s"; use table, json or yaml.', $format));
            return;
        }
        $report = null;
        $this->guarded(function () use ($target, $format, &$report): void {
            $report = $this->runner->run($target, $this->actor());
            $this->print_report($report, $format);
        });
        if (is_array($report) && $report['outcome'] !== 'passed') {
            \WP_CLI::error(sprintf('Pause drill #%d of %s failed: %s', $report['id'], $report['category'], (string) $report['failure_reason']));
            return;
        }
        if (is_array($report) && $format === 'table') {
            \WP_CLI::success(sprintf('Pause drill #%d of %s passed; the category is %s again.', $report['id'], $report['category'], (string) $report['restored_state']));
        }
    }

    /** @param array<string,mixed> $report */
    private function print_report(array $report, string $format): void
    {
        if ($format === 'json') {
            \WP_CLI::line((string) wp_json_encode($report, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE));
            return;
        }
        if ($format === 'yaml') {
            \WP_CLI\Utils\format_items('yaml', [$report], array_keys($report));
            return;
        }
        \WP_CLI::line(sprintf(
            'Pause drill #%d of %s (%s): %s. State before: %s, after: %s.',
            $report['id'],
            $report['category'],
            $report['environment'],
            strtoupper((string) $report['outcome']),
            (string) $report['prior_state'],
            (string) $report['restored_state']
        ));
        $rows = array_map(static fn (array $b): array => [
            'automation' => $b['automation'],
            'type' => $b['type'],
            'target' => $b['target'],
            'result' => $b['passed'] === null ? 'not exercised' : ($b['passed'] ? 'held' : 'GOT THROUGH'),
            'detail' => $b['detail'],
        ], $report['bindings']);
        \WP_CLI\Utils\format_items('table', $rows, ['automation', 'type', 'target', 'result', 'detail']);
        foreach (['paused_immediately' => 'Paused immediately', 'would_finish' => 'Would finish', 'needs_cleanup' => 'Needs manual cleanup'] as $key => $title) {
            if ($report[$key] !== []) {
                \WP_CLI::line($title . ':');
                foreach ($report[$key] as $item) {
                    \WP_CLI::line('  - ' . $item);
                }
            }
        }
        \WP_CLI::line('Who restarts: ' . (string) $report['restart']['detail']);
    }

    /** @param array<string,mixed> $assoc_args */
    private function list_drills(array $assoc_args): void
    {
        $this->guarded(function () use ($assoc_args): void {
            $category = isset($assoc_args['category']) ? (string) $assoc_args['category'] : null;
            $limit = max(1, min(200, (int) ($assoc_args['limit'] ?? 20)));
            $found = $this->services->drills->find($category, 1, $limit);
            $rows = array_map(static function (array $row): array {
                $report = TableDrillLog::public_report($row);
                return [
                    'id' => $report['id'],
                    'category' => $report['category'],
                    'outcome' => $report['outcome'],
                    'environment' => $report['environment'],
                    'started_at' => $report['started_at'],
                    'finished_at' => $report['finished_at'],
                    'actor' => self::who($report['actor']),
                    'failure_reason' => $report['failure_reason'],
                ];
            }, $found['items']);
            $this->output($assoc_args, $rows, ['id', 'category', 'outcome', 'environment', 'started_at', 'finished_at', 'actor', 'failure_reason']);
        });
    }
}
