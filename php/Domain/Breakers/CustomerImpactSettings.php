<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Breakers;

/** Trip when more than `max_actions` customer-facing actions happen within `window_minutes`. */
final class CustomerImpactSettings
{
    public function __construct(
        public readonly bool $enabled = false,
        public readonly int $max_actions = 100,
        public readonly int $window_minutes = 60,
    ) {
    }

    /** @return array{enabled:bool,max_actions:int,window_minutes:int} */
    public function to_array(): array
    {
        return ['enabled' => $this->enabled, 'max_actions' => $this->max_actions, 'window_minutes' => $this->window_minutes];
    }
}
