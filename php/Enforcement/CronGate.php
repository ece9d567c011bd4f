<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Enforcement;

use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Config\PausePolicy;
use SophMate\SafeMode\Domain\Decision;
use SophMate\SafeMode\Domain\Runs\CronVerdict;
use SophMate\SafeMode\Domain\Runs\RunStatus;
use SophMate\SafeMode\Storage\RunRepository;

/**
 * The WP-Cron plane: governs hooks bound to automations, even of plugins that never heard of us.
 *
 * wp-cron.php handles a due event as: reschedule (recurring only), unschedule, do_action. The
 * pre_unschedule_event filter tells us which event is about to run, right before its callbacks
 * do, so the verdict is taken there: a held event is not removed (it waits, and runs once after
 * restart; for a recurring one the occurrence just added by the reschedule is taken back, so one
 * event stands for the series); a skipped or cancelled one goes its normal way; and for anything
 * that must not run, the hook's callbacks are swapped out for that one call. Every occurrence
 * becomes a row in run history. Only one filter is used because a tick calls it for every due
 * event of every plugin: it answers unbound hooks with a single array lookup.
 */
final class CronGate
{
    public const HELD_OPTION = 'sophmate_safe_mode_held_events';
    public const RETRY_HOOK = 'sophmate_safe_mode_retry';

    /** @var array<string,list<array{0:list<string>,1:Decision,2:int,3:string,4:string,5:int,6:array<mixed>}>> hook => executions prepared for its next calls */
    private array $armed = [];
    /** WordPress' id of the on_start callback, the same for every hook. */
    private ?string $start_id = null;
    /** @var array<string,list<list<int>>> hook => run ids of calls in progress (a stack: hooks can nest) */
    private array $executing = [];

    public function __construct(
        private readonly Catalog $catalog,
        private readonly Gate $gate,
        private readonly RunRepository $runs,
        private readonly Clock $clock,
        private readonly RunContext $context,
    ) {
    }

    public function register(): void
    {
        add_filter('pre_unschedule_event', [$this, 'before_unschedule'], 10, 4);
    }

    /**
     * @param mixed $pre
     * @param array<mixed> $args
     * @return mixed
     */
    public function before_unschedule($pre, $timestamp, $hook, $args)
    {
        $hook = (string) $hook;
        // Cheapest checks first: wp_doing_cron() runs a filter, so it comes after the array lookups.
        if ($pre !== null || !$this->is_governed($hook) || (int) $timestamp > time() || !wp_doing_cron()) {
            return $pre;
        }
        $args = (array) $args;
        $verdict = $this->verdict($hook, (int) $timestamp, $args);
        if ($verdict === null) {
            return $pre;
        }
        $this->prepare_execution($hook, (int) $timestamp, $args, $verdict['verdict'], $verdict['automations']);
        if (!$verdict['verdict']->keeps_event()) {
            return $pre;
        }
        if ($verdict['verdict']->job === CronVerdict::SCHEDULED) {
            $this->take_back_next_occurrence($hook, (int) $timestamp, $args);
        }
        return true;
    }

    /** Cheapest test first: most due events belong to hooks nobody bound. */
    private function is_governed(string $hook): bool
    {
        return $hook === self::RETRY_HOOK || $this->catalog->automations_for_hook($hook) !== [];
    }

