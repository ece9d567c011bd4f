<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Switches;

use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Audit\AuditEntry;
use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Decision\TrialUsage;
use SophMate\SafeMode\Domain\Exception\Conflict;
use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Exception\StorageUnavailable;
use SophMate\SafeMode\Domain\Review\RestartReview;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Text;
use SophMate\SafeMode\Storage\AuditLog;
use SophMate\SafeMode\Storage\SwitchStateStore;
use SophMate\SafeMode\Storage\Transaction;

/**
 * Pause, restart, promote and safe mode: the only way switch state changes. Each change is a
 * compare-and-swap on the stored board (retried on contention) and exactly one audit entry, in
 * one transaction when one is given (so a database lost half-way keeps neither), then the
 * listeners. A change that would not change anything writes nothing.
 */
final class SwitchService
{
    private const MAX_ATTEMPTS = 25;

    /** @param list<ChangeListener> $listeners */
    public function __construct(
        private readonly SwitchStateStore $store,
        private readonly AuditLog $audit,
        private readonly Catalog $catalog,
        private readonly TrialUsage $trials,
        private readonly Clock $clock,
        private readonly array $listeners = [],
        private readonly ?Transaction $transaction = null,
    ) {
    }

    /** @param array<string,mixed> $context kept in the audit entry and passed to listeners (a breaker's signal, value, threshold) */
    public function pause(Scope $scope, string $reason, Actor $actor, Source $source, ?string $incident_url = null, array $context = []): ChangeResult
    {
        $reason = Text::reason($reason);
        $incident_url = Text::url($incident_url);
        if ($scope->is_global()) {
            return $this->set_safe_mode(SafeModeMode::Paused, $reason, null, $actor, $source, $incident_url);
        }
        $this->assert_exists($scope);
        $record = new SwitchRecord(SwitchState::Paused, $reason, $actor, $source, $this->clock->now(), $incident_url, null, SwitchRecord::trip_from($source, $context));
        return $this->change('pause', $scope, $actor, $source, $reason, ['incident_url' => $incident_url] + $context, function (SwitchBoard $board) use ($scope, $record): ?SwitchBoard {
            return $board->state_of($scope) === SwitchState::Paused ? null : $board->with_record($scope, $record);
        });
    }

    /**
     * @param mixed $acknowledged
     * @param array<string,mixed> $trial_input automations, max_runs, read_only
     */
    public function restart(Scope $scope, $acknowledged, string $note, array $trial_input, Actor $actor, Source $source, ?RestartReview $review = null): ChangeResult
    {
        $note = Text::note($note);
        if ($scope->is_global()) {
            return $this->set_safe_mode(SafeModeMode::Off, $note, $acknowledged, $actor, $source, null, $review);
        }
        $this->assert_exists($scope);
        $current = $this->store->load_fresh()->state_of($scope);
        if ($current !== SwitchState::Paused) {
            throw new Conflict(
                'sophmate_not_paused',
                sprintf('%s is %s, not paused: only a paused scope can be restarted.', $scope->to_string(), $current->value)
            );
        }
        Acknowledgements::assert_complete($acknowledged);
        self::assert_note($note);
        if (!isset($trial_input['max_runs'])) {
            throw new InvalidInput(
                'sophmate_invalid_trial_scope',
                'scope.max_runs is required: a restart is a trial of a few runs (e.g. 3) before you promote it back to normal schedules.'
            );
        }
        $reviewed = $review?->assert_restartable() ?? [];
        $trial = TrialScope::from_input($trial_input, $note);
        $this->assert_trial_automations($scope, $trial);
        $record = new SwitchRecord(SwitchState::Trial, $note, $actor, $source, $this->clock->now(), null, $trial);
        $context = ['acknowledged' => Acknowledgements::REQUIRED, 'trial' => $trial->to_array()] + $reviewed;
        return $this->change('restart', $scope, $actor, $source, $note, $context, function (SwitchBoard $board) use ($scope, $record): ?SwitchBoard {
            if ($board->state_of($scope) !== SwitchState::Paused) {
                throw new Conflict('sophmate_not_paused', sprintf('%s changed while you were restarting it; reload and review again.', $scope->to_string()));
            }
            return $board->with_record($scope, $record);
        });
    }

