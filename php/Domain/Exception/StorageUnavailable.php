<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Exception;

/** Switch state could not be written (database down or contention beyond retry). */
final class StorageUnavailable extends SafeModeException
{
    public function status(): int
    {
        return 503;
    }
}