    /**
     * The verdict for one due event, taken once per event per tick.
     *
     * @param array<mixed> $args
     * @return array{verdict:CronVerdict,automations:list<string>}|null null = not a governed hook
     */
    private function verdict(string $hook, int $timestamp, array $args): ?array
    {
        $ids = $hook === self::RETRY_HOOK ? [(string) ($args[0] ?? '')] : $this->catalog->automations_for_hook($hook);
        if ($ids === [] || $ids === ['']) {
            return null;
        }
        // Several automations may share a hook: the most restrictive decision governs it.
        $decision = null;
        $policy = new PausePolicy();
        foreach ($ids as $id) {
            do_action('sophmate_safe_mode_run_starting', $id, 'cron'); // As in RunStarter: breakers checked at run start go first.
            $candidate = $this->gate->decide($id, 'cron');
            if ($decision === null || $candidate->effect->restrictiveness() > $decision->effect->restrictiveness()) {
                $decision = $candidate;
                $automation = $this->catalog->find_automation($id);
                if ($automation !== null && $this->catalog->has_category($automation->category)) {
                    $policy = $this->catalog->category($automation->category)->policy;
                }
            }
        }
        if ($decision === null) {
            return null;
        }
        if ($decision->is_fail_closed()) {
            // Held whatever the category's policy says: nobody paused anything, the plugin just
            // cannot read its state or record runs, so no occurrence may be lost meanwhile.
            $policy = new PausePolicy('stop_at_checkpoint', 'hold', 'hold', 'hold');
        }
        // The kind of job only matters when it may not run; reading the cron array is kept off the common path.
        $job = CronVerdict::QUEUED;
        if ($hook === self::RETRY_HOOK) {
            $job = CronVerdict::RETRYING;
        } elseif (!$decision->allows_run() && $this->is_recurring_event($hook, $timestamp, $args)) {
            $job = CronVerdict::SCHEDULED;
        }
        return ['verdict' => CronVerdict::for($decision, $policy, $job), 'automations' => $ids];
    }

    /**
     * @param array<mixed> $args
     * @param list<string> $automation_ids
     */
    private function prepare_execution(string $hook, int $timestamp, array $args, CronVerdict $verdict, array $automation_ids): void
    {
        $attempt = $hook === self::RETRY_HOOK ? max(1, (int) ($args[3] ?? 1)) : 1;
        if ($verdict->runs_callbacks()) {
            // A retry carries the original hook and its arguments; failures are retried against those.
            [$origin_hook, $origin_args] = $hook === self::RETRY_HOOK ? [(string) ($args[1] ?? ''), (array) ($args[2] ?? [])] : [$hook, $args];
            $this->wrap_callbacks($hook, [$automation_ids, $verdict->decision, $timestamp, $verdict->job, $origin_hook, $attempt, $origin_args]);
            return;
        }
        $this->swallow_next_call($hook);
        if ($verdict->action === CronVerdict::HOLD && !$this->mark_held($hook, $timestamp, $args)) {
            return; // Already recorded when this event was first held.
        }
        $context = self::context($hook, $timestamp, $verdict->job);
        foreach ($automation_ids as $id) {
            $this->record($id, $verdict->run_status(), $verdict->decision, $context, $attempt);
        }
    }

    /** @return array<string,string> */
    private static function context(string $hook, int $timestamp, string $job): array
    {
        return ['hook' => $hook, 'scheduled_for' => gmdate('c', $timestamp), 'job' => $job];
    }

    /**
     * Arms the hook's next call to be recorded as a run. Only what the call needs is kept here;
     * the run's context is built when it really starts, because a busy tick arms many events.
     * The start/finish callbacks are added once per hook per process, not per event.
     *
     * @param array{0:list<string>,1:Decision,2:int,3:string,4:string,5:int,6:array<mixed>} $execution
     */
    private function wrap_callbacks(string $hook, array $execution): void
    {
        global $wp_filter;
        $this->armed[$hook][] = $execution;
        $this->start_id ??= _wp_filter_build_unique_id($hook, [$this, 'on_start'], PHP_INT_MIN);
        // Checked on the hook itself, not remembered: a plugin may remove_all_actions() its own hook.
        if (!isset($wp_filter[$hook]->callbacks[PHP_INT_MIN][$this->start_id])) {
            add_action($hook, [$this, 'on_start'], PHP_INT_MIN, 0);
            add_action($hook, [$this, 'on_finish'], PHP_INT_MAX, 0);
        }
    }

