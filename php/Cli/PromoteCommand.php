<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cli;

use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\Source;

/** wp sophmate promote */
final class PromoteCommand extends CommandSupport
{
    /**
     * Returns a scope in trial to running, once its trial has a successful run and no failure.
     *
     * ## OPTIONS
     *
     * <scope>
     * : category:SLUG or automation:ID
     *
     * [--note=<text>]
     * : Why it is ready.
     *
     * ## EXAMPLES
     *
     *     wp sophmate promote category:marketing
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function __invoke(array $args, array $assoc_args): void
    {
        $this->guarded(function () use ($args, $assoc_args): void {
            $scope = Scope::parse((string) ($args[0] ?? ''));
            $this->services->switches->promote($scope, $this->actor(), Source::Cli, (string) ($assoc_args['note'] ?? ''));
            \WP_CLI::success(sprintf('%s is running again on its normal schedules.', $scope->to_string()));
        });
    }
}
