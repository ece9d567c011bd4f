<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit\Support;

use SophMate\SafeMode\Domain\Clock;

final class FixedClock implements Clock
{
    public \DateTimeImmutable $now;

    public function __construct(string $now = '2026-11-25T12:00:00Z')
    {
        $this->now = new \DateTimeImmutable($now);
    }

    public function now(): \DateTimeImmutable
    {
        return $this->now;
    }

    public function advance(string $modifier): void
    {
        $this->now = $this->now->modify($modifier);
    }
}