    public function promote(Scope $scope, Actor $actor, Source $source, string $note = ''): ChangeResult
    {
        $note = Text::note($note);
        if ($scope->is_global()) {
            throw new InvalidInput('sophmate_invalid_scope', 'Safe mode has no trial to promote: turn it off with PUT /safe-mode.');
        }
        $this->assert_exists($scope);
        $record = $this->store->load_fresh()->record_for($scope);
        if ($record === null || $record->state !== SwitchState::Trial) {
            throw new Conflict(
                'sophmate_not_in_trial',
                sprintf('%s is %s: only a scope in trial can be promoted.', $scope->to_string(), $record?->state->value ?? SwitchState::Running->value)
            );
        }
        $outcomes = $this->trials->outcomes_since($scope->to_string(), $record->since);
        if ($outcomes['succeeded'] < 1 || $outcomes['failed'] > 0) {
            throw new Conflict(
                'sophmate_trial_not_clean',
                sprintf(
                    'The trial of %s has %d successful and %d failed run(s) since %s; promotion needs at least one success and no failure.',
                    $scope->to_string(),
                    $outcomes['succeeded'],
                    $outcomes['failed'],
                    $record->since->format('Y-m-d H:i') . ' UTC'
                ),
                $outcomes
            );
        }
        return $this->change('promote', $scope, $actor, $source, $note, $outcomes, function (SwitchBoard $board) use ($scope): ?SwitchBoard {
            if ($board->state_of($scope) !== SwitchState::Trial) {
                throw new Conflict('sophmate_not_in_trial', sprintf('%s left its trial while you were promoting it.', $scope->to_string()));
            }
            return $board->with_record($scope, null);
        });
    }

    /**
     * Puts a category or automation switch back exactly as it was (same record: state, reason,
     * actor, since, trial budget), as a pause drill does when it ends. Only replaces the state the
     * caller left behind ($expected): if someone else changed the switch meanwhile, their change
     * stands and this refuses. Audited as "restore"; fires none of the public pause/restart actions.
     */
    public function restore(Scope $scope, ?SwitchRecord $prior, ?SwitchRecord $expected, Actor $actor, Source $source, string $reason): ChangeResult
    {
        if ($scope->is_global()) {
            throw new InvalidInput('sophmate_invalid_scope', 'Only a category or automation switch can be restored.');
        }
        $reason = Text::note($reason);
        $context = ['restored' => $prior?->state->value ?? SwitchState::Running->value];
        return $this->change('restore', $scope, $actor, $source, $reason, $context, function (SwitchBoard $board) use ($scope, $prior, $expected): ?SwitchBoard {
            $current = $board->record_for($scope);
            if (self::same_record($current, $prior)) {
                return null;
            }
            if (!self::same_record($current, $expected)) {
                throw new Conflict('sophmate_state_changed', sprintf(
                    '%s was changed by someone else (now %s); it was left as they set it.',
                    $scope->to_string(),
                    $current?->state->value ?? SwitchState::Running->value
                ));
            }
            return $board->with_record($scope, $prior);
        });
    }

    private static function same_record(?SwitchRecord $a, ?SwitchRecord $b): bool
    {
        return $a?->to_array() === $b?->to_array();
    }

    /** @param mixed $acknowledged required (all six) when turning safe mode off */
    public function set_safe_mode(SafeModeMode $mode, string $reason, $acknowledged, Actor $actor, Source $source, ?string $incident_url = null, ?RestartReview $review = null): ChangeResult
    {
        $scope = Scope::global();
        if ($mode === SafeModeMode::Off) {
            $reason = Text::note($reason);
            $reviewed = [];
            if ($this->store->load_fresh()->safe_mode->is_on()) {
                Acknowledgements::assert_complete($acknowledged);
                self::assert_note($reason);
                $reviewed = $review?->assert_restartable() ?? [];
            }
            $next = SafeModeRecord::off();
            $context = ['acknowledged' => Acknowledgements::REQUIRED] + $reviewed;
        } else {
            $reason = Text::reason($reason);
            $next = new SafeModeRecord($mode, $reason, $actor, $source, $this->clock->now(), Text::url($incident_url));
            $context = ['incident_url' => $next->incident_url];
        }
        $action = $mode === SafeModeMode::Off ? 'restart' : 'pause';
        return $this->change($action, $scope, $actor, $source, $reason, $context + ['mode' => $mode->value], function (SwitchBoard $board) use ($next): ?SwitchBoard {
            return $board->safe_mode->mode === $next->mode ? null : $board->with_safe_mode($next);
        });
    }

