<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cli;

use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\Source;

/** wp sophmate pause */
final class PauseCommand extends CommandSupport
{
    /**
     * Pauses a scope: everything (safe mode), a category, or one automation.
     *
     * ## OPTIONS
     *
     * <scope>
     * : global, category:SLUG or automation:ID
     *
     * --reason=<text>
     * : Why (1-500 characters). Recorded with your user (--user) or "cli".
     *
     * [--incident-url=<url>]
     * : Link to the incident, ticket or chat thread.
     *
     * ## EXAMPLES
     *
     *     wp sophmate pause category:marketing --reason="Newsletter sent twice" --user=admin
     *     wp sophmate pause global --reason="Payment provider outage"
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function __invoke(array $args, array $assoc_args): void
    {
        $this->guarded(function () use ($args, $assoc_args): void {
            $scope = Scope::parse((string) ($args[0] ?? ''));
            $result = $this->services->switches->pause(
                $scope,
                (string) ($assoc_args['reason'] ?? ''),
                $this->actor(),
                Source::Cli,
                isset($assoc_args['incident-url']) ? (string) $assoc_args['incident-url'] : null
            );
            if ($result->changed) {
                \WP_CLI::success(sprintf('%s paused (was %s).', $scope->to_string(), $result->before));
            } else {
                \WP_CLI::success(sprintf('%s was already paused; nothing changed.', $scope->to_string()));
            }
        });
    }
}
