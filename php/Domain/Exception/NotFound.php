<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Exception;

/** A scope, category, automation or record that does not exist. */
final class NotFound extends SafeModeException
{
    public function status(): int
    {
        return 404;
    }
}
