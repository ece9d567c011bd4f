<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Notifications;

use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Exception\Conflict;
use SophMate\SafeMode\Domain\Notify\Incident;
use SophMate\SafeMode\Domain\Notify\MessageComposer;
use SophMate\SafeMode\Domain\Notify\NotifyEvent;
use SophMate\SafeMode\Domain\Notify\Recipients;
use SophMate\SafeMode\Domain\Notify\WebhookPayload;
use SophMate\SafeMode\Domain\Scope;

/**
 * Listens to the plugin's public actions and queues one outbox row per target. Everything here
 * is wrapped: a notification problem is logged and never reaches the pause (or drill, or
 * digest) that caused it. Rows queued in a request are delivered at its shutdown, when the
 * change that caused them is long saved.
 */
final class Notifier
{
    /** Deliveries at shutdown start only within this many seconds; later ones go to the retry job. */
    public const SHUTDOWN_BUDGET_SECONDS = 10.0;

    /** @var list<int> */
    private array $queued = [];
    private bool $shutdown_hooked = false;

    public function __construct(
        private readonly IncidentBuilder $incidents,
        private readonly Outbox $outbox,
        private readonly Dispatcher $dispatcher,
        private readonly Clock $clock,
    ) {
    }

    public function register(): void
    {
        add_action('sophmate_safe_mode_paused', [$this, 'paused'], 20, 5);
        add_action('sophmate_safe_mode_tripped', [$this, 'tripped'], 20, 5);
        add_action('sophmate_safe_mode_restarted', [$this, 'restarted'], 20, 5);
        add_action('sophmate_safe_mode_promoted', [$this, 'promoted'], 20, 5);
        add_action('sophmate_safe_mode_safe_mode_changed', [$this, 'safe_mode_changed'], 20, 5);
        add_action('sophmate_safe_mode_network_safe_mode_changed', [$this, 'network_safe_mode_changed'], 20, 5);
        add_action('sophmate_safe_mode_drill_finished', [$this, 'drill_finished'], 20, 1);
        add_action('sophmate_safe_mode_escalation_digest', [$this, 'escalation_digest'], 20, 1);
    }

    /**
     * A breaker's (or update's) pause is told by `tripped` (one message per incident), a drill's by nobody,
     * and safe mode by `safe_mode_changed`.
     *
     * @param mixed $scope
     * @param mixed $state
     * @param mixed $actor
     * @param mixed $reason
     * @param mixed $context
     */
    public function paused($scope = '', $state = '', $actor = null, $reason = '', $context = []): void
    {
        $this->switch_event(NotifyEvent::Pause, $scope, $actor, $reason, $context, ['breaker', 'update', 'drill']);
    }

    /** @param mixed ...$args scope, state, actor, reason, context */
    public function tripped(...$args): void
    {
        $this->switch_event(NotifyEvent::Trip, $args[0] ?? '', $args[2] ?? null, $args[3] ?? '', $args[4] ?? ['source' => 'breaker'], ['drill']);
    }

    /** @param mixed ...$args scope, state, actor, reason, context */
    public function restarted(...$args): void
    {
        $this->switch_event(NotifyEvent::Restart, $args[0] ?? '', $args[2] ?? null, $args[3] ?? '', $args[4] ?? [], ['drill']);
    }

    /** @param mixed ...$args scope, state, actor, reason, context */
    public function promoted(...$args): void
    {
        $this->switch_event(NotifyEvent::Promote, $args[0] ?? '', $args[2] ?? null, $args[3] ?? '', $args[4] ?? [], ['drill']);
    }

    /**
     * @param mixed $mode
     * @param mixed $before
     * @param mixed $actor
     * @param mixed $reason
     * @param mixed $context
     */
    public function safe_mode_changed($mode = '', $before = '', $actor = null, $reason = '', $context = []): void
    {
        $this->guarded(function () use ($actor, $reason, $context, $before, $mode): void {
            $context = is_array($context) ? $context : [];
            if (($context['source'] ?? '') === 'drill') {
                return;
            }
            $details = [sprintf('Safe mode went from "%s" to "%s".', (string) $before, (string) $mode)];
            $this->notify(
                $this->incidents->build(NotifyEvent::SafeMode, Scope::global(), is_array($actor) ? $actor : null, (string) ($context['source'] ?? ''), (string) $reason, self::incident_url($context), $details),
                Scope::global()
            );
        });
    }

