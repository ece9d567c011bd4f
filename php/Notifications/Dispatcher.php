<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Notifications;

use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Exception\Conflict;
use SophMate\SafeMode\Domain\Exception\NotFound;
use SophMate\SafeMode\Domain\Notify\Backoff;

/**
 * Delivers outbox rows: the ones queued in this request at shutdown (after the pause is saved),
 * and due retries from the retry job. A failure is recorded with its error and a next try per
 * the backoff; after the last try the row is `failed` and stays visible in the admin.
 */
final class Dispatcher
{
    public const RETRY_HOOK = 'sophmate_safe_mode_notifications_retry';

    public function __construct(
        private readonly Outbox $outbox,
        private readonly Deliverer $deliverer,
        private readonly Clock $clock,
    ) {
    }

    /**
     * @param list<int> $ids
     * @param float|null $budget_seconds stop starting new deliveries after this long; what is left
     *                                   stays due and goes to the retry job
     * @return int how many were delivered
     */
    public function deliver_ids(array $ids, ?float $budget_seconds = null): int
    {
        $sent = 0;
        $started = microtime(true);
        foreach ($ids as $id) {
            if ($budget_seconds !== null && microtime(true) - $started > $budget_seconds) {
                break;
            }
            $sent += $this->deliver_one($id) ? 1 : 0;
        }
        $this->schedule_retry();
        return $sent;
    }

    /**
     * An operator's "retry now" of a delivery that is not delivered: tried at once, attempts keep
     * counting. Answers the row afterwards.
     *
     * @return array<string,mixed>
     */
    public function retry_now(int $id): array
    {
        $row = $this->outbox->get($id) ?? throw new NotFound('sophmate_unknown_notification', sprintf('There is no notification #%d.', $id));
        if ($row['status'] === 'sent') {
            throw new Conflict('sophmate_notification_sent', sprintf('Notification #%d was already delivered.', $id));
        }
        if (!$this->outbox->requeue($id, $this->clock->now())) {
            throw new Conflict('sophmate_notification_busy', sprintf('Notification #%d is being delivered right now; reload in a moment.', $id));
        }
        $this->deliver_ids([$id]);
        return $this->outbox->get($id) ?? $row;
    }

    /** The retry job: every due row, a batch at a time. */
    public function deliver_due(): int
    {
        return $this->deliver_ids($this->outbox->due_ids($this->clock->now()));
    }

    private function deliver_one(int $id): bool
    {
        try {
            $row = $this->outbox->claim($id, $this->clock->now());
            if ($row === null) {
                return false; // Delivered or being delivered by another request, or not due.
            }
            $attempts = (int) $row['attempts'] + 1;
            $error = $this->deliverer->deliver($row);
            if ($error === null) {
                $this->outbox->mark_sent($id, $attempts, $this->clock->now());
                return true;
            }
            $permanent = str_starts_with($error, Deliverer::REFUSED);
            $this->outbox->mark_failed($id, $attempts, $error, $permanent ? null : Backoff::next_attempt($attempts, $this->clock->now()));
        } catch (\Throwable $e) {
            error_log('SophMate Safe Mode: notification ' . $id . ' could not be delivered: ' . $e->getMessage()); // phpcs:ignore
        }
        return false;
    }

    public static function unschedule(): void
    {
        wp_clear_scheduled_hook(self::RETRY_HOOK);
    }

    /** Makes sure the retry job runs when the next try is due (scheduled only while work waits). */
    public function schedule_retry(): void
    {
        try {
            $next = $this->outbox->next_due();
            if ($next === null) {
                return;
            }
            $at = max($next->getTimestamp(), time() + 30);
            $scheduled = wp_next_scheduled(self::RETRY_HOOK);
            if ($scheduled !== false && $scheduled <= $at) {
                return;
            }
            if ($scheduled !== false) {
                wp_clear_scheduled_hook(self::RETRY_HOOK);
            }
            wp_schedule_single_event($at, self::RETRY_HOOK);
        } catch (\Throwable $e) {
            error_log('SophMate Safe Mode: could not schedule notification retries: ' . $e->getMessage()); // phpcs:ignore
        }
    }
}
