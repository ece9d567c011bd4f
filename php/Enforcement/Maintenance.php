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
        $abandoned = $this->runs->mark_abandoned($now->modify('-' . $this->settings->abandoned_after_minutes() . ' minutes'), $now);
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

    public static function unschedule(): void
    {
        wp_clear_scheduled_hook(self::HOOK);
    }
}
