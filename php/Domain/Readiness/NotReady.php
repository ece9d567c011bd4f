<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Readiness;

use SophMate\SafeMode\Domain\Exception\SafeModeException;

/** A mode change the readiness gate refuses; data.missing names every item that is missing. */
final class NotReady extends SafeModeException
{
    /** @param list<MissingItem> $missing */
    public function __construct(string $message, public readonly array $missing)
    {
        parent::__construct('sophmate_not_ready', $message, [
            'missing' => array_map(static fn (MissingItem $item): array => $item->to_array(), $missing),
        ]);
    }

    public function status(): int
    {
        return 409;
    }
}