    /**
     * Network safe mode (multisite) changed: told once, through the site-level targets of the site
     * where it was changed (the main site), since it holds every site of the network.
     *
     * @param mixed $mode
     * @param mixed $before
     * @param mixed $actor
     * @param mixed $reason
     * @param mixed $context
     */
    public function network_safe_mode_changed($mode = '', $before = '', $actor = null, $reason = '', $context = []): void
    {
        $this->guarded(function () use ($actor, $reason, $context, $before, $mode): void {
            $context = is_array($context) ? $context : [];
            $details = [sprintf('Network safe mode went from "%s" to "%s": it holds automation on every site of the network, whatever each site\'s own switches say.', (string) $before, (string) $mode)];
            $this->notify(
                $this->incidents->build(NotifyEvent::SafeMode, Scope::global(), is_array($actor) ? $actor : null, (string) ($context['source'] ?? ''), (string) $reason, self::incident_url($context), $details),
                Scope::global()
            );
        });
    }

    /**
     * A failed pause drill: pausing the category may not stop its automation.
     *
     * @param mixed $report the body POST /drills returns
     */
    public function drill_finished($report = []): void
    {
        $this->guarded(function () use ($report): void {
            if (!is_array($report) || ($report['outcome'] ?? '') !== 'failed' || !is_string($report['category'] ?? null)) {
                return;
            }
            $scope = Scope::category($report['category']);
            $details = [];
            $failed = [];
            foreach ((array) ($report['bindings'] ?? []) as $binding) {
                if (!is_array($binding) || ($binding['passed'] ?? null) === true) {
                    continue;
                }
                $failed[] = $binding;
                $details[] = sprintf(
                    ($binding['passed'] ?? null) === false ? 'Binding %s %s of %s did not hold: %s' : 'Binding %s %s of %s was not checked: %s',
                    (string) ($binding['type'] ?? '?'),
                    (string) ($binding['target'] ?? '?'),
                    (string) ($binding['automation'] ?? '?'),
                    (string) ($binding['detail'] ?? '')
                );
            }
            if (($report['state_restored'] ?? true) === false) {
                $details[] = sprintf(
                    'The prior state was NOT restored: it was "%s" before the drill and is "%s" now. Check the category before anything else.',
                    (string) ($report['prior_state'] ?? '?'),
                    (string) ($report['restored_state'] ?? '?')
                );
            }
            $details[] = sprintf('Drill #%s in environment "%s", %s to %s.', (string) ($report['id'] ?? '?'), (string) ($report['environment'] ?? '?'), (string) ($report['started_at'] ?? '?'), (string) ($report['finished_at'] ?? '?'));
            if (is_string($report['review_url'] ?? null) && $report['review_url'] !== '') {
                $details[] = 'Drill report: ' . $report['review_url'];
            }
            $extra = ['drill' => [
                'id' => $report['id'] ?? null,
                'environment' => $report['environment'] ?? null,
                'started_at' => $report['started_at'] ?? null,
                'finished_at' => $report['finished_at'] ?? null,
                'failed_bindings' => $failed,
                'report_url' => $report['review_url'] ?? null,
            ]];
            $reason = is_string($report['failure_reason'] ?? null) && $report['failure_reason'] !== '' ? $report['failure_reason'] : 'The pause drill failed.';
            $this->notify(
                $this->incidents->build(NotifyEvent::DrillFailed, $scope, is_array($report['actor'] ?? null) ? $report['actor'] : null, 'drill', $reason, null, $details, $extra),
                $scope
            );
        });
    }

    /**
     * Engineer C's digest arrives once per recipient, already de-duplicated: delivered as is.
     *
     * @param mixed $digest
     */
    public function escalation_digest($digest = []): void
    {
        $this->guarded(function () use ($digest): void {
            if (!is_array($digest) || !in_array($digest['channel'] ?? '', Outbox::CHANNELS, true) || !is_string($digest['target'] ?? null) || $digest['target'] === '') {
                throw new \InvalidArgumentException('An escalation digest needs channel email|webhook and a target.');
            }
            $subject = (string) ($digest['subject'] ?? 'Automation needs attention');
            $text = (string) ($digest['text'] ?? '');
            $items = array_values(array_filter((array) ($digest['items'] ?? []), 'is_array'));
            $categories = array_values(array_unique(array_map(static fn (array $i): string => (string) ($i['category'] ?? ''), $items)));
            $scope = count($categories) === 1 && $categories[0] !== '' ? 'category:' . $categories[0] : '';
            $payload = $digest['channel'] === 'email'
                ? ['text' => $text]
                : [
                    'text' => $subject . "\n\n" . $text,
                    'event' => NotifyEvent::Escalation->value,
                    'subject' => $subject,
                    'scope' => $scope,
                    'level' => (string) ($digest['level'] ?? ''),
                    'items' => $items,
                    'review_url' => (string) ($items[0]['url'] ?? ''),
                    'site' => ['name' => wp_specialchars_decode((string) get_bloginfo('name'), ENT_QUOTES), 'url' => home_url('/')],
                ];
            $this->queue([$this->outbox->enqueue(NotifyEvent::Escalation->value, $scope, (string) $digest['channel'], $digest['target'], $subject, $payload, $this->clock->now())]);
        });
    }

