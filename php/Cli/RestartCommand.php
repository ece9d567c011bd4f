<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cli;

use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\Source;

/** wp sophmate restart */
final class RestartCommand extends CommandSupport
{
    /**
     * Restarts a paused scope into a narrow trial, after review. Same rules as the REST API.
     *
     * ## OPTIONS
     *
     * <scope>
     * : category:SLUG or automation:ID (global: use "wp sophmate safe-mode off")
     *
     * --ack=<list>
     * : The six review items, comma-separated (run_history,failed_steps,audit_records,
     * pending_approvals,provider_status,affected_records), or all-reviewed.
     *
     * [--automations=<ids>]
     * : Comma-separated automation ids allowed to run during the trial (default: all in scope).
     *
     * [--max-runs=<n>]
     * : At most this many trial runs.
     *
     * [--read-only]
     * : Trial runs may not write.
     *
     * [--note=<text>]
     * : What was reviewed and why it is safe.
     *
     * [--override-reason=<text>]
     * : Restart although a provider the scope depends on is in outage, and why.
     *
     * ## EXAMPLES
     *
     *     wp sophmate restart category:marketing --ack=all-reviewed --max-runs=3 --read-only --note="Dedup fixed"
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function __invoke(array $args, array $assoc_args): void
    {
        $this->guarded(function () use ($args, $assoc_args): void {
            $scope = Scope::parse((string) ($args[0] ?? ''));
            $trial = [];
            if (isset($assoc_args['automations'])) {
                $trial['automations'] = array_values(array_filter(array_map('trim', explode(',', (string) $assoc_args['automations']))));
            }
            if (isset($assoc_args['max-runs'])) {
                $max = filter_var($assoc_args['max-runs'], FILTER_VALIDATE_INT);
                if ($max === false) {
                    \WP_CLI::error('--max-runs must be a whole number.');
                    return;
                }
                $trial['max_runs'] = $max;
            }
            if (isset($assoc_args['read-only'])) {
                $trial['read_only'] = (bool) $assoc_args['read-only'];
            }
            $result = $this->services->switches->restart($scope, SafeModeCommand::acks($assoc_args), (string) ($assoc_args['note'] ?? ''), $trial, $this->actor(), Source::Cli, $this->services->restart_review($scope, $assoc_args['override-reason'] ?? null, null));
            \WP_CLI::success(sprintf('%s is now %s. Promote it with "wp sophmate promote %s" after a clean trial run.', $scope->to_string(), $result->after, $scope->to_string()));
        });
    }
}
