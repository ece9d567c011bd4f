<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Drills;

use SophMate\SafeMode\Domain\Drills\BindingResult;
use SophMate\SafeMode\Domain\Drills\DrillBinding;

/**
 * The cooperative plane: sophmate_safe_mode_decide() and sophmate_safe_mode_start_run() must both
 * refuse, exactly as an automation that asks the gate would see it.
 */
final class CooperativeProbe implements BindingProbe
{
    public function __construct(private readonly ProbeRuns $runs)
    {
    }

    public function exercise(DrillBinding $binding, int $drill_id): BindingResult
    {
        $decision = sophmate_safe_mode_decide($binding->automation);
        $run = sophmate_safe_mode_start_run($binding->automation, ['trigger' => 'drill', 'drill' => $drill_id, 'probe' => 'cooperative']);
        $started = $run->is_allowed();
        $this->runs->settle($run);
        unset($run);
        if ($decision->allows_run() || $started) {
            return BindingResult::got_through($binding, sprintf(
                'The gate allowed a run (decide(): %s, start_run(): %s); an automation that asks first would have run.',
                $decision->effect->value,
                $started ? 'allowed' : 'refused'
            ));
        }
        return BindingResult::held($binding, sprintf('decide() and start_run() refused: %s', $decision->reason()));
    }
}
