<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Providers;

/** What one successful poll of a status page said: a provider status and the page's own words. */
final class StatusReading
{
    public function __construct(
        public readonly string $status,
        public readonly ?string $description = null,
    ) {
    }
}
