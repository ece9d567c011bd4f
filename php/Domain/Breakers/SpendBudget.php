<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Breakers;

/** A budget for one spend unit (usd, tokens, …) per rolling hour and/or per rolling day. */
final class SpendBudget
{
    public function __construct(
        public readonly string $unit,
        public readonly ?float $per_hour = null,
        public readonly ?float $per_day = null,
    ) {
    }

    /** @return array{unit:string,per_hour:?float,per_day:?float} */
    public function to_array(): array
    {
        return ['unit' => $this->unit, 'per_hour' => $this->per_hour, 'per_day' => $this->per_day];
    }
}
