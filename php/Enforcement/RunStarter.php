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

/** Starts runs for the cooperative API: asks the gate, records the run either way, hands back a Run. */
final class RunStarter
{
    public function __construct(
        private readonly Catalog $catalog,
        private readonly Gate $gate,
        private readonly RunRepository $runs,
        private readonly Clock $clock,
        private readonly RunContext $context,
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
        $trigger = is_string($context['trigger'] ?? null) ? $context['trigger'] : 'api';
        $attempt = is_int($context['attempt'] ?? null) ? $context['attempt'] : 1;
        unset($context['trigger'], $context['attempt']);
        $decision = $this->gate->decide_for($automation, $trigger);
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
        $policy = $this->catalog->has_category($automation->category) ? $this->catalog->category($automation->category)->policy : null;
        return new Run($id, $automation, $decision, $this->runs, $this->gate, $policy, $this->clock, $trigger, $this->context);
    }
}
