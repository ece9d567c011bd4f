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
 * is a one-off, due a second ago, with arguments unique to this drill. It is never written to the
 * cron array: the gate decides before WordPress looks for the event, so no other process's cron
 * tick can ever pick it up, and nothing of the hook's real schedule is touched. The hook's callbacks
 * are swapped for a probe meanwhile, so a gate that fails runs the probe, never the real work; what
 * the gate writes about the event (its "held" note) is removed afterwards.
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
        $wp_filter[$hook] = $probe;
        add_filter('wp_doing_cron', $doing_cron, PHP_INT_MAX);
        try {
            wp_unschedule_event($timestamp, $hook, $args);
            do_action_ref_array($hook, $args);
        } finally {
            remove_filter('wp_doing_cron', $doing_cron, PHP_INT_MAX);
            if ($original !== null) {
                $wp_filter[$hook] = $original;
            } else {
                unset($wp_filter[$hook]);
            }
            $held = $this->forget_held($timestamp, $hook, $args);
        }
        if ($fired) {
            return BindingResult::got_through($binding, sprintf('The hook\'s callbacks were called for a due event of %s: the real callbacks would have run.', $hook));
        }
        $policy = $this->policy_of($binding->automation);
        return BindingResult::held($binding, $held
            ? sprintf('A due event of %s was held, not run (queued: %s).', $hook, $policy)
            : sprintf('A due event of %s was dropped without running its callbacks (queued: %s).', $hook, $policy));
    }

    /**
     * Removes the gate's note that it holds the test event; true when there was one.
     *
     * @param array<mixed> $args
     */
    private function forget_held(int $timestamp, string $hook, array $args): bool
    {
        $held = get_option(CronGate::HELD_OPTION, null);
        $key = $hook . '@' . $timestamp . '#' . md5(serialize($args));
        if (!is_array($held) || !isset($held[$key])) {
            return false;
        }
        unset($held[$key]);
        update_option(CronGate::HELD_OPTION, $held, false);
        return true;
    }

    private function policy_of(string $automation_id): string
    {
        $automation = $this->catalog->find_automation($automation_id);
        return $automation !== null && $this->catalog->has_category($automation->category)
            ? $this->catalog->category($automation->category)->policy->queued
            : 'hold';
    }
}
