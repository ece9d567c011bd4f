<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain;

/**
 * Time comes in through this seam so rules about "since", trial windows and retention are testable.
 */
interface Clock
{
    public function now(): \DateTimeImmutable;
}
