<?php

declare(strict_types=1);

namespace SophMate\SafeMode;

use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Config\PausePolicy;
use SophMate\SafeMode\Domain\Decision;
use SophMate\SafeMode\Domain\Runs\RunStatus;
use SophMate\SafeMode\Enforcement\Gate;
use SophMate\SafeMode\Enforcement\RetryScheduler;
use SophMate\SafeMode\Enforcement\RunContext;
use SophMate\SafeMode\Enforcement\ShutdownRecorder;
use SophMate\SafeMode\Storage\RunRepository;

/**
 * One execution of an automation, as the automation's own code sees it (the cooperative plane).
 * Always returned, even when blocked: a blocked run is already recorded as skipped, and every
 * method is then a harmless no-op, so callers that forget to check cannot do damage through it.
 */
final class Run
{
    /** Actions that do not change a record; anything else is a write and is refused while read-only. */
    public const READ_ACTIONS = ['read', 'viewed', 'checked', 'fetched'];

    private ?string $current_step = null;
    /** @var array<string,float> */
    private array $spend = [];
    private ?RunStatus $final = null;
    private bool $awaiting_approval = false;
    /** @var list<array{type:string,fields:array<string,mixed>,at:\DateTimeImmutable}> events not yet written */
    private array $buffer = [];

    public function __construct(
        private readonly int $id,
        private readonly ?AutomationDefinition $automation,
        private readonly Decision $decision,
        private readonly ?RunRepository $runs,
        private readonly ?Gate $gate,
        private readonly ?PausePolicy $policy,
        private readonly Clock $clock,
        private readonly string $trigger = '',
        private readonly ?RunContext $context = null,
        private readonly ?RetryScheduler $retries = null,
        private readonly ?array $cron_origin = null,
    ) {
        if (!$decision->allows_run()) {
            $this->final = RunStatus::Skipped;
        }
        // Even a blocked run enters the context: if its caller ignores the gate and calls a
        // provider anyway, the outbound gate still knows whose request it is.
        if ($automation !== null && $id > 0) {
            $context?->enter($automation->id, $id, $decision->allows_run());
        }
    }

    /** A run dropped without succeed() or fail() is a bug in its caller: it is recorded as failed, not left running. */
    public function __destruct()
    {
        if ($this->is_live() && $this->decision->allows_run()) {
            // Also the path of a fatal error when WordPress' fatal error handler exits before the
            // shutdown action: the PHP error is then the reason.
            $this->close(RunStatus::Failed, $this->current_step, ShutdownRecorder::fatal_error() ?? 'abandoned: the run was dropped without succeed() or fail()');
        }
        $this->context?->leave($this->id);
    }

    public function id(): int
    {
        return $this->id;
    }

    public function is_allowed(): bool
    {
        return $this->decision->allows_run() && $this->final === null;
    }

    public function is_read_only(): bool
    {
        return $this->decision->is_read_only();
    }

    public function decision(): Decision
    {
        return $this->decision;
    }

    public function status(): string
    {
        return ($this->final ?? RunStatus::Running)->value;
    }

    public function step(string $name): void
    {
        if (!$this->is_live()) {
            return;
        }
        $this->current_step = mb_substr($name, 0, 191);
        $this->event('step', ['name' => $this->current_step]);
    }

    /**
     * Long runs call this between units of work. Returns false when the run must stop now: its
     * scope was paused after it started and the category's policy for running jobs is
     * stop_at_checkpoint. The switch state is re-read from the database, not this request's copy.
     */
    public function checkpoint(): bool
    {
        if (!$this->is_live()) {
            return false;
        }
        if ($this->automation === null || $this->gate === null) {
            return true;
        }
        $this->flush();
        $now = $this->gate->decide_for($this->automation, $this->trigger, true);
        // "finish" is for a pause someone decided; unreadable state or broken storage may hide a
        // pause nobody can see, so the run stops whatever the policy (fail closed).
        if ($now->allows_run() || (!$now->is_fail_closed() && ($this->policy?->running ?? 'stop_at_checkpoint') === 'finish')) {
            return true;
        }
        $this->event('checkpoint', ['name' => $this->current_step ?? '', 'data' => ['stopped' => true, 'reason' => $now->reason()]]);
        $this->close(RunStatus::Cancelled, $this->current_step, 'Stopped at checkpoint: ' . $now->reason());
        return false;
    }

