<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Enforcement;

use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Decision;
use SophMate\SafeMode\Domain\Decision\DecisionEngine;
use SophMate\SafeMode\Domain\Decision\Effect;
use SophMate\SafeMode\Storage\Schema\SchemaHealth;
use SophMate\SafeMode\Storage\SwitchStateStore;

/**
 * The one question every enforcement plane asks: may this automation run now? Wraps the pure
 * decision engine with the request's switch board, the emergency switch and the public filter.
 */
final class Gate
{
    public function __construct(
        private readonly Catalog $catalog,
        private readonly SwitchStateStore $store,
        private readonly EmergencySwitch $emergency,
        private readonly DecisionEngine $engine,
        private readonly ?SchemaHealth $storage = null,
    ) {
    }

    public function decide(string $automation_id, string $trigger = '', bool $fresh = false): Decision
    {
        $automation = $this->catalog->find_automation($automation_id);
        if ($automation === null) {
            return new Decision(Effect::Blocked, 'automation:' . $automation_id, sprintf('"%s" is not a registered automation.', $automation_id));
        }
        return $this->decide_for($automation, $trigger, $fresh);
    }

    public function decide_for(AutomationDefinition $automation, string $trigger = '', bool $fresh = false): Decision
    {
        $board = $fresh ? $this->store->load_fresh() : $this->store->load();
        $decision = $this->engine->decide($automation, $board, $this->emergency->state($fresh), $trigger);
        $problem = $decision->allows_run() ? $this->storage?->alarm() : null;
        if ($problem !== null) {
            // Fail closed: without its tables a run could not be recorded, reviewed or audited.
            $decision = new Decision(Effect::Blocked, Decision::STORAGE, 'Storage needs repair (' . $problem . '); automation is held until it is repaired (wp sophmate repair).');
        }
        $filtered = apply_filters('sophmate_safe_mode_decision', $decision, $automation->id, $trigger);
        // A filter may only tighten a decision: loosening a kill switch from a third-party filter would defeat it.
        if ($filtered instanceof Decision && $filtered->effect->restrictiveness() >= $decision->effect->restrictiveness()) {
            return $filtered;
        }
        return $decision;
    }

    public function decide_category(string $slug): Decision
    {
        return $this->engine->decide_category($slug, $this->store->load(), $this->emergency->state());
    }
}
