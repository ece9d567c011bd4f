<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Providers;

use SophMate\SafeMode\Services;

/** Wires provider status polling from Statuspage-style URLs and provider change events into WordPress. */
final class ProvidersModule
{
    public function __construct(private readonly Services $services, private readonly string $plugin_file)
    {
    }

    public function register(): void
    {
    }
}