    /**
     * Sends a test message to the site-level targets now and answers the outbox rows.
     *
     * @param array{emails:list<string>,webhooks:list<string>} $targets
     * @param array<string,mixed>|null $actor
     * @return list<array<string,mixed>>
     */
    public function send_test(array $targets, ?array $actor): array
    {
        if ($targets['emails'] === [] && $targets['webhooks'] === []) {
            throw new Conflict('sophmate_no_notification_targets', 'No site-level email or webhook is configured: add one in the notification settings first.');
        }
        $incident = $this->incidents->build(NotifyEvent::Test, Scope::global(), $actor, 'test', 'Checking that notifications reach this target.');
        $ids = $this->enqueue($incident, new Recipients($targets['emails'], $targets['webhooks']));
        $this->dispatcher->deliver_ids($ids);
        return array_values(array_filter(array_map(fn (int $id): ?array => $this->outbox->get($id), $ids)));
    }

    /**
     * Delivers what this request queued; runs at shutdown. Where the server allows it, the
     * response goes to the client first, so a slow webhook never holds up the pause button;
     * and whatever does not fit in the time budget is left to the retry job.
     */
    public function flush(): void
    {
        $ids = $this->queued;
        $this->queued = [];
        if ($ids === []) {
            return;
        }
        if (PHP_SAPI !== 'cli' && function_exists('fastcgi_finish_request')) {
            fastcgi_finish_request();
        } elseif (PHP_SAPI !== 'cli' && function_exists('litespeed_finish_request')) {
            litespeed_finish_request();
        }
        $this->dispatcher->deliver_ids($ids, self::SHUTDOWN_BUDGET_SECONDS);
    }

    /**
     * @param mixed $scope
     * @param mixed $actor
     * @param mixed $reason
     * @param mixed $context
     * @param list<string> $skip_sources
     */
    private function switch_event(NotifyEvent $event, $scope, $actor, $reason, $context, array $skip_sources): void
    {
        $this->guarded(function () use ($event, $scope, $actor, $reason, $context, $skip_sources): void {
            $context = is_array($context) ? $context : [];
            $source = (string) ($context['source'] ?? '');
            if ($scope === 'network') {
                return; // Network safe mode (multisite) is told once by network_safe_mode_changed.
            }
            $parsed = Scope::parse((string) $scope);
            if (in_array($source, $skip_sources, true) || ($parsed->is_global() && $event !== NotifyEvent::Trip)) {
                return;
            }
            $details = [];
            if (is_array($context['trial'] ?? null)) {
                $trial = $context['trial'];
                $details[] = sprintf(
                    'Trial scope: at most %s run(s)%s%s.',
                    (string) ($trial['max_runs'] ?? '?'),
                    ($trial['automations'] ?? []) !== [] ? ', only ' . implode(', ', (array) $trial['automations']) : ', every automation in scope',
                    ($trial['read_only'] ?? false) ? ', read-only' : ''
                );
            }
            $this->notify($this->incidents->build($event, $parsed, is_array($actor) ? $actor : null, $source, (string) $reason, self::incident_url($context), $details), $parsed);
        });
    }

    private function notify(Incident $incident, Scope $scope): void
    {
        $this->queue($this->enqueue($incident, $this->incidents->recipients($scope)));
    }

    /** @return list<int> */
    private function enqueue(Incident $incident, Recipients $recipients): array
    {
        $message = (new MessageComposer())->compose($incident);
        $webhook = WebhookPayload::from_incident($incident, $message);
        $now = $this->clock->now();
        $ids = [];
        foreach ($recipients->emails as $email) {
            $ids[] = $this->outbox->enqueue($incident->event->value, $incident->scope, 'email', $email, $message->subject, ['text' => $message->text], $now);
        }
        foreach ($recipients->webhooks as $url) {
            $ids[] = $this->outbox->enqueue($incident->event->value, $incident->scope, 'webhook', $url, $message->subject, $webhook, $now);
        }
        return $ids;
    }

    /** @param list<int> $ids */
    private function queue(array $ids): void
    {
        $this->queued = [...$this->queued, ...$ids];
        if (!$this->shutdown_hooked) {
            $this->shutdown_hooked = true;
            // Late, so the response and everything else the request does come first.
            add_action('shutdown', [$this, 'flush'], 100);
        }
    }

    /** @param array<string,mixed> $context */
    private static function incident_url(array $context): ?string
    {
        return is_string($context['incident_url'] ?? null) && $context['incident_url'] !== '' ? $context['incident_url'] : null;
    }

    private function guarded(callable $work): void
    {
        try {
            $work();
        } catch (\Throwable $e) {
            // A notification must never block or break what caused it: log it and move on.
            error_log('SophMate Safe Mode: a notification could not be queued: ' . get_class($e) . ': ' . $e->getMessage()); // phpcs:ignore
        }
    }
}
