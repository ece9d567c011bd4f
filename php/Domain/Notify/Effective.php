<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Notify;

/** What an effective decision means for the reader of a notification. */
final class Effective
{
    public static function meaning(string $effective): string
    {
        return match ($effective) {
            'run' => 'automation in this scope runs normally',
            'read_only' => 'runs may read, but every write is refused',
            'blocked' => 'nothing in this scope runs',
            default => $effective,
        };
    }
}
