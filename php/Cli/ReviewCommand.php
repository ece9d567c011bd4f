<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cli;

use SophMate\SafeMode\Domain\Scope;

/** wp sophmate review */
final class ReviewCommand extends CommandSupport
{
    /**
     * Prints the restart review of a paused scope: the six checks and what needs attention,
     * then (with --format=json) the whole evidence bundle, the same as GET …/review.
     *
     * ## OPTIONS
     *
     * <scope>
     * : global, category:SLUG or automation:ID
     *
     * [--format=<format>]
     * : table (the checks, then failed steps and affected records), json or yaml (the whole bundle)
     * ---
     * default: table
     * options:
     *   - table
     *   - json
     *   - yaml
     * ---
     *
     * ## EXAMPLES
     *
     *     wp sophmate review category:marketing
     *     wp sophmate review automation:nightly-digest --format=json
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function __invoke(array $args, array $assoc_args): void
    {
        $this->guarded(function () use ($args, $assoc_args): void {
            $scope = Scope::parse((string) ($args[0] ?? ''));
            $bundle = $this->services->evidence->collect($scope)->to_array();
            $format = (string) ($assoc_args['format'] ?? 'table');
            if ($format === 'json') {
                \WP_CLI::line((string) wp_json_encode($bundle, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE));
                return;
            }
            if ($format === 'yaml') {
                \WP_CLI\Utils\format_items('yaml', [$bundle], array_keys($bundle));
                return;
            }
            \WP_CLI::line(sprintf('Review of %s (%s since %s), snapshot %s', $bundle['scope'], $bundle['state'], $bundle['since'] ?? '-', substr($bundle['snapshot']['hash'], 0, 12)));
            $checks = array_map(static fn (array $c): array => ['check' => $c['id'], 'ok' => $c['ok'] ? 'ok' : 'ATTENTION', 'detail' => $c['detail']], $bundle['checks']);
            \WP_CLI\Utils\format_items('table', $checks, ['check', 'ok', 'detail']);
            if ($bundle['failed_steps'] !== []) {
                \WP_CLI::line('Failed steps:');
                \WP_CLI\Utils\format_items('table', $bundle['failed_steps'], ['run_id', 'automation', 'step', 'error', 'at']);
            }
            if ($bundle['affected_records'] !== []) {
                \WP_CLI::line('Affected records:');
                \WP_CLI\Utils\format_items('table', $bundle['affected_records'], ['run_id', 'type', 'id', 'action', 'at']);
            }
            $open = array_filter($bundle['checks'], static fn (array $c): bool => !$c['ok']);
            \WP_CLI::line($open === []
                ? 'Nothing needs attention. Restart with: wp sophmate restart ' . $bundle['scope'] . ' --ack=all-reviewed --max-runs=3 --note="…"'
                : sprintf('%d item(s) need attention before a restart.', count($open)));
        });
    }
}
