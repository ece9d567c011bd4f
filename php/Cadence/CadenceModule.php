<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cadence;

use SophMate\SafeMode\Services;

/** Wires review cadence: next review dates, marking a review done, the daily escalation digest into WordPress. */
final class CadenceModule
{
    public function __construct(private readonly Services $services, private readonly string $plugin_file)
    {
    }

    public function register(): void
    {
    }
}
