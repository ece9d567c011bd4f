<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Readiness;

use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Config\AutomationMode;

/**
 * The production readiness gate: draft → read_only → live, one step at a time.
 *
 * To read_only: the whole production checklist (trigger, owner, input data, output, approval,
 * retry, failure notification, kill switch) and an owner who exists and may pause it.
 * To live: all of that, plus a passed pause drill of its category that covered this automation,
 * and at least N successful read-only runs that the operator says they reviewed.
 * Going down is always allowed: making automation safer must never wait for paperwork.
 */
final class ReadinessGate
{
    public const CHECKLIST_LABELS = [
        'trigger' => 'Trigger',
        'input_data' => 'Input data',
        'output' => 'Output',
        'approval' => 'Approval requirement',
        'retry' => 'Retry behaviour',
        'failure_notification' => 'Failure notification',
    ];

    private const ORDER = ['draft' => 0, 'read_only' => 1, 'live' => 2];

    /** Where the automation stands and what it lacks for its next step (reviews not yet named). */
    public function assess(AutomationDefinition $automation, ReadinessFacts $facts): Readiness
    {
        $next = match ($automation->mode) {
            AutomationMode::Draft => AutomationMode::ReadOnly,
            AutomationMode::ReadOnly => AutomationMode::Live,
            AutomationMode::Live => null,
        };
        return new Readiness($automation->mode, $next, $next === null ? [] : $this->missing_for($automation, $next, $facts));
    }

    /**
     * Refuses a mode change the automation is not ready for, naming everything missing.
     * $automation is the definition as it will be (a PATCH may fill the checklist in the same request).
     */
    public function check(AutomationDefinition $automation, AutomationMode $from, AutomationMode $to, ReadinessFacts $facts): void
    {
        if (self::ORDER[$to->value] <= self::ORDER[$from->value]) {
            return;
        }
        $missing = [];
        if ($from === AutomationMode::Draft && $to === AutomationMode::Live) {
            $missing[] = new MissingItem('read_only_step', 'Run it in read-only mode first: an automation goes draft → read-only → live, one step at a time.');
        }
        $missing = array_merge($missing, $this->missing_for($automation, $to, $facts));
        if ($missing !== []) {
            throw new NotReady(
                sprintf(
                    '"%s" cannot go %s yet. Missing: %s',
                    $automation->id,
                    $to === AutomationMode::Live ? 'live' : 'read-only',
                    implode('; ', array_map(static fn (MissingItem $item): string => $item->label, $missing))
                ),
                $missing
            );
        }
    }

    /** @return list<MissingItem> */
    private function missing_for(AutomationDefinition $automation, AutomationMode $target, ReadinessFacts $facts): array
    {
        $missing = $this->checklist($automation, $facts);
        if ($target === AutomationMode::Live) {
            $missing = array_merge($missing, $this->drill($automation, $facts), $this->runs($facts));
        }
        return $missing;
    }

    /** @return list<MissingItem> */
    private function checklist(AutomationDefinition $automation, ReadinessFacts $facts): array
    {
        $missing = [];
        foreach (self::CHECKLIST_LABELS as $field => $label) {
            // A retry policy configured on the automation describes its retry behaviour by itself.
            $described = trim((string) ($automation->checklist[$field] ?? '')) !== '' || ($field === 'retry' && $automation->retry !== null);
            if (!$described) {
                $missing[] = new MissingItem('checklist.' . $field, sprintf('Checklist: describe the %s.', strtolower($label)));
            }
        }
        $owner = match ($facts->owner) {
            OwnerStanding::None => new MissingItem('owner', 'Name an owner: a user who can pause it.'),
            OwnerStanding::Deleted => new MissingItem('owner_deleted', sprintf('The owner (user #%d) no longer exists: name another owner.', (int) $automation->owner_id)),
            OwnerStanding::CannotPause => new MissingItem('owner_capability', sprintf('The owner (user #%d) cannot pause automation: give them the sophmate_pause_automation capability or name another owner.', (int) $automation->owner_id)),
            OwnerStanding::Ok => null,
        };
        if ($owner !== null) {
            $missing[] = $owner;
        }
        if (!self::has_kill_switch($automation)) {
            $missing[] = new MissingItem('kill_switch', 'Kill switch: bind a cron hook, REST route or provider (or register it in code and run it through sophmate_safe_mode_start_run) so a pause can stop it.');
        }
        return $missing;
    }

    /**
     * A pause only stops what runs through the plugin: a code-registered automation asks the gate
     * through sophmate_safe_mode_start_run; an admin-created one is stopped only at its bindings.
     */
    public static function has_kill_switch(AutomationDefinition $automation): bool
    {
        return $automation->origin === 'code'
            || $automation->cron_hooks !== []
            || $automation->rest_routes !== []
            || $automation->providers !== [];
    }

    /** @return list<MissingItem> */
    private function drill(AutomationDefinition $automation, ReadinessFacts $facts): array
    {
        $drill = $facts->drill;
        if ($drill === null) {
            return [new MissingItem('drill', sprintf('Run a pause drill of the category "%s".', $automation->category))];
        }
        if (!$drill->passed) {
            return [new MissingItem('drill_failed', sprintf('The last pause drill of "%s" (#%d, %s) failed: fix it and run the drill again.', $automation->category, $drill->id, $drill->finished_at->format('Y-m-d H:i') . ' UTC'))];
        }
        if (!$drill->covers($automation->id)) {
            return [new MissingItem('drill_coverage', sprintf('The last pause drill of "%s" (#%d) did not cover "%s": run the drill again now that it is bound.', $automation->category, $drill->id, $automation->id))];
        }
        return [];
    }

    /** @return list<MissingItem> */
    private function runs(ReadinessFacts $facts): array
    {
        $n = max(1, $facts->required_runs);
        if ($facts->succeeded_read_only_runs < $n) {
            return [new MissingItem('read_only_runs', sprintf('%d successful read-only runs (%d so far).', $n, $facts->succeeded_read_only_runs))];
        }
        if ($facts->reviewed_runs < $n) {
            return [new MissingItem('reviewed_runs', sprintf('Review at least %d successful read-only runs (%d reviewed).', $n, $facts->reviewed_runs))];
        }
        return [];
    }
}