    public function spend(float $amount, string $unit): void
    {
        if (!$this->is_live()) {
            return;
        }
        $unit = mb_substr($unit, 0, 32);
        $this->spend[$unit] = ($this->spend[$unit] ?? 0.0) + $amount;
        $this->event('spend', ['name' => $this->current_step ?? '', 'amount' => $amount, 'unit' => $unit]);
        do_action('sophmate_safe_mode_spend_recorded', $this->id, $this->automation?->id, $amount, $unit);
    }

    /**
     * Records a record this run touched. In a read-only run a write is refused (and the refusal
     * recorded): the caller must not perform it. Returns whether the action may go ahead.
     */
    public function touched(string $type, string|int $id, string $action): bool
    {
        if (!$this->is_live()) {
            return false;
        }
        $fields = ['name' => $this->current_step ?? '', 'record_type' => mb_substr($type, 0, 64), 'record_id' => (string) $id, 'record_action' => mb_substr($action, 0, 32)];
        if ($this->is_read_only() && !in_array($action, self::READ_ACTIONS, true)) {
            $this->event('refused', $fields + ['data' => ['reason' => $this->decision->reason()]]);
            return false;
        }
        $this->event('touched', $fields);
        do_action('sophmate_safe_mode_record_touched', $this->id, $this->automation?->id, $fields['record_type'], $fields['record_id'], $fields['record_action']);
        return true;
    }

    public function await_approval(string $what): void
    {
        if (!$this->is_live()) {
            return;
        }
        $this->event('approval', ['name' => mb_substr($what, 0, 191)]);
        $this->flush();
        $this->awaiting_approval = true;
        $this->runs?->set_status($this->id, RunStatus::AwaitingApproval);
    }

    /** Ends the run well; a run that asked for approval stays parked as awaiting_approval. */
    public function succeed(): void
    {
        if ($this->is_live()) {
            $this->close($this->awaiting_approval ? RunStatus::AwaitingApproval : RunStatus::Succeeded, null, null);
        }
    }

    public function fail(string|\Throwable $error): void
    {
        if (!$this->is_live()) {
            return;
        }
        $message = $error instanceof \Throwable ? get_class($error) . ': ' . $error->getMessage() : $error;
        $this->close(RunStatus::Failed, $this->current_step, mb_substr($message, 0, 2000));
        if ($this->automation !== null && $this->cron_origin !== null) {
            $this->retries?->after_failure($this->automation->id, $this->cron_origin['hook'], $this->cron_origin['args'], $this->cron_origin['attempt']);
        }
    }

    private function is_live(): bool
    {
        return $this->final === null && $this->id > 0;
    }

    /** @param array<string,mixed> $fields */
    /** Records that the plugin refused something this run tried (a write while read-only, a provider call while blocked). */
    public function record_refusal(string $what, string $reason): void
    {
        if ($this->id > 0) {
            $this->runs?->add_event($this->id, 'refused', ['name' => mb_substr($what, 0, 191), 'data' => ['reason' => $reason]], $this->clock->now());
        }
    }

    /**
     * Events are buffered and written in one statement when the run ends, reaches a checkpoint or
     * waits for approval: recording a run costs three queries, not one per step. A fatal error
     * still flushes them (the destructor runs, or the shutdown recorder closes the run).
     *
     * @param array<string,mixed> $fields
     */
    private function event(string $type, array $fields): void
    {
        $this->buffer[] = ['type' => $type, 'fields' => $fields, 'at' => $this->clock->now()];
    }

    private function flush(): void
    {
        if ($this->buffer !== [] && $this->id > 0) {
            $this->runs?->add_events($this->id, $this->buffer);
        }
        $this->buffer = [];
    }

    private function close(RunStatus $status, ?string $failed_step, ?string $error): void
    {
        $this->final = $status;
        $this->flush();
        $this->context?->leave($this->id);
        $this->runs?->finish($this->id, $status, $this->clock->now(), $failed_step, $error, $this->spend);
        do_action('sophmate_safe_mode_run_finished', $this->id, $status->value, $this->automation?->id, $error);
    }
}
