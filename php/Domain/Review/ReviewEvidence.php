<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Review;

/**
 * What an operator must look at before a paused scope starts again: the evidence bundle of
 * GET …/review. Plain data gathered by the collector; the checks and the snapshot are derived.
 */
final class ReviewEvidence
{
    /**
     * @param array<string,int> $runs counts per run status over the whole window, plus total
     * @param array<string,int> $runs_since_pause counts per status since the pause, plus total
     * @param list<array{run_id:int,automation:string,step:?string,error:?string,at:string,since_pause:bool}> $failed_steps
     * @param list<array<string,mixed>> $audit audit entries of the scope in the window, newest first
     * @param list<array<string,mixed>> $pending_approvals
     * @param list<array{slug:string,label:string,status:string,checked_at:?string}> $providers
     * @param list<array{type:string,id:string,action:string,run_id:int,at:string,since_pause:bool}> $affected_records
     */
    public function __construct(
        public readonly string $scope,
        public readonly string $state,
        public readonly ?\DateTimeImmutable $since,
        public readonly \DateTimeImmutable $window_start,
        public readonly \DateTimeImmutable $generated_at,
        public readonly array $runs,
        public readonly array $runs_since_pause,
        public readonly array $failed_steps,
        public readonly array $audit,
        public readonly array $pending_approvals,
        public readonly array $providers,
        public readonly array $affected_records,
    ) {
    }

    /** @return list<string> slugs of providers in outage */
    public function providers_in_outage(): array
    {
        return array_values(array_map(
            static fn (array $p): string => $p['slug'],
            array_filter($this->providers, static fn (array $p): bool => $p['status'] === 'outage')
        ));
    }

    /** @return array<string,mixed> the contract's shape, plus the checks and the snapshot */
    public function to_array(): array
    {
        $snapshot = ReviewSnapshot::of($this);
        return [
            'scope' => $this->scope,
            'state' => $this->state,
            'since' => $this->since?->format('Y-m-d\TH:i:s\Z'),
            'window_start' => $this->window_start->format('Y-m-d\TH:i:s\Z'),
            'generated_at' => $this->generated_at->format('Y-m-d\TH:i:s\Z'),
            'runs' => $this->runs,
            'runs_since_pause' => $this->runs_since_pause,
            'failed_steps' => $this->failed_steps,
            'audit' => $this->audit,
            'pending_approvals' => $this->pending_approvals,
            'providers' => $this->providers,
            'affected_records' => $this->affected_records,
            'checks' => array_map(static fn (ReviewCheck $c): array => $c->to_array(), ReviewChecks::of($this)),
            'snapshot' => $snapshot->to_array(),
        ];
    }
}
