<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Readiness;

use SophMate\SafeMode\Services;

/** Wires the readiness gate (draft → read_only → live), owner checks and the Site Health test into WordPress. */
final class ReadinessModule
{
    public function __construct(private readonly Services $services, private readonly string $plugin_file)
    {
    }

    public function register(): void
    {
    }
}
