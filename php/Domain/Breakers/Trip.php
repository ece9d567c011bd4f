<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Breakers;

/** What a breaker would pause for: the signal, its value, the threshold, and the reason in words. */
final class Trip
{
    public function __construct(
        public readonly string $breaker,
        public readonly string $signal,
        public readonly int|float|string $value,
        public readonly int|float $threshold,
        public readonly string $reason,
    ) {
    }

    /** @return array{signal:string,value:int|float|string,threshold:int|float,breaker:string} the audit context of the pause */
    public function context(): array
    {
        return ['signal' => $this->signal, 'value' => $this->value, 'threshold' => $this->threshold, 'breaker' => $this->breaker];
    }
}
