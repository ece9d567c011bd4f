<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Drills;

use SophMate\SafeMode\Admin\ConsoleUrls;
use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Audit\AuditEntry;
use SophMate\SafeMode\Domain\Drills\BindingResult;
use SophMate\SafeMode\Domain\Drills\DrillBinding;
use SophMate\SafeMode\Domain\Drills\DrillPlan;
use SophMate\SafeMode\Domain\Drills\DrillReport;
use SophMate\SafeMode\Domain\Exception\Conflict;
use SophMate\SafeMode\Domain\Exception\StorageUnavailable;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\Source;
use SophMate\SafeMode\Domain\Switches\SwitchRecord;
use SophMate\SafeMode\Domain\Switches\SwitchState;
use SophMate\SafeMode\Services;

/**
 * Runs one pause drill: writes the drill down with the state to restore, pauses the category
 * (source "drill"), exercises every binding through the real gates with probes standing in for
 * the real work, and puts the exact prior switch record back whatever happens in between.
 */
final class DrillRunner
{
    /** Fired before each binding is exercised; lets integrators (and tests) watch, or interrupt, a drill. */
    public const BINDING_ACTION = 'sophmate_safe_mode_drill_binding';
    public const FINISHED_ACTION = 'sophmate_safe_mode_drill_finished';

    /** @var array<string,BindingProbe> */
    private array $probes;

    public function __construct(private readonly Services $services, private readonly ProbeRuns $runs)
    {
        $this->probes = [
            DrillBinding::COOPERATIVE => new CooperativeProbe($runs),
            DrillBinding::CRON => new CronProbe($services->catalog),
            DrillBinding::REST => new RestProbe(),
            DrillBinding::PROVIDER => new ProviderProbe($services->providers, $runs),
            DrillBinding::READ_ONLY => new ReadOnlyProbe($services->catalog, $services->gate, $services->providers, $services->runs, $services->run_context, $services->clock),
        ];
    }

    /** @return array<string,mixed> the report, exactly as POST /drills returns it */
    public function run(string $slug, Actor $actor): array
    {
        $category = $this->services->catalog->category($slug);
        (new DrillRecovery($this->services))->recover($slug);
        if ($this->services->drills->running($slug) !== []) {
            throw new Conflict('sophmate_drill_running', sprintf('A pause drill of "%s" is already running; wait for it to finish.', $slug));
        }
        $scope = Scope::category($slug);
        $board = $this->services->switch_store->load_fresh();
        if ($board->is_corrupt()) {
            throw new StorageUnavailable('sophmate_state_unreadable', 'Switch state is unreadable, so a drill could not restore it: repair it first.');
        }
        $prior = $board->record_for($scope);
        $prior_state = $prior?->state->value ?? SwitchState::Running->value;
        $plan = DrillPlan::for($category, $this->services->catalog->automations_in($slug));
        $started = $this->services->clock->now();
        $environment = wp_get_environment_type();
        $id = $this->services->drills->start($slug, $actor->id, $environment, $started, [
            'prior_record' => $prior?->to_array(),
            'prior_state' => $prior_state,
            'actor' => $actor->to_array(),
            'automations' => $plan->automation_ids(),
        ]);
        if ($id <= 0) {
            // Without its row, a drill that died midway could not be put right: do not start it.
            throw new StorageUnavailable('sophmate_drill_unrecorded', 'The drill could not be recorded (drills table unavailable), so it was not started; nothing was paused.');
        }
        $first = $this->services->drills->running($slug)[0]['id'] ?? $id;
        if ($first !== $id) {
            // Another request started a drill of this category at the same moment: it goes first.
            $this->services->drills->delete($id);
            throw new Conflict('sophmate_drill_running', sprintf('A pause drill of "%s" is already running; wait for it to finish.', $slug));
        }
        $this->audit('drill_started', $scope, $prior_state, 'drill', sprintf('Pause drill #%d started.', $id), $actor, ['drill_id' => $id, 'environment' => $environment, 'bindings' => count($plan->bindings)]);

        [$results, $aborted, $expected] = $this->exercise($plan, $scope, $prior, $id, $actor);
        [$restored_state, $restored] = $this->restore($scope, $prior, $expected, $actor, $id);
        if (!$restored['ok'] && $restored['detail'] !== '') {
            $aborted = trim(($aborted ?? '') . ' ' . $restored['detail']);
        }
        if ($aborted === null && $restored['ok']) {
            // Read-only refusals are a property of the state the category is normally in.
            [$after, $aborted] = $this->exercise_bindings($plan->of_type(DrillBinding::READ_ONLY), $plan, $id);
            $results = array_merge($results, $after);
        }

        $report = new DrillReport(
            $id,
            $plan,
            $results,
            $environment,
            $started,
            $this->services->clock->now(),
            $actor->to_array(),
            $prior_state,
            $restored_state,
            $restored['ok'],
            $aborted,
            $this->people($plan),
            ConsoleUrls::category($slug),
        );
        return $this->finish($report, $scope, $actor);
    }

