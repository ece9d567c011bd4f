<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Drills;

use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Drills\BindingResult;
use SophMate\SafeMode\Domain\Drills\DrillBinding;
use SophMate\SafeMode\Enforcement\CronGate;

/**
 * The WP-Cron plane, through the path wp-cron.php takes for a due event: wp_unschedule_event()
 * (where the cron gate decides, in pre_unschedule_event) and then do_action_ref_array(). The event
 * is a one-off with arguments unique to this drill, so nothing of the hook's real schedule is
 * touched and whatever the gate writes about it can be removed afterwards; the hook's callbacks
 * are swapped for a probe meanwhile, so a gate that fails runs the probe, never the real work.
 */
final class CronProbe implements BindingProbe
{
    public function __construct(private readonly Catalog $catalog)
    {
    }

    public function exercise(DrillBinding $binding, int $drill_id): BindingResult
    {
        global $wp_filter;
        $hook = $binding->target;
        $args = ['sophmate-drill-' . $drill_id . '-' . wp_generate_password(8, false, false)];
        $timestamp = time() - 1;
        $fired = false;
        $original = $wp_filter[$hook] ?? null;
        $probe = new \WP_Hook();
        $probe->add_filter($hook, static function () use (&$fired): void {
            $fired = true;
        }, 10, 0);
        $doing_cron = static fn (): bool => true;
        $scheduled = false;
        try {
            $scheduled = wp_schedule_single_event($timestamp, $hook, $args, true);
            if ($scheduled !== true) {
                $why = $scheduled instanceof \WP_Error ? $scheduled->get_error_message() : 'another plugin refused to schedule it';
                return BindingResult::not_exercised($binding, sprintf('A test event for %s could not be scheduled: %s', $hook, $why));
            }
            $wp_filter[$hook] = $probe;
            add_filter('wp_doing_cron', $doing_cron, PHP_INT_MAX);
            wp_unschedule_event($timestamp, $hook, $args);
            do_action_ref_array($hook, $args);
        } finally {
            remove_filter('wp_doing_cron', $doing_cron, PHP_INT_MAX);
            if ($original !== null) {
                $wp_filter[$hook] = $original;
            } else {
                unset($wp_filter[$hook]);
            }
            $held = $scheduled === true && self::still_scheduled($timestamp, $hook, $args);
            $this->clean_up($timestamp, $hook, $args);
        }
        if ($fired) {
            return BindingResult::got_through($binding, sprintf('The hook\'s callbacks were called for a due event of %s: the real callbacks would have run.', $hook));
        }
        $policy = $this->policy_of($binding->automation);
        return BindingResult::held($binding, $held
            ? sprintf('A due event of %s was held, not run (queued: %s); the test event was removed afterwards.', $hook, $policy)
            : sprintf('A due event of %s was dropped without running its callbacks (queued: %s).', $hook, $policy));
    }

    /** @param array<mixed> $args */
    private static function still_scheduled(int $timestamp, string $hook, array $args): bool
    {
        $crons = _get_cron_array() ?: [];
        return isset($crons[$timestamp][$hook][md5(serialize($args))]);
    }

    /**
     * Removes the test event (a held one is still there) and the gate's note that it holds it.
     * Outside wp_doing_cron() the gate lets the unschedule through.
     *
     * @param array<mixed> $args
     */
    private function clean_up(int $timestamp, string $hook, array $args): void
    {
        if (self::still_scheduled($timestamp, $hook, $args)) {
            wp_unschedule_event($timestamp, $hook, $args);
        }
        $held = get_option(CronGate::HELD_OPTION, null);
        $key = $hook . '@' . $timestamp . '#' . md5(serialize($args));
        if (is_array($held) && isset($held[$key])) {
            unset($held[$key]);
            update_option(CronGate::HELD_OPTION, $held, false);
        }
    }

    private function policy_of(string $automation_id): string
    {
        $automation = $this->catalog->find_automation($automation_id);
        return $automation !== null && $this->catalog->has_category($automation->category)
            ? $this->catalog->category($automation->category)->policy->queued
            : 'hold';
    }
}
