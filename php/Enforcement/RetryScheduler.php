<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Enforcement;

use SophMate\SafeMode\Domain\Config\Catalog;

/**
 * Failed cron runs of an automation with a retry policy are tried again as single events of one
 * plugin-owned hook, carrying the attempt number. Being cron events of an automation, retries are
 * governed by the cron gate like any job: a pause holds or cancels them per the "retrying" policy.
 */
final class RetryScheduler
{
    public function __construct(private readonly Catalog $catalog)
    {
    }

    public function register(): void
    {
        add_action(CronGate::RETRY_HOOK, [$this, 'retry'], 10, 4);
    }

    /** @param array<mixed> $args the original hook's arguments */
    public function after_failure(string $automation_id, string $hook, array $args, int $attempt): bool
    {
        $policy = $this->catalog->find_automation($automation_id)?->retry;
        $next = $attempt + 1;
        if ($policy === null || !$policy->allows($next) || $hook === '') {
            return false;
        }
        return wp_schedule_single_event(time() + $policy->delay_before($next), CronGate::RETRY_HOOK, [$automation_id, $hook, array_values($args), $next]) === true;
    }

    /** @param array<mixed> $args */
    public function retry(string $automation_id, string $hook, array $args, int $attempt): void
    {
        do_action_ref_array($hook, $args);
    }
}
