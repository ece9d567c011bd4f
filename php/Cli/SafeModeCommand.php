<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cli;

use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\Acknowledgements;
use SophMate\SafeMode\Domain\Switches\SafeModeMode;
use SophMate\SafeMode\Domain\Switches\Source;
use SophMate\SafeMode\Multisite\NetworkSafeMode;

/** wp sophmate safe-mode */
final class SafeModeCommand extends CommandSupport
{
    /**
     * Turns global safe mode on (everything paused), read-only, or off.
     *
     * ## OPTIONS
     *
     * <mode>
     * : on, read-only or off
     * ---
     * options:
     *   - on
     *   - read-only
     *   - off
     * ---
     *
     * [--reason=<text>]
     * : Required to turn it on or read-only.
     *
     * [--ack=<list>]
     * : To turn it off: the six review items, comma-separated (run_history,failed_steps,
     * audit_records,pending_approvals,provider_status,affected_records), or all-reviewed.
     *
     * [--note=<text>]
     * : What was reviewed, when turning it off.
     *
     * [--override-reason=<text>]
     * : Turn it off although a provider is in outage, and why.
     *
     * [--network]
     * : Multisite: network safe mode, which forces safe mode on every site of the network (run it
     * on the main site, as a network administrator). Each site's own switches are left as they are.
     *
     * ## EXAMPLES
     *
     *     wp sophmate safe-mode on --reason="Unexpected AI spend"
     *     wp sophmate safe-mode off --ack=all-reviewed --note="Spend cap in place"
     *     wp sophmate safe-mode on --network --reason="Provider key leaked"
     *     wp sophmate safe-mode off --network --ack=all-reviewed --note="Key rotated on every site"
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function __invoke(array $args, array $assoc_args): void
    {
        $this->guarded(function () use ($args, $assoc_args): void {
            $mode = match ((string) ($args[0] ?? '')) {
                'on', 'paused' => SafeModeMode::Paused,
                'read-only', 'read_only' => SafeModeMode::ReadOnly,
                'off' => SafeModeMode::Off,
                default => null,
            };
            if ($mode === null) {
                \WP_CLI::error('Say on, read-only or off.');
                return;
            }
            $text = $mode === SafeModeMode::Off ? (string) ($assoc_args['note'] ?? '') : (string) ($assoc_args['reason'] ?? '');
            if (!empty($assoc_args['network'])) {
                $this->network($mode, $text, self::acks($assoc_args));
                return;
            }
            $review = $mode === SafeModeMode::Off ? $this->services->restart_review(Scope::global(), $assoc_args['override-reason'] ?? null, null) : null;
            $result = $this->services->switches->set_safe_mode($mode, $text, self::acks($assoc_args), $this->actor(), Source::Cli, null, $review);
            \WP_CLI::success($result->changed ? sprintf('Safe mode is now %s (was %s).', $result->after, $result->before) : sprintf('Safe mode was already %s; nothing changed.', $result->after));
        });
    }

    /** @param list<string> $acks */
    private function network(SafeModeMode $mode, string $text, array $acks): void
    {
        if (!is_multisite()) {
            \WP_CLI::error('--network needs a multisite network; on a single site leave it out.');
            return;
        }
        if (!is_main_site()) {
            \WP_CLI::error('Network safe mode is managed on the main site: run this without --url, or with the main site\'s URL.');
            return;
        }
        $result = NetworkSafeMode::from($this->services)->set($mode, $text, $acks, $this->actor(), Source::Cli);
        if (!$result['changed']) {
            \WP_CLI::success(sprintf('Network safe mode was already %s; nothing changed.', $result['after']));
            return;
        }
        foreach ($result['audit_errors'] as $error) {
            \WP_CLI::warning('Not audited on ' . $error);
        }
        \WP_CLI::success(sprintf('Network safe mode is now %s (was %s) on every site; audited on %d site(s).', $result['after'], $result['before'], $result['audited_sites']));
    }

    /**
     * @param array<string,mixed> $assoc_args
     * @return list<string>
     */
    public static function acks(array $assoc_args): array
    {
        $ack = trim((string) ($assoc_args['ack'] ?? ''));
        if ($ack === 'all-reviewed') {
            return Acknowledgements::REQUIRED;
        }
        return array_values(array_filter(array_map('trim', explode(',', $ack)), static fn (string $s): bool => $s !== ''));
    }
}
