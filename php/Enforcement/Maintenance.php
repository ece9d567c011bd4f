<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Enforcement;

use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Storage\RunRepository;
use SophMate\SafeMode\Storage\Schema\SchemaHealth;
use SophMate\SafeMode\Storage\Settings;

/**
 * Hourly upkeep on WP-Cron: runs stuck in "running" past the timeout become failed ("abandoned"),
 * and runs older than the retention period are pruned in batches. The audit log is never pruned.
 */
final class Maintenance
{
    public const HOOK = 'sophmate_safe_mode_maintenance';
    private const BATCH = 5000;
    private const MAX_BATCHES = 20;

    public function __construct(
        private readonly RunRepository $runs,
        private readonly Settings $settings,
        private readonly Clock $clock,
        private readonly ?SchemaHealth $storage = null,
        private readonly ?RetryScheduler $retries = null,
    ) {
    }

    public function register(): void
    {
        add_action(self::HOOK, [$this, 'run']);
        add_action('admin_init', [$this, 'ensure_scheduled']);
    }

    public function ensure_scheduled(): void
    {
        if (wp_next_scheduled(self::HOOK) === false) {
            wp_schedule_event(time() + 300, 'hourly', self::HOOK);
        }
    }

    /** @return array{abandoned:int,pruned:int} */
    public function run(): array
    {
        // Hourly, the storage check runs even where nothing else looks; broken tables are reported, not swept.
        if ($this->storage !== null && $this->storage->problem() !== null) {
            return ['abandoned' => 0, 'pruned' => 0];
        }
        $now = $this->clock->now();
        $abandoned = $this->abandon_stuck_runs($now);
        $cutoff = $now->modify('-' . $this->settings->retention_days() . ' days');
        $pruned = 0;
        for ($i = 0; $i < self::MAX_BATCHES; $i++) {
            $deleted = $this->runs->prune($cutoff, self::BATCH);
            $pruned += $deleted;
            if ($deleted < self::BATCH) {
                break;
            }
        }
        return ['abandoned' => $abandoned, 'pruned' => $pruned];
    }

    /**
     * Fails runs stuck in "running" (their worker was killed: nothing else will ever end them). A
     * governed cron run among them is retried per its automation's retry policy, as it would have
     * been had PHP ended in a fatal error, so the killed occurrence of a cron event is not lost.
     */
    private function abandon_stuck_runs(\DateTimeImmutable $now): int
    {
        $before = $now->modify('-' . $this->settings->abandoned_after_minutes() . ' minutes');
        $count = 0;
        do {
            $marked = $this->runs->abandon_stuck($before, $now);
            $count += count($marked);
            foreach ($marked as $run) {
                $hook = $run['context']['origin_hook'] ?? null;
                $args = $run['context']['origin_args'] ?? null;
                if ($this->retries !== null && is_string($hook) && $hook !== '' && is_array($args)) {
                    $this->retries->after_failure($run['automation'], $hook, $args, max(1, $run['attempt']));
                }
            }
        } while (count($marked) === 500);
        return $count;
    }

    public static function unschedule(): void
    {
        wp_clear_scheduled_hook(self::HOOK);
    }
}
