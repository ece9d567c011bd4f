<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Readiness;

use SophMate\SafeMode\Domain\Config\AutomationMode;

/** Where an automation stands: its mode, the next mode, and what it lacks to get there. */
final class Readiness
{
    /** @param list<MissingItem> $missing */
    public function __construct(
        public readonly AutomationMode $mode,
        public readonly ?AutomationMode $next,
        public readonly array $missing,
    ) {
    }

    public function ready(): bool
    {
        return $this->next !== null && $this->missing === [];
    }

    /** @return array{mode:string,next:string|null,ready:bool,missing:list<array{id:string,label:string}>} */
    public function to_array(): array
    {
        return [
            'mode' => $this->mode->value,
            'next' => $this->next?->value,
            'ready' => $this->ready(),
            'missing' => array_map(static fn (MissingItem $item): array => $item->to_array(), $this->missing),
        ];
    }
}
