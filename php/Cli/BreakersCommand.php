<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cli;

use SophMate\SafeMode\Breakers\BreakerSimulation;
use SophMate\SafeMode\Breakers\BreakerState;
use SophMate\SafeMode\Services;

/**
 * Shows breaker settings next to their current values, and dry-runs them over run history.
 */
final class BreakersCommand extends CommandSupport
{
    public function __construct(Services $services, private readonly BreakerState $state, private readonly BreakerSimulation $simulation)
    {
        parent::__construct($services);
    }

    /**
     * Lists each breaker of one category (or of every category): whether it is on, its current
     * value and its threshold, and the category's last trip.
     *
     * ## OPTIONS
     *
     * [<category>]
     * : Slug of a category; every category when omitted.
     *
     * [--format=<format>]
     * : Output format.
     * ---
     * default: table
     * options:
     *   - table
     *   - json
     *   - csv
     *   - yaml
     * ---
     *
     * ## EXAMPLES
     *
     *     wp sophmate breakers list
     *     wp sophmate breakers list commerce --format=json
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function list(array $args, array $assoc_args): void
    {
        $this->guarded(function () use ($args, $assoc_args): void {
            $categories = isset($args[0]) ? [$this->services->catalog->category((string) $args[0])] : array_values($this->services->catalog->categories());
            $rows = [];
            foreach ($categories as $category) {
                $state = $this->state->of($category);
                $failures = $state['failures'];
                $threshold = $failures['threshold'];
                $rows[] = self::row($category->slug, 'failures', $failures['enabled'], sprintf(
                    '%d in a row; %s over %d runs',
                    $failures['consecutive'],
                    $failures['rate_percent'] === null ? 'no rate yet' : $failures['rate_percent'] . '%',
                    $failures['recent_runs']
                ), sprintf(
                    'consecutive %s; rate %s over %d runs (min %d)',
                    $threshold['consecutive'] ?? 'off',
                    $threshold['rate_percent'] === null ? 'off' : $threshold['rate_percent'] . '%',
                    $threshold['window_runs'],
                    $threshold['min_runs']
                ), $state['last_trip']);
                foreach ($state['spend'] as $spend) {
                    $rows[] = self::row($category->slug, 'spend:' . $spend['unit'], $state['spend_enabled'] && ($spend['per_hour'] !== null || $spend['per_day'] !== null), sprintf('%s last hour; %s last day', $spend['last_hour'], $spend['last_day']), sprintf('%s per hour; %s per day', $spend['per_hour'] ?? '-', $spend['per_day'] ?? '-'), $state['last_trip']);
                }
                $impact = $state['customer_impact'];
                $rows[] = self::row($category->slug, 'customer_impact', $impact['enabled'], sprintf('%d in %d min', $impact['count'], $impact['window_minutes']), sprintf('more than %d', $impact['max_actions']), $state['last_trip']);
                foreach ($state['stale_context'] as $stale) {
                    $rows[] = self::row($category->slug, 'stale_context:' . $stale['automation'], $stale['enabled'], $stale['age_minutes'] === null ? 'unknown (' . $stale['source'] . ')' : $stale['age_minutes'] . ' min (' . $stale['source'] . ')', $stale['max_age_minutes'] . ' min', $state['last_trip']);
                }
                $config = $state['config'];
                $rows[] = self::row($category->slug, 'updates', (bool) $config['updates']['enabled'], '', 'any plugin, theme or core update', $state['last_trip']);
                $rows[] = self::row($category->slug, 'provider_outage', (bool) $config['provider_outage']['enabled'], '', 'a provider in outage', $state['last_trip']);
            }
            $this->output($assoc_args, $rows, ['category', 'breaker', 'enabled', 'value', 'threshold', 'last_trip']);
        });
    }

    /**
     * Replays stored history (runs, spend, customer-facing actions, provider outages and
     * configuration changes, updates) with the category's breaker settings (or the ones given
     * with --breakers) and lists when each breaker would have tripped. Stale context has no
     * history: each freshness source is checked as it reads now, listed with `at` = "now".
     * Changes nothing.
     *
     * ## OPTIONS
     *
     * <category>
     * : Slug of the category.
     *
     * [--breakers=<json>]
     * : Draft settings as JSON, the shape of category.breakers; the current ones when omitted.
     *
     * [--since=<time>]
     * : Replay history since this time (default 7 days ago, at most 90).
     *
     * [--format=<format>]
     * : Output format.
     * ---
     * default: table
     * options:
     *   - table
     *   - json
     *   - csv
     *   - yaml
     * ---
     *
     * ## EXAMPLES
     *
     *     wp sophmate breakers simulate commerce
     *     wp sophmate breakers simulate commerce --breakers='{"failures":{"consecutive":3}}' --since=2026-01-01
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function simulate(array $args, array $assoc_args): void
    {
        $this->guarded(function () use ($args, $assoc_args): void {
            $category = $this->services->catalog->category((string) ($args[0] ?? ''));
            $breakers = null;
            if (isset($assoc_args['breakers'])) {
                $breakers = json_decode((string) $assoc_args['breakers'], true);
                if (!is_array($breakers)) {
                    \WP_CLI::error('--breakers must be a JSON object such as {"failures":{"consecutive":3}}.');
                    return;
                }
            }
            $since = null;
            if (isset($assoc_args['since'])) {
                try {
                    $since = new \DateTimeImmutable((string) $assoc_args['since'], new \DateTimeZone('UTC'));
                } catch (\Exception) {
                    \WP_CLI::error('--since must be a time such as 2026-01-31 or 2026-01-31T12:00:00Z.');
                    return;
                }
            }
            $result = $this->simulation->simulate($category, $breakers, $since);
            $format = (string) ($assoc_args['format'] ?? 'table');
            if ($format === 'json') {
                \WP_CLI::line((string) wp_json_encode($result, JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE));
                return;
            }
            $this->output($assoc_args, array_map(static fn (array $t): array => ['at' => $t['now'] ? 'now' : $t['at'], 'scope' => $t['scope'], 'signal' => $t['signal'], 'reason' => $t['reason']], $result['trips']), ['at', 'scope', 'signal', 'reason']);
            if ($format === 'table') {
                \WP_CLI::log(sprintf('%d run(s) since %s considered%s; %d would-be trip(s).', $result['runs_considered'], $result['since'], $result['truncated'] ? ' (history cut at the first 50000)' : '', count($result['trips'])));
            }
        });
    }

    /**
     * @param array<string,mixed>|null $last_trip
     * @return array<string,mixed>
     */
    private static function row(string $category, string $breaker, bool $enabled, string $value, string $threshold, ?array $last_trip): array
    {
        return [
            'category' => $category,
            'breaker' => $breaker,
            'enabled' => $enabled ? 'yes' : 'no',
            'value' => $value,
            'threshold' => $threshold,
            'last_trip' => $last_trip === null ? '' : $last_trip['at'] . ' ' . $last_trip['reason'],
        ];
    }
}
