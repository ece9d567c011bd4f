<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Runs;

use SophMate\SafeMode\Domain\Config\PausePolicy;
use SophMate\SafeMode\Domain\Decision;

/**
 * What the cron gate does with one due event of a bound hook, from the decision and the
 * category's pause policy. Recurring events are "scheduled" jobs, single events "queued" jobs,
 * and the plugin's own retry events "retrying" jobs.
 */
final class CronVerdict
{
    public const RUN = 'run';
    public const SKIP = 'skip';
    public const HOLD = 'hold';
    public const CANCEL = 'cancel';

    public const SCHEDULED = 'scheduled';
    public const QUEUED = 'queued';
    public const RETRYING = 'retrying';

    private function __construct(
        public readonly string $action,
        public readonly string $job,
        public readonly Decision $decision,
    ) {
    }

    public static function for(Decision $decision, PausePolicy $policy, string $job): self
    {
        if ($decision->allows_run()) {
            return new self(self::RUN, $job, $decision);
        }
        $action = match ($job) {
            self::SCHEDULED => $policy->scheduled,
            self::RETRYING => $policy->retrying,
            default => $policy->queued,
        };
        return new self($action, $job, $decision);
    }

    /** Keep the due event in the cron array (it is tried again at every tick until it may run). */
    public function keeps_event(): bool
    {
        return $this->action === self::HOLD;
    }

    public function runs_callbacks(): bool
    {
        return $this->action === self::RUN;
    }

    public function run_status(): RunStatus
    {
        return match ($this->action) {
            self::RUN => RunStatus::Running,
            self::SKIP => RunStatus::Skipped,
            self::HOLD => RunStatus::Held,
            default => RunStatus::Cancelled,
        };
    }
}
