<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Switches;

use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Scope;

/** Told after a switch change is stored and audited (WordPress actions, notifications). */
interface ChangeListener
{
    /** @param array<string,mixed> $context */
    public function switch_changed(string $action, Scope $scope, string $before, string $after, Actor $actor, string $reason, array $context): void;
}
