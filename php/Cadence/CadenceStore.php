<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cadence;

use SophMate\SafeMode\Domain\Cadence\ReviewSchedule;
use SophMate\SafeMode\Domain\Cadence\Times;
use SophMate\SafeMode\Storage\DatabaseLock;

/**
 * Review schedules of all categories in one non-autoloaded option (GET /status reads it once), and
 * the digest log (what was sent on which UTC day, and when each escalation was first seen) in another.
 */
final class CadenceStore
{
    public const OPTION = 'sophmate_safe_mode_review_cadence';
    public const LOG_OPTION = 'sophmate_safe_mode_digest_log';

    /** @return array<string,ReviewSchedule> */
    public function all(): array
    {
        $stored = get_option(self::OPTION, []);
        $out = [];
        foreach (is_array($stored) ? $stored : [] as $slug => $data) {
            if (is_string($slug) && is_array($data)) {
                $out[$slug] = ReviewSchedule::from_array($slug, $data);
            }
        }
        return $out;
    }

    public function get(string $category): ReviewSchedule
    {
        return $this->all()[$category] ?? new ReviewSchedule($category);
    }

    public function save(ReviewSchedule $schedule): void
    {
        global $wpdb;
        // All categories share one option: the read-modify-write is serialized across PHP workers
        // and web nodes by a database lock, and re-reads the option past any cache, so another
        // category's schedule written meanwhile is kept. The lock is a courtesy, not a gate: after
        // 5 s the write goes ahead rather than lose this schedule.
        $lock = DatabaseLock::acquire($wpdb, $wpdb->prefix . 'sophmate_review_cadence', 5);
        try {
            wp_cache_delete(self::OPTION, 'options');
            $stored = get_option(self::OPTION, []);
            $stored = is_array($stored) ? $stored : [];
            $stored[$schedule->category] = $schedule->to_array();
            update_option(self::OPTION, $stored, false);
        } finally {
            $lock?->release();
        }
    }

    /** @return array{sent:array<string,string>,seen:array<string,string>} */
    public function log(): array
    {
        $log = get_option(self::LOG_OPTION, []);
        $log = is_array($log) ? $log : [];
        return [
            'sent' => array_filter((array) ($log['sent'] ?? []), 'is_string'),
            'seen' => array_filter((array) ($log['seen'] ?? []), 'is_string'),
        ];
    }

    /** @param array{sent:array<string,string>,seen:array<string,string>} $log */
    public function save_log(array $log): void
    {
        update_option(self::LOG_OPTION, $log, false);
    }

    /**
     * The two review fields of a category in GET /status: a read of the (cached) option, no query per row.
     *
     * @return array{next_review_at:?string,review_overdue:bool}
     */
    public static function status_fields(string $slug, int $every_days, \DateTimeImmutable $now): array
    {
        $stored = get_option(self::OPTION, []);
        $data = is_array($stored) && is_array($stored[$slug] ?? null) ? $stored[$slug] : [];
        $view = ReviewSchedule::from_array($slug, $data)->view($every_days, $now);
        return [
            'next_review_at' => $view->next_review_at !== null ? Times::iso($view->next_review_at) : null,
            'review_overdue' => $view->overdue,
        ];
    }
}
