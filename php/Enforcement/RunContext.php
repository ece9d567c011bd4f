<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Enforcement;

/**
 * Which automation run is executing right now in this PHP process, so the outbound HTTP gate
 * can tell a paused automation's request from anyone else's. A stack, because runs can nest.
 */
final class RunContext
{
    /** @var list<array{automation:string,run_id:int}> */
    private array $stack = [];

    public function enter(string $automation_id, int $run_id): void
    {
        $this->stack[] = ['automation' => $automation_id, 'run_id' => $run_id];
    }

    public function leave(int $run_id): void
    {
        for ($i = count($this->stack) - 1; $i >= 0; $i--) {
            if ($this->stack[$i]['run_id'] === $run_id) {
                array_splice($this->stack, $i, 1);
                return;
            }
        }
    }

    /** @return array{automation:string,run_id:int}|null */
    public function current(): ?array
    {
        return $this->stack === [] ? null : $this->stack[count($this->stack) - 1];
    }
}
