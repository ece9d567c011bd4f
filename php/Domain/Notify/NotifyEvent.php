<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Notify;

/** What a notification is about; the value is stored in the outbox and sent as `event`. */
enum NotifyEvent: string
{
    case Pause = 'pause';
    case Trip = 'trip';
    case Restart = 'restart';
    case Promote = 'promote';
    case SafeMode = 'safe_mode';
    case DrillFailed = 'drill_failed';
    case Escalation = 'escalation';
    case Test = 'test';

    /** @return list<string> */
    public static function values(): array
    {
        return array_map(static fn (self $e): string => $e->value, self::cases());
    }
}