    /** First callback of an armed hook: records the run(s) as running. */
    public function on_start(): void
    {
        $hook = (string) current_filter();
        $armed = array_shift($this->armed[$hook]);
        if ($armed === null) {
            $this->executing[$hook][] = [];
            return; // Called outside a governed cron event (someone ran do_action by hand).
        }
        [$automation_ids, $decision, $timestamp, $job, $origin_hook, $attempt, $origin_args] = $armed;
        $context = self::context($hook, $timestamp, $job) + ['origin_hook' => $origin_hook];
        if (strlen((string) wp_json_encode($origin_args)) <= 2000) {
            // Kept so the sweeper can retry this event if its worker is killed (small args only).
            $context['origin_args'] = array_values($origin_args);
        }
        $run_ids = [];
        foreach ($automation_ids as $id) {
            $run_id = $this->record($id, RunStatus::Running, $decision, $context, $attempt);
            if ($run_id > 0) {
                $run_ids[] = $run_id;
                $this->context->enter($id, $run_id, true, $origin_hook, $origin_args, $attempt);
            }
        }
        $this->executing[$hook][] = $run_ids;
    }

    /** Last callback of an armed hook: the callbacks returned, so the run succeeded unless it reported otherwise. */
    public function on_finish(): void
    {
        $hook = (string) current_filter();
        foreach (array_pop($this->executing[$hook]) ?? [] as $run_id) {
            $this->runs->finish_if_running($run_id, RunStatus::Succeeded, $this->clock->now());
            $this->context->leave($run_id);
        }
    }

    /** Replaces the hook's callbacks for exactly one call, then puts them back. */
    private function swallow_next_call(string $hook): void
    {
        global $wp_filter;
        $original = $wp_filter[$hook] ?? null;
        $stub = new \WP_Hook();
        $stub->add_filter($hook, static function () use ($hook, $original): void {
            global $wp_filter;
            if ($original !== null) {
                $wp_filter[$hook] = $original;
            } else {
                unset($wp_filter[$hook]);
            }
        }, 10, 0);
        $wp_filter[$hook] = $stub;
    }

    /**
     * A held event is tried again at every tick; it is recorded once, when first held.
     *
     * @param array<mixed> $args
     * @return bool true when this is the first time this event is held
     */
    private function mark_held(string $hook, int $timestamp, array $args): bool
    {
        $held = get_option(self::HELD_OPTION, []);
        $held = is_array($held) ? $held : [];
        $key = self::key($hook, $timestamp, $args);
        if (isset($held[$key])) {
            return false;
        }
        // Forget events that have since run or been removed, so the list stays small.
        $crons = _get_cron_array() ?: [];
        foreach ($held as $old => $entry) {
            if (!isset($crons[$entry['timestamp'] ?? 0][$entry['hook'] ?? ''])) {
                unset($held[$old]);
            }
        }
        $held[$key] = ['hook' => $hook, 'timestamp' => $timestamp, 'held_at' => time()];
        update_option(self::HELD_OPTION, $held, false);
        return true;
    }

    /**
     * wp-cron.php rescheduled this recurring event just before unscheduling it; while the event
     * itself is held, that new occurrence is removed so one waiting event stands for the series.
     *
     * @param array<mixed> $args
     */
    private function take_back_next_occurrence(string $hook, int $timestamp, array $args): void
    {
        foreach (_get_cron_array() ?: [] as $at => $hooks) {
            if ($at > $timestamp && isset($hooks[$hook][md5(serialize($args))])) {
                wp_unschedule_event($at, $hook, $args);
            }
        }
    }

    /** @param array<mixed> $args */
    private function is_recurring_event(string $hook, int $timestamp, array $args): bool
    {
        $crons = _get_cron_array() ?: [];
        $event = $crons[$timestamp][$hook][md5(serialize($args))] ?? null;
        return is_array($event) && !empty($event['schedule']);
    }

    /** @param array<string,mixed> $context */
    private function record(string $automation_id, RunStatus $status, Decision $decision, array $context, int $attempt): int
    {
        $automation = $this->catalog->find_automation($automation_id);
        if ($automation === null) {
            return 0;
        }
        return $this->runs->create(
            $automation->id,
            $automation->category,
            'cron',
            $status,
            $decision->is_read_only(),
            $attempt,
            $decision->scope(),
            $decision->reason(),
            $context,
            $this->clock->now()
        );
    }

    /** @param array<mixed> $args */
    private static function key(string $hook, int $timestamp, array $args): string
    {
        return $hook . '@' . $timestamp . '#' . md5(serialize($args));
    }
}
