<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Decision;

/**
 * What a trial has done so far, read from run history. Asked only for scopes in trial,
 * so a site where nothing is in trial never pays for it.
 */
interface TrialUsage
{
    /** Runs that actually started (not skipped, held or cancelled) in this scope since the trial began. */
    public function runs_since(string $scope, \DateTimeImmutable $since): int;

    /** @return array{succeeded:int,failed:int} finished trial runs by outcome */
    public function outcomes_since(string $scope, \DateTimeImmutable $since): array;
}
