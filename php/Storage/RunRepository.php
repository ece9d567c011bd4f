<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Storage;

use SophMate\SafeMode\Domain\Decision\TrialUsage;
use SophMate\SafeMode\Domain\Runs\RunQuery;
use SophMate\SafeMode\Domain\Runs\RunRecord;
use SophMate\SafeMode\Domain\Runs\RunStatus;

/** Run history: runs and their events (steps, spend, touched records, approvals). */
interface RunRepository extends TrialUsage
{
    /** @param array<string,mixed> $context */
    public function create(
        string $automation,
        string $category,
        string $trigger,
        RunStatus $status,
        bool $read_only,
        int $attempt,
        string $decision_scope,
        string $reason,
        array $context,
        \DateTimeImmutable $at,
    ): int;

    /** @param array<string,float> $spend */
    public function finish(int $run_id, RunStatus $status, \DateTimeImmutable $at, ?string $failed_step, ?string $error, array $spend): void;

    public function set_status(int $run_id, RunStatus $status): void;

    /** Finishes a run only if nothing else has (the automation's own Run may have reported an outcome). */
    public function finish_if_running(int $run_id, RunStatus $status, \DateTimeImmutable $at): void;

    /** @param array<string,mixed> $fields name, amount, unit, record_type, record_id, record_action, data */
    public function add_event(int $run_id, string $type, array $fields, \DateTimeImmutable $at): void;

    /** @param list<array{type:string,fields:array<string,mixed>,at:\DateTimeImmutable}> $events written in one statement */
    public function add_events(int $run_id, array $events): void;

    /** @return array{items:list<RunRecord>,total:int} */
    public function find(RunQuery $query): array;

    /** @return array<string,int> runs per status (every status present) and `total`, for the filters of $query */
    public function count_by_status(RunQuery $query): array;

    /** @return list<array{type:string,id:string,action:string,run_id:int,at:string}> records touched by runs matching $query, newest first */
    public function touched_records(RunQuery $query, int $limit): array;

    public function get(int $run_id): ?RunRecord;

    /** @return array<string,array{id:int,status:string,started_at:string,automation:string,failed_step:?string}> the newest run of each category that ran, by slug */
    public function latest_runs_by_category(): array;

    /** @return array<string,array{id:int,status:string,started_at:string,automation:string,failed_step:?string}> the newest run of each automation that ran, by id */
    public function latest_runs_by_automation(): array;

    /** @return array<string,array<string,int>> category => status => runs started since $since */
    public function counts_by_category(\DateTimeImmutable $since): array;

    /**
     * Run counts per hour and status since a time, optionally for one category.
     *
     * @return list<array{hour:string,status:string,count:int}>
     */
    public function counts_per_hour(\DateTimeImmutable $since, ?string $category = null): array;

    /**
     * Spend per day, category and unit since a time.
     *
     * @return list<array{day:string,category:string,unit:string,amount:float}>
     */
    public function spend_per_day(\DateTimeImmutable $since, ?string $category = null): array;

    /**
     * Marks runs still "running" that started before $started_before as failed, error "abandoned",
     * one run at a time (at most $limit per call), returning each run it marked, so a killed cron
     * run can be retried like one that ended in a fatal error.
     *
     * @return list<array{id:int,automation:string,attempt:int,context:array<string,mixed>}>
     */
    public function abandon_stuck(\DateTimeImmutable $started_before, \DateTimeImmutable $now, int $limit = 500): array;

    /** Deletes at most $limit runs (and their events) that started before $started_before. */
    public function prune(\DateTimeImmutable $started_before, int $limit): int;
}
