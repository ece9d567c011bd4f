<?php

declare(strict_types=1);

namespace SophMate\SafeMode\ConfigTransfer;

use SophMate\SafeMode\Services;

/** Wires configuration export and import (staging to production) into WordPress. */
final class ConfigModule
{
    public function __construct(private readonly Services $services, private readonly string $plugin_file)
    {
    }

    public function register(): void
    {
    }
}
