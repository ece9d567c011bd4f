<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Notify;

/** A composed notification: one subject line and a plain-text body. */
final class Message
{
    public function __construct(public readonly string $subject, public readonly string $text)
    {
    }
}
