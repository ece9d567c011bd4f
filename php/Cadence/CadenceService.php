<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cadence;

use SophMate\SafeMode\Admin\ConsoleUrls;
use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Audit\AuditEntry;
use SophMate\SafeMode\Domain\Cadence\CategoryFacts;
use SophMate\SafeMode\Domain\Cadence\Contacts;
use SophMate\SafeMode\Domain\Cadence\DueReason;
use SophMate\SafeMode\Domain\Cadence\Escalation;
use SophMate\SafeMode\Domain\Cadence\EscalationFinder;
use SophMate\SafeMode\Domain\Cadence\ReviewRecord;
use SophMate\SafeMode\Domain\Cadence\ReviewSchedule;
use SophMate\SafeMode\Domain\Cadence\ReviewView;
use SophMate\SafeMode\Domain\Config\Category;
use SophMate\SafeMode\Domain\Runs\RunQuery;
use SophMate\SafeMode\Domain\Runs\RunStatus;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\SwitchState;
use SophMate\SafeMode\Plugin;
use SophMate\SafeMode\Services;

/**
 * The review cadence inside WordPress: keeps each category's schedule current from runs and
 * provider changes, marks reviews done, and gathers the facts the escalation finder decides on.
 */
final class CadenceService
{
    public function __construct(private readonly Services $services, private readonly CadenceStore $store)
    {
    }

    public function view(string $slug): ReviewView
    {
        $category = $this->services->catalog->category($slug);
        return $this->store->get($slug)->view($category->review_every_days, $this->services->clock->now());
    }

    /** @return array<string,ReviewView> every category's schedule, by slug */
    public function views(): array
    {
        $schedules = $this->store->all();
        $now = $this->services->clock->now();
        $out = [];
        foreach ($this->services->catalog->categories() as $slug => $category) {
            $out[$slug] = ($schedules[$slug] ?? new ReviewSchedule($slug))->view($category->review_every_days, $now);
        }
        return $out;
    }

    /**
     * After every run: a read of the (cached) option in the common case. Writes only when the
     * category runs for the first time, or a failure reaches the threshold with no such reason pending.
     *
     * @param mixed $status
     * @param mixed $automation_id
     */
    public function run_finished($status, $automation_id): void
    {
        if (!is_string($automation_id)) {
            return;
        }
        $automation = $this->services->catalog->find_automation($automation_id);
        if ($automation === null || !$this->services->catalog->has_category($automation->category)) {
            return;
        }
        $slug = $automation->category;
        $schedule = $this->store->get($slug);
        $now = $this->services->clock->now();
        $changed = $schedule->with_first_run($now);
        if ($changed !== null) {
            $schedule = $changed;
            $this->store->save($schedule);
            if ($schedule->has_pending(DueReason::FIRST_RUN)) {
                $this->audit_due($slug, $schedule->due[count($schedule->due) - 1]);
            }
        }
        if ($status !== RunStatus::Failed->value || $schedule->has_pending(DueReason::FAILED_RUNS)) {
            return;
        }
        $threshold = max(1, $this->services->settings->int('review_after_failed_runs'));
        // Failures a review already looked at do not count again (runs are stored to the second:
        // one started in the second of the review counts as seen).
        $since = $now->modify('-24 hours');
        if ($schedule->last_review !== null && $schedule->last_review->at > $since) {
            $since = $schedule->last_review->at->modify('+1 second');
        }
        $failed = $this->services->runs->count_by_status(new RunQuery($slug, null, RunStatus::Failed->value, $since))['failed'];
        if ($failed < $threshold) {
            return;
        }
        $reason = new DueReason(DueReason::FAILED_RUNS, $now, sprintf('%d failed runs in the last 24 hours (review after %d).', $failed, $threshold));
        $this->make_due($schedule, $reason);
    }

    /**
     * A provider changed (status or config): every category that depends on it, directly or
     * through one of its automations, is due for review at once.
     *
     * @param mixed $slug
     * @param mixed $change
     * @param mixed $before
     * @param mixed $after
     */
    public function provider_changed($slug, $change, $before, $after): void
    {
        if (!is_string($slug) || $slug === '') {
            return;
        }
        $change = is_string($change) ? $change : 'config';
        $before = is_array($before) ? $before : [];
        $after = is_array($after) ? $after : [];
        $detail = $change === 'status'
            ? sprintf('Provider %s changed status: %s → %s.', $slug, (string) ($before['status'] ?? 'none'), (string) ($after['status'] ?? 'none'))
            : sprintf('Provider %s changed its configuration.', $slug);
        $now = $this->services->clock->now();
        foreach ($this->dependents($slug) as $category) {
            $this->make_due($this->store->get($category), new DueReason(DueReason::PROVIDER_CHANGE, $now, $detail, $slug));
        }
    }

