<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Exception;

/** The actor may not do this to this scope. */
final class Forbidden extends SafeModeException
{
    public function status(): int
    {
        return 403;
    }
}
