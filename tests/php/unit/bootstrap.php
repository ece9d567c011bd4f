<?php

/**
 * PHPUnit bootstrap for tests/php/unit: Composer's autoloader (the plugin's
 * classes and the SophMate\SafeMode\Tests namespace), no WordPress.
 */

declare(strict_types=1);

$sophmate_autoload = dirname(__DIR__, 3) . '/vendor/autoload.php';
if (!is_file($sophmate_autoload)) {
    fwrite(STDERR, "vendor/autoload.php is missing: run `composer dump-autoload` (npm test does it for you).\n");
    exit(1);
}
require $sophmate_autoload;
