<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit\Support;

use SophMate\SafeMode\Domain\Decision\TrialUsage;

final class FakeTrialUsage implements TrialUsage
{
    public int $runs = 0;
    public int $succeeded = 0;
    public int $failed = 0;

    public function runs_since(string $scope, \DateTimeImmutable $since): int
    {
        return $this->runs;
    }

    public function outcomes_since(string $scope, \DateTimeImmutable $since): array
    {
        return ['succeeded' => $this->succeeded, 'failed' => $this->failed];
    }
}
