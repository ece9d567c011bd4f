<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Decision;

use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Config\AutomationMode;
use SophMate\SafeMode\Domain\Decision;
use SophMate\SafeMode\Domain\Switches\SafeModeMode;
use SophMate\SafeMode\Domain\Switches\SwitchBoard;
use SophMate\SafeMode\Domain\Switches\SwitchRecord;
use SophMate\SafeMode\Domain\Switches\SwitchState;

/**
 * Folds every switch that applies to one automation into one decision. Layers are checked in
 * precedence order (emergency, global, category, automation, readiness, trial budget); the most
 * restrictive effect wins and, on a tie, the layer with higher precedence names the reason.
 */
final class DecisionEngine
{
    public function __construct(private readonly TrialUsage $trial_usage)
    {
    }

    public function decide(AutomationDefinition $automation, SwitchBoard $board, EmergencyState $emergency, string $trigger = ''): Decision
    {
        if ($board->is_corrupt()) {
            return new Decision(Effect::Blocked, Decision::STATE, 'Switch state could not be read (' . $board->corruption . '); automation is held until it can.');
        }
        if ($board->is_quiet() && !$emergency->is_active() && $automation->mode === AutomationMode::Live) {
            return Decision::run();
        }

        $best = Decision::run();
        foreach ($this->layers($automation, $board, $emergency, $trigger) as $candidate) {
            if ($candidate->effect->restrictiveness() > $best->effect->restrictiveness()) {
                $best = $candidate;
            }
        }
        return $best;
    }

    /** Effect at category level only (what the category's own switch plus global switches allow). */
    public function decide_category(string $slug, SwitchBoard $board, EmergencyState $emergency): Decision
    {
        if ($board->is_corrupt()) {
            return new Decision(Effect::Blocked, Decision::STATE, 'Switch state could not be read.');
        }
        $best = Decision::run();
        $layers = [
            $this->emergency_layer($emergency),
            $this->global_layer($board),
            $this->switch_layer('category:' . $slug, $board->categories[$slug] ?? null, null),
        ];
        foreach ($layers as $candidate) {
            if ($candidate !== null && $candidate->effect->restrictiveness() > $best->effect->restrictiveness()) {
                $best = $candidate;
            }
        }
        return $best;
    }

    /** @return iterable<Decision> */
    private function layers(AutomationDefinition $automation, SwitchBoard $board, EmergencyState $emergency, string $trigger): iterable
    {
        $candidates = [
            $this->emergency_layer($emergency),
            $this->global_layer($board),
            // Scope names are built by hand: ids in the catalog are already validated, and this is
            // the hottest path in the plugin.
            $this->switch_layer('category:' . $automation->category, $board->categories[$automation->category] ?? null, $automation),
            $this->switch_layer('automation:' . $automation->id, $board->automations[$automation->id] ?? null, $automation),
            $this->readiness_layer($automation, $trigger),
        ];
        foreach ($candidates as $candidate) {
            if ($candidate !== null) {
                yield $candidate;
            }
        }
    }

    private function emergency_layer(EmergencyState $emergency): ?Decision
    {
        if (!$emergency->is_active()) {
            return null;
        }
        if ($emergency->via === 'network') {
            return $emergency->mode === SafeModeMode::ReadOnly
                ? new Decision(Effect::ReadOnly, 'emergency', 'Network safe mode is read-only: ' . $emergency->reason)
                : new Decision(Effect::Blocked, 'emergency', 'Network safe mode is on: ' . $emergency->reason);
        }
        $via = $emergency->via === 'file' ? 'the flag file wp-content/sophmate-safe-mode.flag' : 'the SOPHMATE_SAFE_MODE constant in wp-config.php';
        return $emergency->mode === SafeModeMode::ReadOnly
            ? new Decision(Effect::ReadOnly, 'emergency', 'Safe mode (read-only) is forced by ' . $via . '.')
            : new Decision(Effect::Blocked, 'emergency', 'Safe mode is forced by ' . $via . '.');
    }

    private function global_layer(SwitchBoard $board): ?Decision
    {
        return match ($board->safe_mode->mode) {
            SafeModeMode::Off => null,
            SafeModeMode::ReadOnly => new Decision(Effect::ReadOnly, 'global', 'Safe mode is read-only: ' . $board->safe_mode->reason),
            SafeModeMode::Paused => new Decision(Effect::Blocked, 'global', 'Safe mode is on: ' . $board->safe_mode->reason),
        };
    }

    private function switch_layer(string $name, ?SwitchRecord $record, ?AutomationDefinition $automation): ?Decision
    {
        if ($record === null || $record->state === SwitchState::Running) {
            return null;
        }
        if ($record->state === SwitchState::Paused) {
            return new Decision(Effect::Blocked, $name, 'Paused (' . $name . '): ' . $record->reason);
        }
        $trial = $record->trial;
        if ($trial === null) {
            return null;
        }
        if ($automation !== null && !$trial->includes($automation->id)) {
            return new Decision(Effect::Blocked, $name, sprintf('In trial (%s) and "%s" is not among the automations selected for the trial.', $name, $automation->id));
        }
        if ($trial->max_runs !== null && $this->trial_usage->runs_since($name, $record->since) >= $trial->max_runs) {
            return new Decision(Effect::Blocked, $name, sprintf('In trial (%s): all %d trial runs are used; promote it to resume normal schedules.', $name, $trial->max_runs));
        }
        if ($trial->read_only) {
            return new Decision(Effect::ReadOnly, $name, sprintf('In a read-only trial (%s).', $name));
        }
        return null;
    }

    private function readiness_layer(AutomationDefinition $automation, string $trigger): ?Decision
    {
        return match ($automation->mode) {
            AutomationMode::Live => null,
            AutomationMode::ReadOnly => new Decision(Effect::ReadOnly, 'readiness', sprintf('"%s" is in read-only mode until it is made live.', $automation->id)),
            AutomationMode::Draft => $trigger === 'manual'
                ? null
                : new Decision(Effect::Blocked, 'readiness', sprintf('"%s" is a draft: it only runs when started by hand.', $automation->id)),
        };
    }
}
