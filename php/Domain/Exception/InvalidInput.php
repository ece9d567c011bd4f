<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Exception;

/** Input that breaks a rule of shape or length. */
final class InvalidInput extends SafeModeException
{
    public function status(): int
    {
        return 400;
    }
}
