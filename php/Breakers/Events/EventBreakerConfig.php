<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Breakers\Events;

/**
 * The kinds of the event and time breakers, as they are named in a category's (or an
 * automation's) `breakers` settings and in the `breaker` of a trip's audit context.
 */
final class EventBreakerConfig
{
    public const UPDATES = 'updates';
    public const PROVIDER_OUTAGE = 'provider_outage';
    public const STALE_CONTEXT = 'stale_context';
}
