<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cli;

/** wp sophmate status */
final class StatusCommand extends CommandSupport
{
    /**
     * Shows safe mode and the state of every category and automation (the same data as GET /status).
     *
     * ## OPTIONS
     *
     * [--format=<format>]
     * : table (categories and automations), json or yaml (the whole status), csv (categories).
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
     *     wp sophmate status
     *     wp sophmate status --format=json | jq '.categories[] | select(.paused)'
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function __invoke(array $args, array $assoc_args): void
    {
        $status = $this->services->status->build();
        $format = (string) ($assoc_args['format'] ?? 'table');
        if ($format === 'json' || $format === 'yaml') {
            \WP_CLI::print_value($status, ['format' => $format]);
            return;
        }
        $safe = $status['safe_mode'];
        if ($status['emergency']['active'] && $status['emergency']['via'] === 'network') {
            \WP_CLI::warning(sprintf('NETWORK safe mode (%s) is in force on every site of the network: %s', $status['emergency']['mode'], (string) ($status['network_safe_mode']['reason'] ?? '')));
        } elseif ($status['emergency']['active']) {
            \WP_CLI::warning(sprintf('Safe mode is FORCED (%s) by the %s.', $status['emergency']['mode'], $status['emergency']['via'] === 'file' ? 'flag file ' . $status['emergency']['flag_file'] : 'SOPHMATE_SAFE_MODE constant'));
        }
        if ($status['state_error'] !== null) {
            \WP_CLI::warning('Switch state is unreadable; all automation is held: ' . $status['state_error']);
        }
        if ($format === 'table') {
            \WP_CLI::line(sprintf('Safe mode: %s%s', $safe['mode'], $safe['mode'] === 'off' ? '' : sprintf(' since %s by %s: %s', $safe['since'], self::who($safe['actor']), $safe['reason'])));
        }
        $categories = array_map(static fn (array $c): array => [
            'category' => $c['slug'],
            'state' => $c['state'],
            'effective' => $c['effective'],
            'owner' => self::who($c['owner']),
            'since' => $c['switch']['since'] ?? '',
            'by' => isset($c['switch']) ? self::who($c['switch']['actor']) : '',
            'reason' => $c['switch']['reason'] ?? '',
        ], $status['categories']);
        $this->output($assoc_args, $categories, ['category', 'state', 'effective', 'owner', 'since', 'by', 'reason']);
        if ($format === 'table' && $status['automations'] !== []) {
            $automations = array_map(static fn (array $a): array => [
                'automation' => $a['id'],
                'category' => $a['category'],
                'kind' => $a['kind'],
                'mode' => $a['mode'],
                'state' => $a['state'],
                'effective' => $a['effective'],
                'decided_by' => $a['decided_by'],
            ], $status['automations']);
            $this->output($assoc_args, $automations, ['automation', 'category', 'kind', 'mode', 'state', 'effective', 'decided_by']);
        }
    }
}
