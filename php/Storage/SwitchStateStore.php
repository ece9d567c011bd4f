<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Storage;

use SophMate\SafeMode\Domain\Switches\SwitchBoard;

/**
 * Where the switch board lives. Writes are compare-and-swap on the version so two operators (or an
 * operator and a breaker) changing different switches at the same moment never lose each other's change.
 */
interface SwitchStateStore
{
    /** The board as this request first saw it (cheap; used by decisions). */
    public function load(): SwitchBoard;

    /** The board as stored right now, bypassing every cache (used before writes and at checkpoints). */
    public function load_fresh(): SwitchBoard;

    /** Writes $next only if the stored board is still at $expected's version. */
    public function swap(SwitchBoard $expected, SwitchBoard $next): bool;
}
