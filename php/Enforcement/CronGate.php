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
 * pre_reschedule_event / pre_unschedule_event filters tell us which event is about to run before
 * its callbacks do, so the verdict is taken there: a held event is neither removed nor
 * rescheduled (it waits, and runs once after restart); a skipped or cancelled one goes its normal
 * way; and for anything that must not run, the hook's callbacks are swapped out for that one call.
 * Every occurrence becomes a row in run history.
 */
final class CronGate
{
    public const HELD_OPTION = 'sophmate_safe_mode_held_events';
    public const RETRY_HOOK = 'sophmate_safe_mode_retry';

    /** @var array<string,array{verdict:CronVerdict,automations:list<string>}> verdicts for events of this tick */
    private array $pending = [];

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
        add_filter('pre_reschedule_event', [$this, 'before_reschedule'], 10, 2);
        add_filter('pre_unschedule_event', [$this, 'before_unschedule'], 10, 4);
    }

    /**
     * @param mixed $pre
     * @param object $event hook, timestamp, schedule, args
     * @return mixed
     */
    public function before_reschedule($pre, $event)
    {
        if ($pre !== null || !wp_doing_cron() || !is_object($event) || !isset($event->hook)) {
            return $pre;
        }
        $verdict = $this->verdict((string) $event->hook, (int) $event->timestamp, (array) ($event->args ?? []), true);
        return $verdict === null || $verdict['verdict']->reschedules() ? $pre : true;
    }

    /**
     * @param mixed $pre
     * @param array<mixed> $args
     * @return mixed
     */
    public function before_unschedule($pre, $timestamp, $hook, $args)
    {
        if ($pre !== null || !wp_doing_cron() || (int) $timestamp > time()) {
            return $pre;
        }
        $hook = (string) $hook;
        $args = (array) $args;
        $verdict = $this->verdict($hook, (int) $timestamp, $args, false);
        if ($verdict === null) {
            return $pre;
        }
        unset($this->pending[self::key($hook, (int) $timestamp, $args)]);
        $this->prepare_execution($hook, (int) $timestamp, $args, $verdict['verdict'], $verdict['automations']);
        return $verdict['verdict']->keeps_event() ? true : $pre;
    }

    /**
     * The verdict for one due event, taken once per event per tick.
     *
     * @param array<mixed> $args
     * @return array{verdict:CronVerdict,automations:list<string>}|null null = not a governed hook
     */
    private function verdict(string $hook, int $timestamp, array $args, bool $recurring): ?array
    {
        $key = self::key($hook, $timestamp, $args);
        if (isset($this->pending[$key])) {
            return $this->pending[$key];
        }
        $job = $hook === self::RETRY_HOOK ? CronVerdict::RETRYING : ($recurring ? CronVerdict::SCHEDULED : CronVerdict::QUEUED);
        $ids = $hook === self::RETRY_HOOK ? [(string) ($args[0] ?? '')] : $this->catalog->automations_for_hook($hook);
        if ($ids === [] || $ids === ['']) {
            return null;
        }
        // Several automations may share a hook: the most restrictive decision governs it.
        $decision = null;
        $policy = new PausePolicy();
        foreach ($ids as $id) {
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
        if ($job === CronVerdict::QUEUED && $recurring === false && $this->is_recurring_event($hook, $timestamp, $args)) {
            $job = CronVerdict::SCHEDULED;
        }
        return $this->pending[$key] = ['verdict' => CronVerdict::for($decision, $policy, $job), 'automations' => $ids];
    }

    /**
     * @param array<mixed> $args
     * @param list<string> $automation_ids
     */
    private function prepare_execution(string $hook, int $timestamp, array $args, CronVerdict $verdict, array $automation_ids): void
    {
        $context = ['hook' => $hook, 'scheduled_for' => gmdate('c', $timestamp), 'job' => $verdict->job];
        $attempt = $hook === self::RETRY_HOOK ? max(1, (int) ($args[3] ?? 1)) : 1;
        if ($verdict->runs_callbacks()) {
            // A retry carries the original hook and its arguments; failures are retried against those.
            [$origin_hook, $origin_args] = $hook === self::RETRY_HOOK ? [(string) ($args[1] ?? ''), (array) ($args[2] ?? [])] : [$hook, $args];
            $this->wrap_callbacks($hook, $automation_ids, $verdict->decision, $context + ['origin_hook' => $origin_hook], $attempt, $origin_args);
            return;
        }
        $this->swallow_next_call($hook);
        if ($verdict->action === CronVerdict::HOLD && !$this->mark_held($hook, $timestamp, $args)) {
            return; // Already recorded when this event was first held.
        }
        foreach ($automation_ids as $id) {
            $this->record($id, $verdict->run_status(), $verdict->decision, $context, $attempt);
        }
    }

    /**
     * @param list<string> $automation_ids
     * @param array<string,mixed> $context
     */
    /** @param array<mixed> $origin_args */
    private function wrap_callbacks(string $hook, array $automation_ids, Decision $decision, array $context, int $attempt, array $origin_args): void
    {
        $run_ids = [];
        $start = function () use (&$start, &$run_ids, $hook, $automation_ids, $decision, $context, $attempt, $origin_args): void {
            remove_action($hook, $start, PHP_INT_MIN);
            foreach ($automation_ids as $id) {
                $run_id = $this->record($id, RunStatus::Running, $decision, $context, $attempt);
                if ($run_id > 0) {
                    $run_ids[] = $run_id;
                    $this->context->enter($id, $run_id, true, (string) $context['origin_hook'], $origin_args, $attempt);
                }
            }
        };
        $finish = function () use (&$finish, &$run_ids, $hook): void {
            remove_action($hook, $finish, PHP_INT_MAX);
            foreach ($run_ids as $run_id) {
                $this->runs->finish_if_running($run_id, RunStatus::Succeeded, $this->clock->now());
                $this->context->leave($run_id);
            }
        };
        add_action($hook, $start, PHP_INT_MIN, 0);
        add_action($hook, $finish, PHP_INT_MAX, 0);
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
