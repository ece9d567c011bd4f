<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\multisite;

use PHPUnit\Framework\TestCase;

final class SmokeTest extends TestCase
{
    public function test_network(): void
    {
        self::assertTrue(is_multisite());
        self::assertCount(2, get_sites(['fields' => 'ids']));
        self::assertTrue(is_super_admin());
    }
}
