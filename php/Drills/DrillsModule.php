<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Drills;

use SophMate\SafeMode\Services;

/** Wires pause drills (POST /drills, wp sophmate drill, the drill report) into WordPress. */
final class DrillsModule
{
    public function __construct(private readonly Services $services, private readonly string $plugin_file)
    {
    }

    public function register(): void
    {
    }
}
