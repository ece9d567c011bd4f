<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Breakers;

/**
 * Trip on failed runs: `consecutive` failures in a row, or a failure rate of `rate_percent` over the
 * last `window_runs` finished runs once at least `min_runs` of them are known (so two runs never trip it).
 * Either trigger may be null (off).
 */
final class FailuresSettings
{
    public function __construct(
        public readonly bool $enabled = true,
        public readonly ?int $consecutive = 5,
        public readonly ?int $rate_percent = 50,
        public readonly int $window_runs = 20,
        public readonly int $min_runs = 10,
    ) {
    }

    /** @return array{enabled:bool,consecutive:?int,rate_percent:?int,window_runs:int,min_runs:int} */
    public function to_array(): array
    {
        return ['enabled' => $this->enabled, 'consecutive' => $this->consecutive, 'rate_percent' => $this->rate_percent, 'window_runs' => $this->window_runs, 'min_runs' => $this->min_runs];
    }
}
