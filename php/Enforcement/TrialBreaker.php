<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Enforcement;

use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Exception\SafeModeException;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\Source;
use SophMate\SafeMode\Domain\Switches\SwitchService;
use SophMate\SafeMode\Domain\Switches\SwitchState;
use SophMate\SafeMode\Storage\RunRepository;
use SophMate\SafeMode\Storage\SwitchStateStore;

/**
 * A trial exists to find out whether the fix holds: the first run that fails during it pauses the
 * scope again (source `breaker`, the reason naming the run), so a bad restart costs one run, not a
 * schedule's worth. Nothing here ever restarts anything.
 */
final class TrialBreaker
{
    public function __construct(
        private readonly SwitchStateStore $switches,
        private readonly Catalog $catalog,
        private readonly RunRepository $runs,
        private readonly SwitchService $service,
    ) {
    }

    public function register(): void
    {
        add_action('sophmate_safe_mode_run_finished', [$this, 'run_finished'], 10, 4);
    }

    /**
     * @param mixed $run_id
     * @param mixed $status
     * @param mixed $automation_id
     * @param mixed $error
     */
    public function run_finished($run_id, $status, $automation_id, $error = null): void
    {
        if ($status !== 'failed' || !is_string($automation_id) || !is_numeric($run_id)) {
            return;
        }
        $automation = $this->catalog->find_automation($automation_id);
        if ($automation === null) {
            return;
        }
        // Fresh, not cached: another worker may have restarted or re-paused the scope meanwhile.
        $board = $this->switches->load_fresh();
        foreach ([Scope::automation($automation_id), Scope::category($automation->category)] as $scope) {
            $record = $board->record_for($scope);
            if ($record === null || $record->state !== SwitchState::Trial) {
                continue;
            }
            $run = $this->runs->get((int) $run_id);
            if ($run === null || $run->started_at < $record->since) {
                continue; // A run from before the restart says nothing about the fix.
            }
            $reason = sprintf(
                'Trial run #%d of %s failed%s: %s',
                $run->id,
                $automation_id,
                $run->failed_step !== null && $run->failed_step !== '' ? sprintf(" at step '%s'", $run->failed_step) : '',
                (string) ($run->error ?? (is_string($error) ? $error : 'no error message'))
            );
            try {
                $this->service->pause($scope, mb_substr($reason, 0, 500), Actor::system('trial breaker'), Source::Breaker, null, ['signal' => 'trial', 'value' => 'run #' . $run->id . ' failed', 'threshold' => 'any failure', 'breaker' => 'trial', 'run_id' => $run->id]);
            } catch (SafeModeException) {
                // Unreadable or busy state: the fail-closed path already holds automation.
            }
        }
    }
}
