<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Runs;

enum RunStatus: string
{
    case Queued = 'queued';
    case Running = 'running';
    case Succeeded = 'succeeded';
    case Failed = 'failed';
    case Skipped = 'skipped';
    case Held = 'held';
    case Cancelled = 'cancelled';
    case AwaitingApproval = 'awaiting_approval';

    /** Statuses of runs that actually started doing work (and so count against a trial budget). */
    public static function started(): array
    {
        return [self::Running->value, self::Succeeded->value, self::Failed->value, self::AwaitingApproval->value];
    }

    public function is_final(): bool
    {
        return in_array($this, [self::Succeeded, self::Failed, self::Skipped, self::Cancelled], true);
    }

    /** @return list<string> */
    public static function values(): array
    {
        return array_map(static fn (self $s): string => $s->value, self::cases());
    }
}
