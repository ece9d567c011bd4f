<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Breakers;

/** Trip when an automation's declared freshness source is older than `max_age_minutes`. */
final class StaleContextSettings
{
    public function __construct(
        public readonly bool $enabled = false,
        public readonly int $max_age_minutes = 120,
    ) {
    }

    /** @return array{enabled:bool,max_age_minutes:int} */
    public function to_array(): array
    {
        return ['enabled' => $this->enabled, 'max_age_minutes' => $this->max_age_minutes];
    }
}
