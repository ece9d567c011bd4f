<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Switches;

use SophMate\SafeMode\Domain\Scope;

/** The outcome of a switch change; `changed: false` means the scope was already there and nothing was written. */
final class ChangeResult
{
    public function __construct(
        public readonly bool $changed,
        public readonly Scope $scope,
        public readonly string $before,
        public readonly string $after,
        public readonly SwitchBoard $board,
        public readonly ?int $audit_id = null,
    ) {
    }
}
