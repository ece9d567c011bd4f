<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit\Support;

use SophMate\SafeMode\Domain\Switches\SwitchBoard;
use SophMate\SafeMode\Storage\SwitchStateStore;

/** The switch store contract in memory; can be told to lose the next N swaps to simulate contention. */
final class InMemorySwitchStateStore implements SwitchStateStore
{
    public SwitchBoard $board;
    public int $lose_next_swaps = 0;
    public int $swaps = 0;

    public function __construct(?SwitchBoard $board = null)
    {
        $this->board = $board ?? SwitchBoard::empty();
    }

    public function load(): SwitchBoard
    {
        return $this->board;
    }

    public function load_fresh(): SwitchBoard
    {
        return $this->board;
    }

    public function swap(SwitchBoard $expected, SwitchBoard $next): bool
    {
        if ($this->lose_next_swaps > 0) {
            $this->lose_next_swaps--;
            return false;
        }
        if ($expected->version !== $this->board->version) {
            return false;
        }
        $this->board = $next;
        $this->swaps++;
        return true;
    }
}