    /** @return list<string> categories that depend on a provider */
    public function dependents(string $provider): array
    {
        $out = [];
        foreach ($this->services->catalog->categories() as $slug => $category) {
            if (in_array($provider, $category->providers, true)) {
                $out[$slug] = true;
            }
        }
        foreach ($this->services->catalog->automations() as $automation) {
            if (in_array($provider, $automation->providers, true)) {
                $out[$automation->category] = true;
            }
        }
        return array_keys($out);
    }

    /**
     * Marks the review of a category done and audits it: who, when, the note and what was reviewed.
     *
     * @param mixed $note
     * @param mixed $reviewed
     */
    public function mark_done(string $slug, $note, $reviewed, Actor $actor, string $source): ReviewView
    {
        $category = $this->services->catalog->category($slug);
        $now = $this->services->clock->now();
        $review = ReviewRecord::from_input($note, $reviewed, $actor, $now);
        $before = $this->store->get($slug);
        $answered = $before->view($category->review_every_days, $now);
        $schedule = $before->done($review);
        $this->store->save($schedule);
        $view = $schedule->view($category->review_every_days, $now);
        $this->services->audit->append(new AuditEntry(
            'review_done',
            'category:' . $slug,
            $answered->overdue ? 'due' : 'scheduled',
            'reviewed',
            $review->note,
            $actor,
            $source,
            $now,
            [
                'reviewed' => $review->reviewed,
                'answered' => array_map(static fn (DueReason $r): string => $r->reason, $answered->due_reasons),
                'next_review_at' => $view->to_array()['next_review_at'],
            ]
        ));
        return $view;
    }

    /**
     * Whether a user may mark the review of a category done: its owner or backup owner.
     * (Managers may always; the caller checks the capability.)
     */
    public function owns(string $slug, int $user_id): bool
    {
        if ($user_id <= 0 || !$this->services->catalog->has_category($slug)) {
            return false;
        }
        $category = $this->services->catalog->category($slug);
        return in_array($user_id, [$category->owner_id, $category->backup_owner_id], true);
    }

    /**
     * Escalations of every category (or one), dated with the first-seen log.
     *
     * @return list<Escalation>
     */
    public function escalations(?string $only = null): array
    {
        return (new EscalationFinder())->find($this->facts($only), $this->store->log()['seen'], $this->services->clock->now());
    }

    /** @return list<CategoryFacts> */
    public function facts(?string $only = null): array
    {
        $views = $this->views();
        $board = $this->services->switch_store->load();
        $facts = [];
        foreach ($this->services->catalog->categories() as $slug => $category) {
            if ($only !== null && $slug !== $only) {
                continue;
            }
            $facts[] = new CategoryFacts(
                $category,
                $views[$slug],
                self::user_exists($category->owner_id),
                $category->policy->restart_owner_id === null ? null : self::user_exists($category->policy->restart_owner_id),
                count($this->services->catalog->automations_in($slug)),
                $this->services->drills->latest($slug),
                $this->paused_with_touched($slug, $board),
            );
        }
        return $facts;
    }

    /** The daily job's first step: categories that ran before the cadence knew them get their first run recorded. */
    public function adopt_categories_that_ran(): void
    {
        $schedules = $this->store->all();
        foreach ($this->services->runs->latest_runs_by_category() as $slug => $run) {
            $slug = (string) $slug;
            if (isset($schedules[$slug]) && $schedules[$slug]->first_run_at !== null || !$this->services->catalog->has_category($slug)) {
                continue;
            }
            $first = ($schedules[$slug] ?? new ReviewSchedule($slug))->with_first_run(new \DateTimeImmutable($run['started_at']));
            if ($first !== null) {
                $this->store->save($first);
                if ($first->has_pending(DueReason::FIRST_RUN)) {
                    $this->audit_due($slug, $first->due[count($first->due) - 1]);
                }
            }
        }
    }

