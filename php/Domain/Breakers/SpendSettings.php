<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Breakers;

/** Trip when spend recorded through Run::spend() goes over a budget in a rolling hour or day. */
final class SpendSettings
{
    /** @param list<SpendBudget> $budgets */
    public function __construct(
        public readonly bool $enabled = false,
        public readonly array $budgets = [],
    ) {
    }

    public function budget_for(string $unit): ?SpendBudget
    {
        foreach ($this->budgets as $budget) {
            if ($budget->unit === $unit) {
                return $budget;
            }
        }
        return null;
    }

    /** @return array{enabled:bool,budgets:list<array{unit:string,per_hour:?float,per_day:?float}>} */
    public function to_array(): array
    {
        return ['enabled' => $this->enabled, 'budgets' => array_map(static fn (SpendBudget $b): array => $b->to_array(), $this->budgets)];
    }
}