    /**
     * Stores, audits and announces a finished drill.
     *
     * @return array<string,mixed>
     */
    public function finish(DrillReport $report, Scope $scope, Actor $actor): array
    {
        $data = $report->to_array();
        $this->services->drills->finish($report->id, $report->outcome(), $report->finished_at ?? $this->services->clock->now(), $data);
        $this->audit(
            'drill_finished',
            $scope,
            'drill',
            (string) ($report->restored_state ?? 'unknown'),
            $report->failure_reason() ?? sprintf('Pause drill #%d passed: every binding held.', $report->id),
            $actor,
            ['drill_id' => $report->id, 'outcome' => $report->outcome(), 'environment' => $report->environment, 'summary' => $data['summary']]
        );
        do_action(self::FINISHED_ACTION, $data);
        return $data;
    }

    /**
     * Pauses and exercises every binding that is checked while paused. Any error stops the drill
     * there; the caller restores.
     *
     * @return array{0:list<BindingResult>,1:?string,2:?SwitchRecord} results, why it stopped early, the record the drill left
     */
    private function exercise(DrillPlan $plan, Scope $scope, ?SwitchRecord $prior, int $id, Actor $actor): array
    {
        $results = [];
        $expected = $prior;
        try {
            $paused = $this->services->switches->pause($scope, sprintf('Pause drill #%d: a controlled pause, restored right after.', $id), $actor, Source::Drill);
            $expected = $paused->board->record_for($scope);
        } catch (\Throwable $e) {
            return [[], self::stopped($id, $e), $expected];
        }
        [$results, $aborted] = $this->exercise_bindings($plan->paused_bindings(), $plan, $id);
        return [$results, $aborted, $expected];
    }

    /**
     * Exercises bindings in order; the first error stops there.
     *
     * @param list<DrillBinding> $bindings
     * @return array{0:list<BindingResult>,1:?string} results, and why it stopped early
     */
    private function exercise_bindings(array $bindings, DrillPlan $plan, int $id): array
    {
        $results = [];
        $automations = $plan->automation_ids();
        try {
            foreach ($bindings as $binding) {
                do_action(self::BINDING_ACTION, $binding->to_array(), $id);
                $mark = $this->runs->mark();
                try {
                    $results[] = $this->probes[$binding->type]->exercise($binding, $id);
                } finally {
                    $this->runs->tag_since($mark, $automations);
                }
            }
            return [$results, null];
        } catch (\Throwable $e) {
            return [$results, self::stopped($id, $e)];
        }
    }

    private static function stopped(int $id, \Throwable $e): string
    {
        error_log(sprintf('SophMate Safe Mode: pause drill #%d stopped: %s: %s in %s:%d', $id, get_class($e), $e->getMessage(), $e->getFile(), $e->getLine())); // phpcs:ignore
        return $e->getMessage();
    }

    /**
     * Puts the prior record back and reads what is stored now, so the report says what really is.
     *
     * @return array{0:?string,1:array{ok:bool,detail:string}}
     */
    private function restore(Scope $scope, ?SwitchRecord $prior, ?SwitchRecord $expected, Actor $actor, int $id): array
    {
        $detail = '';
        try {
            $this->services->switches->restore($scope, $prior, $expected, $actor, Source::Drill, sprintf('Pause drill #%d: prior state restored.', $id));
        } catch (\Throwable $e) {
            $detail = $e->getMessage();
        }
        $this->services->switch_store->forget();
        $board = $this->services->switch_store->load_fresh();
        $now = $board->is_corrupt() ? null : $board->record_for($scope);
        $ok = !$board->is_corrupt() && $now?->to_array() === $prior?->to_array();
        return [$board->is_corrupt() ? null : ($now?->state->value ?? SwitchState::Running->value), ['ok' => $ok, 'detail' => $detail]];
    }

    /** @return array<int,array{id:int,login:string,name:string}|null> */
    public function people(DrillPlan $plan): array
    {
        $people = [];
        foreach ($plan->restart_owner_ids() as $user_id) {
            // A deleted user restarts nothing: null, so the report says nobody rather than a ghost.
            $people[$user_id] = get_userdata($user_id) === false ? null : $this->services->actors->by_id($user_id)?->to_array();
        }
        return $people;
    }

    /** @param array<string,mixed> $context */
    private function audit(string $action, Scope $scope, string $before, string $after, string $reason, Actor $actor, array $context): void
    {
        $this->services->audit->append(new AuditEntry($action, $scope->to_string(), $before, $after, $reason, $actor, Source::Drill->value, $this->services->clock->now(), $context));
    }
}