    /** The daily job announces (audits) a calendar due date once, when it has passed. */
    public function note_scheduled_due(): void
    {
        $now = $this->services->clock->now();
        foreach ($this->store->all() as $slug => $schedule) {
            if (!$this->services->catalog->has_category($slug)) {
                continue;
            }
            $date = $schedule->calendar_date($this->services->catalog->category($slug)->review_every_days);
            if ($date === null || $date > $now || $schedule->scheduled_due_noted === $date->format('Y-m-d')) {
                continue;
            }
            $this->store->save($schedule->with_scheduled_due_noted($date->format('Y-m-d')));
            $view = $schedule->view($this->services->catalog->category($slug)->review_every_days, $now);
            foreach ($view->due_reasons as $reason) {
                if ($reason->reason === DueReason::SCHEDULED) {
                    $this->audit_due($slug, $reason);
                }
            }
        }
    }

    public function contacts(Category $category): Contacts
    {
        return new Contacts(
            self::email_of($category->owner_id),
            self::email_of($category->backup_owner_id),
            array_values(array_filter($category->notify['emails'], static fn (string $e): bool => is_email($e) !== false)),
            array_values(array_filter($category->notify['webhooks'], static fn (string $u): bool => preg_match('#^https?://#i', $u) === 1)),
        );
    }

    /** @return list<string> */
    public function admin_emails(): array
    {
        $emails = [];
        foreach (get_users(['role' => 'administrator', 'fields' => ['user_email']]) as $user) {
            $email = (string) $user->user_email;
            if (is_email($email) !== false) {
                $emails[] = $email;
            }
        }
        return array_values(array_unique($emails));
    }

    public function link(Escalation $escalation): string
    {
        return $escalation->review_scope !== null ? ConsoleUrls::review($escalation->review_scope) : ConsoleUrls::category($escalation->category);
    }

    private function make_due(ReviewSchedule $schedule, DueReason $reason): void
    {
        $next = $schedule->with_due($reason);
        if ($next === null) {
            return; // The same reason is already pending: no new write, no new audit event.
        }
        $this->store->save($next);
        $this->audit_due($schedule->category, $reason);
    }

    private function audit_due(string $slug, DueReason $reason): void
    {
        $this->services->audit->append(new AuditEntry(
            'review_due',
            'category:' . $slug,
            '',
            'due',
            $reason->detail,
            Actor::system('review cadence'),
            'system',
            $this->services->clock->now(),
            ['reason' => $reason->reason]
        ));
    }

    /**
     * Paused scopes of a category (the category itself, or its automations) whose runs touched
     * records after the pause or in the last run before it: what the restart review would list.
     *
     * @return list<array{scope:string,since:\DateTimeImmutable,records:int}>
     */
    private function paused_with_touched(string $slug, \SophMate\SafeMode\Domain\Switches\SwitchBoard $board): array
    {
        $scopes = [];
        $record = $board->categories[$slug] ?? null;
        if ($record !== null && $record->state === SwitchState::Paused) {
            $scopes[] = [Scope::category($slug)->to_string(), $slug, null, $record->since];
        }
        foreach ($board->automations as $id => $record) {
            if ($record->state === SwitchState::Paused && $this->services->catalog->find_automation((string) $id)?->category === $slug) {
                $scopes[] = [Scope::automation((string) $id)->to_string(), null, (string) $id, $record->since];
            }
        }
        $out = [];
        foreach ($scopes as [$scope, $category, $automation, $since]) {
            $records = count($this->services->runs->touched_records(new RunQuery($category, $automation, null, $since), 100));
            $last = $this->services->runs->find(new RunQuery($category, $automation, null, null, $since, 1, 1))['items'][0] ?? null;
            if ($last !== null && $last->started_at < $since) {
                $before = $this->services->runs->touched_records(new RunQuery($category, $automation, null, $last->started_at, $last->started_at), 100);
                $records += count(array_filter($before, static fn (array $r): bool => $r['run_id'] === $last->id));
            }
            if ($records > 0) {
                $out[] = ['scope' => $scope, 'since' => $since, 'records' => $records];
            }
        }
        return $out;
    }

    /** A user who can act on the category: exists and may still pause (owners also may, but only with a capability they hold). */
    private static function user_exists(?int $id): bool
    {
        if ($id === null || !get_userdata($id) instanceof \WP_User) {
            return false;
        }
        return user_can($id, Plugin::CAP_PAUSE) || user_can($id, Plugin::CAP_MANAGE);
    }

    private static function email_of(?int $id): ?string
    {
        $user = $id !== null ? get_userdata($id) : false;
        return $user instanceof \WP_User && is_email((string) $user->user_email) !== false ? (string) $user->user_email : null;
    }
}
