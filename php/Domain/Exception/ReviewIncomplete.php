<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Exception;

/** A restart or safe-mode-off without every review acknowledgement. */
final class ReviewIncomplete extends SafeModeException
{
    public function status(): int
    {
        return 422;
    }
}
