<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cadence;

use SophMate\SafeMode\Domain\Cadence\Digest;
use SophMate\SafeMode\Domain\Cadence\DigestComposer;
use SophMate\SafeMode\Domain\Cadence\Escalation;
use SophMate\SafeMode\Services;

/**
 * The daily job: records first runs the cadence missed, announces calendar due dates, finds the
 * escalations and fires `sophmate_safe_mode_escalation_digest` once per recipient per UTC day.
 * The notifications module delivers the digests; this job never sends mail itself.
 */
final class DailyReview
{
    public const HOOK = 'sophmate_safe_mode_daily_review';
    public const DIGEST_ACTION = 'sophmate_safe_mode_escalation_digest';

    public function __construct(private readonly Services $services, private readonly CadenceService $cadence, private readonly CadenceStore $store)
    {
    }

    /**
     * @return array{day:string,dry_run:bool,escalations:list<array<string,mixed>>,digests:list<array<string,mixed>>,already_sent:list<string>}
     */
    public function run(bool $dry_run = false): array
    {
        if (!$dry_run) {
            $this->cadence->adopt_categories_that_ran();
            $this->cadence->note_scheduled_due();
        }
        $now = $this->services->clock->now();
        $escalations = $this->cadence->escalations();
        $log = $this->store->log();
        $composer = new DigestComposer(
            max(0, $this->services->settings->int('escalate_to_backup_after_days')),
            max(0, $this->services->settings->int('escalate_to_admins_after_days')),
            wp_specialchars_decode((string) get_bloginfo('name'), ENT_QUOTES),
        );
        $contacts = [];
        foreach ($this->services->catalog->categories() as $slug => $category) {
            $contacts[$slug] = $this->cadence->contacts($category);
        }
        $plan = $composer->compose($escalations, $contacts, $this->cadence->admin_emails(), $log['sent'], $now, fn (Escalation $e): string => $this->cadence->link($e));

        if (!$dry_run) {
            // Problems no longer found are forgotten, so one that comes back starts the ladder again.
            $seen = [];
            foreach ($escalations as $escalation) {
                $seen[$escalation->key()] = $log['seen'][$escalation->key()] ?? $escalation->since->format('Y-m-d\TH:i:s\Z');
            }
            // The log is saved before the actions fire: a listener that fails cannot cause a second digest today.
            $this->store->save_log(['sent' => $plan->log, 'seen' => $seen]);
            foreach ($plan->digests as $digest) {
                do_action(self::DIGEST_ACTION, $digest->to_array());
            }
        }
        return [
            'day' => $plan->day,
            'dry_run' => $dry_run,
            'escalations' => array_map(static fn (Escalation $e): array => $e->to_array(), $escalations),
            'digests' => array_map(static fn (Digest $d): array => $d->to_array(), $plan->digests),
            'already_sent' => $plan->already_sent,
        ];
    }

    /** Schedules the daily event if it is missing (activation, and lazily on admin and cron requests). */
    public static function ensure_scheduled(): void
    {
        if (wp_next_scheduled(self::HOOK) === false) {
            wp_schedule_event(time() + HOUR_IN_SECONDS, 'daily', self::HOOK);
        }
    }

    public static function unschedule(): void
    {
        wp_clear_scheduled_hook(self::HOOK);
    }
}