    /**
     * @param array<string,mixed> $context
     * @param callable(SwitchBoard):?SwitchBoard $transition null = already there, nothing to do
     */
    private function change(string $action, Scope $scope, Actor $actor, Source $source, string $reason, array $context, callable $transition): ChangeResult
    {
        for ($attempt = 1; $attempt <= self::MAX_ATTEMPTS; $attempt++) {
            $board = $this->store->load_fresh();
            if ($board->is_corrupt()) {
                throw new StorageUnavailable(
                    'sophmate_state_unreadable',
                    'Switch state is unreadable (' . $board->corruption . '), so it cannot be changed safely. Automation is held meanwhile; restore the sophmate_safe_mode_switches option from a backup, or delete it to start with nothing paused ("wp sophmate repair" says which).'
                );
            }
            $before = self::label($board, $scope);
            $next = $transition($board);
            if ($next === null) {
                return new ChangeResult(false, $scope, $before, $before, $board);
            }
            $after = self::label($next, $scope);
            // The board version orders changes exactly, even when audit appends from several
            // workers land in a different order than their compare-and-swaps did.
            $entry = new AuditEntry($action, $scope->to_string(), $before, $after, $reason, $actor, $source->value, $this->clock->now(), array_filter($context, static fn ($v) => $v !== null) + ['version' => $next->version]);
            $audit_id = $this->swap_and_audit($board, $next, $entry);
            if ($audit_id !== null) {
                foreach ($this->listeners as $listener) {
                    // The real source and audit id win over caller context keys of the same name.
                    $listener->switch_changed($action, $scope, $before, $after, $actor, $reason, ['source' => $source->value, 'audit_id' => $audit_id] + $context);
                }
                return new ChangeResult(true, $scope, $before, $after, $next, $audit_id);
            }
            usleep(random_int(1000, 5000) * min($attempt, 5));
        }
        throw new StorageUnavailable('sophmate_state_busy', 'Switch state is changing too fast to apply this change; try again.');
    }

    /** The swap and its audit entry: both or neither. Null when another writer won the swap. */
    private function swap_and_audit(SwitchBoard $board, SwitchBoard $next, AuditEntry $entry): ?int
    {
        $work = function () use ($board, $next, $entry): ?int {
            return $this->store->swap($board, $next) ? $this->audit->append($entry) : null;
        };
        if ($this->transaction === null) {
            return $work();
        }
        try {
            return $this->transaction->atomically($work);
        } catch (\Throwable $e) {
            // Rolled back: this request must not keep believing the new board it tried to write.
            $this->store->load_fresh();
            throw $e;
        }
    }

    private static function assert_note(string $note): void
    {
        if ($note === '') {
            throw new InvalidInput('sophmate_invalid_note', 'A note is required: say what you reviewed or fixed, so the next operator knows why this was restarted.');
        }
    }

    /** The state name used in audit before/after: safe mode's mode for global, the switch state otherwise. */
    private static function label(SwitchBoard $board, Scope $scope): string
    {
        return $scope->is_global() ? $board->safe_mode->mode->value : $board->state_of($scope)->value;
    }

    private function assert_exists(Scope $scope): void
    {
        if ($scope->kind === Scope::CATEGORY) {
            $this->catalog->category($scope->id);
        } elseif ($scope->kind === Scope::AUTOMATION) {
            $this->catalog->automation($scope->id);
        }
    }

    private function assert_trial_automations(Scope $scope, TrialScope $trial): void
    {
        foreach ($trial->automations as $id) {
            $automation = $this->catalog->automation($id);
            $inside = $scope->kind === Scope::CATEGORY ? $automation->category === $scope->id : $automation->id === $scope->id;
            if (!$inside) {
                throw new InvalidInput('sophmate_invalid_trial_scope', sprintf('Automation "%s" is not part of %s, so it cannot be in its trial.', $id, $scope->to_string()));
            }
        }
    }
}
