<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Runs;

/** One execution as stored: what started it, how it ended, what it spent and touched. */
final class RunRecord
{
    /**
     * @param array<string,float> $spend amount per unit
     * @param list<array{type:string,id:string,action:string,run_id:int}> $affected_records
     * @param list<array{name:string,at:string}> $steps
     * @param array<string,mixed> $context
     */
    public function __construct(
        public readonly int $id,
        public readonly string $automation,
        public readonly string $category,
        public readonly string $trigger,
        public readonly RunStatus $status,
        public readonly \DateTimeImmutable $started_at,
        public readonly ?\DateTimeImmutable $finished_at,
        public readonly bool $read_only,
        public readonly int $attempt,
        public readonly ?string $failed_step,
        public readonly ?string $error,
        public readonly array $spend,
        public readonly string $decision_scope,
        public readonly string $reason,
        public readonly array $affected_records = [],
        public readonly array $steps = [],
        public readonly array $context = [],
    ) {
    }

    /** @return array<string,mixed> */
    public function to_array(): array
    {
        return [
            'id' => $this->id,
            'automation' => $this->automation,
            'category' => $this->category,
            'trigger' => $this->trigger,
            'status' => $this->status->value,
            'started_at' => $this->started_at->format('Y-m-d\TH:i:s\Z'),
            'finished_at' => $this->finished_at?->format('Y-m-d\TH:i:s\Z'),
            'read_only' => $this->read_only,
            'attempt' => $this->attempt,
            'failed_step' => $this->failed_step,
            'error' => $this->error,
            'spend' => (object) $this->spend,
            'decided_by' => $this->decision_scope,
            'reason' => $this->reason,
            'affected_records' => $this->affected_records,
            'steps' => $this->steps,
        ];
    }
}
