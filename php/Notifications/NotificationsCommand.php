<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Notifications;

use SophMate\SafeMode\Cli\CommandSupport;
use SophMate\SafeMode\Domain\Notify\NotifyEvent;
use SophMate\SafeMode\Services;

/** wp sophmate notifications: the delivery log, retrying, delivering due retries, a test message. */
final class NotificationsCommand extends CommandSupport
{
    private const FIELDS = ['id', 'created_at', 'event', 'scope', 'channel', 'target', 'status', 'attempts', 'next_attempt_at', 'last_error'];

    public function __construct(
        Services $services,
        private readonly Outbox $outbox,
        private readonly Dispatcher $dispatcher,
        private readonly NotificationSettings $settings,
        private readonly Notifier $notifier,
    ) {
        parent::__construct($services);
    }

    /**
     * Lists notification deliveries, newest first.
     *
     * ## OPTIONS
     *
     * [--status=<status>]
     * : pending, retrying, sending, sent or failed.
     *
     * [--event=<event>]
     * : pause, trip, restart, promote, safe_mode, drill_failed, escalation or test.
     *
     * [--channel=<channel>]
     * : email or webhook.
     *
     * [--limit=<n>]
     * : How many (default 50, at most 1000).
     *
     * [--fields=<fields>]
     * : Comma-separated fields (default: id, created_at, event, scope, channel, target, status,
     * attempts, next_attempt_at, last_error; also subject, sent_at).
     *
     * [--format=<format>]
     * : table, json, csv or yaml.
     * ---
     * default: table
     * ---
     *
     * ## EXAMPLES
     *
     *     wp sophmate notifications list --status=failed
     *
     * @subcommand list
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function list_(array $args, array $assoc_args): void
    {
        $filters = [];
        foreach (['status' => Outbox::STATUSES, 'event' => NotifyEvent::values(), 'channel' => Outbox::CHANNELS] as $name => $allowed) {
            $value = isset($assoc_args[$name]) ? (string) $assoc_args[$name] : null;
            if ($value !== null && !in_array($value, $allowed, true)) {
                \WP_CLI::error(sprintf('Unknown --%s "%s"; use one of %s.', $name, $value, implode(', ', $allowed)));
                return;
            }
            $filters[$name] = $value;
        }
        $limit = max(1, min(1000, (int) ($assoc_args['limit'] ?? 50)));
        $rows = $this->outbox->find($filters, 1, $limit)['items'];
        $this->output($assoc_args, array_map(static fn (array $row): array => NotificationsController::view($row, true), $rows), self::FIELDS);
    }

    /**
     * Tries a delivery again now (also one that gave up).
     *
     * ## OPTIONS
     *
     * <id>
     * : The delivery id (from `wp sophmate notifications list`).
     *
     * ## EXAMPLES
     *
     *     wp sophmate notifications retry 42
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function retry(array $args, array $assoc_args): void
    {
        $this->guarded(function () use ($args): void {
            $row = $this->dispatcher->retry_now((int) ($args[0] ?? 0));
            if ($row['status'] === 'sent') {
                \WP_CLI::success(sprintf('Notification #%d delivered to %s.', (int) $row['id'], (string) $row['target']));
            } else {
                \WP_CLI::error(sprintf('Notification #%d still fails: %s (sophmate_notification_failed)', (int) $row['id'], (string) $row['last_error']));
            }
        });
    }

    /**
     * Delivers every notification that is due now (what the retry cron event does).
     *
     * ## EXAMPLES
     *
     *     wp sophmate notifications deliver
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function deliver(array $args, array $assoc_args): void
    {
        $sent = $this->dispatcher->deliver_due();
        \WP_CLI::success(sprintf('%d notification(s) delivered; %d waiting for a retry, %d failed for good.', $sent, $this->outbox->count_status('retrying') + $this->outbox->count_status('pending'), $this->outbox->count_status('failed')));
    }

    /**
     * Sends a test message to the site-level targets.
     *
     * ## EXAMPLES
     *
     *     wp sophmate notifications test --user=admin
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function test(array $args, array $assoc_args): void
    {
        $this->guarded(function (): void {
            $rows = $this->notifier->send_test($this->settings->all(), $this->actor()->to_array());
            $failed = 0;
            foreach ($rows as $row) {
                if ($row['status'] === 'sent') {
                    \WP_CLI::log(sprintf('Delivered to %s.', (string) $row['target']));
                } else {
                    $failed++;
                    \WP_CLI::warning(sprintf('%s: %s', (string) $row['target'], (string) $row['last_error']));
                }
            }
            if ($failed > 0) {
                \WP_CLI::error(sprintf('%d of %d target(s) could not be reached; they are retried with backoff. (sophmate_notification_failed)', $failed, count($rows)));
            }
            \WP_CLI::success(sprintf('Test notification delivered to %d target(s).', count($rows)));
        });
    }
}
