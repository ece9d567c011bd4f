<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Breakers;

/** A breaker with nothing to tune but on/off: updates, provider_outage. */
final class ToggleSettings
{
    public function __construct(public readonly bool $enabled)
    {
    }

    /** @return array{enabled:bool} */
    public function to_array(): array
    {
        return ['enabled' => $this->enabled];
    }
}
