<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Drills;

use SophMate\SafeMode\Domain\Drills\BindingResult;
use SophMate\SafeMode\Domain\Drills\DrillBinding;

/**
 * Exercises one kind of binding through the real enforcement code while its category is paused,
 * with a probe standing in for the real work so that a gate that fails cannot run anything.
 */
interface BindingProbe
{
    public function exercise(DrillBinding $binding, int $drill_id): BindingResult;
}
