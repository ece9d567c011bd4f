<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Exception;

/** A valid request that the current state does not allow (restart of a running scope, …). */
final class Conflict extends SafeModeException
{
    public function status(): int
    {
        return 409;
    }
}
