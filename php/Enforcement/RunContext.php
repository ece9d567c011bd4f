<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Enforcement;

/**
 * Which automation run is executing right now in this PHP process, so the outbound HTTP gate can
 * tell a paused automation's request from anyone else's, and so a run that never finished
 * (fatal error, killed request) can be recorded as failed at shutdown. A stack: runs can nest.
 */
final class RunContext
{
    /** @var list<array{automation:string,run_id:int,open:bool,hook:string,args:array<mixed>,attempt:int}> */
    private array $stack = [];

    /**
     * @param bool $open true for a run that is executing and must be finished
     * @param array<mixed> $args the cron hook's arguments, when the run is a cron event (for retries)
     */
    public function enter(string $automation_id, int $run_id, bool $open = true, string $hook = '', array $args = [], int $attempt = 1): void
    {
        $this->stack[] = ['automation' => $automation_id, 'run_id' => $run_id, 'open' => $open, 'hook' => $hook, 'args' => $args, 'attempt' => $attempt];
    }

    /** @return array{automation:string,run_id:int,open:bool,hook:string,args:array<mixed>,attempt:int}|null */
    public function find(int $run_id): ?array
    {
        foreach ($this->stack as $entry) {
            if ($entry['run_id'] === $run_id) {
                return $entry;
            }
        }
        return null;
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

    /** @return array{automation:string,run_id:int,open:bool,hook:string,args:array<mixed>,attempt:int}|null */
    public function current(): ?array
    {
        return $this->stack === [] ? null : $this->stack[count($this->stack) - 1];
    }

    /** @return list<int> runs that started executing and have not finished */
    public function open_runs(): array
    {
        return array_values(array_map(static fn (array $e): int => $e['run_id'], array_filter($this->stack, static fn (array $e): bool => $e['open'])));
    }
}
