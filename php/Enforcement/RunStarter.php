<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Enforcement;

use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Decision;
use SophMate\SafeMode\Domain\Decision\Effect;
use SophMate\SafeMode\Domain\Runs\RunStatus;
use SophMate\SafeMode\Run;
use SophMate\SafeMode\Storage\RunRepository;
use SophMate\SafeMode\Storage\Schema\SchemaHealth;

/** Starts runs for the cooperative API: asks the gate, records the run either way, hands back a Run. */
final class RunStarter
{
    public function __construct(
        private readonly Catalog $catalog,
        private readonly Gate $gate,
        private readonly RunRepository $runs,
        private readonly Clock $clock,
        private readonly RunContext $context,
        private readonly RetryScheduler $retries,
        private readonly ?SchemaHealth $storage = null,
    ) {
    }

    /** @param array<string,mixed> $context trigger (cron, manual, webhook, …), attempt, and anything worth keeping */
    public function start(string $automation_id, array $context = []): Run
    {
        $automation = $this->catalog->find_automation($automation_id);
        if ($automation === null) {
            $decision = new Decision(Effect::Blocked, 'automation:' . $automation_id, sprintf('"%s" is not a registered automation.', $automation_id));
            return new Run(0, null, $decision, null, null, null, $this->clock);
        }
        // Started inside a governed cron event of the same automation: inherit its attempt, and a
        // failure can be retried against that event.
        $outer = $this->context->current();
        $cron_origin = $outer !== null && $outer['automation'] === $automation->id && $outer['hook'] !== ''
            ? ['hook' => $outer['hook'], 'args' => $outer['args'], 'attempt' => $outer['attempt']]
            : null;
        $trigger = is_string($context['trigger'] ?? null) ? $context['trigger'] : ($cron_origin !== null ? 'cron' : 'api');
        $attempt = is_int($context['attempt'] ?? null) ? $context['attempt'] : ($cron_origin['attempt'] ?? 1);
        unset($context['trigger'], $context['attempt']);
        // Breakers that check at run start (stale context) may pause before the gate decides.
        do_action('sophmate_safe_mode_run_starting', $automation->id, $trigger);
        $decision = $this->gate->decide_for($automation, $trigger);
        $policy = $this->catalog->has_category($automation->category) ? $this->catalog->category($automation->category)->policy : null;
        if ($cron_origin !== null && $outer !== null && $outer['open'] && $decision->allows_run()) {
            // The cron gate already recorded this event as a run: the automation's own Run is that
            // run (one row, with the steps and the outcome the automation reports).
            return new Run($outer['run_id'], $automation, $decision, $this->runs, $this->gate, $policy, $this->clock, 'cron', $this->context, $this->retries, $cron_origin);
        }
        $status = $decision->allows_run() ? RunStatus::Running : RunStatus::Skipped;
        $id = $this->runs->create(
            $automation->id,
            $automation->category,
            $trigger,
            $status,
            $decision->is_read_only(),
            $attempt,
            $decision->scope(),
            $decision->reason(),
            $context,
            $this->clock->now()
        );
        if ($id <= 0 && $decision->allows_run()) {
            // Fail closed: a run the plugin cannot record (database gone, runs table missing) could
            // not be paused, reviewed or swept either, so it does not start.
            $decision = new Decision(Effect::Blocked, Decision::STORAGE, 'The run could not be recorded (database unavailable or run history table missing), so it was not started.');
            $this->storage?->problem(); // A missing table raises the alarm, which holds every other automation too.
        }
        return new Run($id, $automation, $decision, $this->runs, $this->gate, $policy, $this->clock, $trigger, $this->context, $this->retries, $cron_origin);
    }
}
