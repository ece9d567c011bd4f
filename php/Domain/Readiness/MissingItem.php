<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Readiness;

/** One thing an automation lacks for its next mode: a stable id the UI links from, and what to do. */
final class MissingItem
{
    public function __construct(public readonly string $id, public readonly string $label)
    {
    }

    /** @return array{id:string,label:string} */
    public function to_array(): array
    {
        return ['id' => $this->id, 'label' => $this->label];
    }
}
