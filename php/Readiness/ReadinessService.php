<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Readiness;

use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Audit\AuditEntry;
use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Config\AutomationMode;
use SophMate\SafeMode\Domain\Drills\DrillOutcome;
use SophMate\SafeMode\Domain\Exception\Conflict;
use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Readiness\OwnershipCheck;
use SophMate\SafeMode\Domain\Readiness\OwnershipProblem;
use SophMate\SafeMode\Domain\Readiness\ReadinessFacts;
use SophMate\SafeMode\Domain\Readiness\ReadinessGate;
use SophMate\SafeMode\Domain\Readiness\ReviewedRuns;
use SophMate\SafeMode\Domain\Text;
use SophMate\SafeMode\Services;

/**
 * WordPress side of the readiness gate: gathers the facts (owner, drill, read-only runs), applies
 * and audits mode changes, and describes readiness for REST, WP-CLI and the admin.
 * One instance per request is enough; it caches what it read.
 */
final class ReadinessService
{
    private readonly ReadinessGate $gate;
    private readonly OwnerStandings $owners;
    private readonly ReadOnlyRuns $runs;
    /** @var array<string,DrillOutcome|null> */
    private array $drills = [];

    public function __construct(private readonly Services $services)
    {
        $this->gate = new ReadinessGate();
        $this->owners = new OwnerStandings();
        $this->runs = new ReadOnlyRuns($services);
    }

    public function runs(): ReadOnlyRuns
    {
        return $this->runs;
    }

    public function facts(AutomationDefinition $automation, int $reviewed = 0): ReadinessFacts
    {
        return new ReadinessFacts(
            $this->owners->of($automation->owner_id),
            $this->drill($automation->category),
            $this->runs->count($automation->id),
            $this->required_runs(),
            $reviewed,
        );
    }

    public function required_runs(): int
    {
        return max(1, $this->services->settings->int('read_only_runs_before_live'));
    }

    private function drill(string $category): ?DrillOutcome
    {
        if (!array_key_exists($category, $this->drills)) {
            $this->drills[$category] = $this->services->drills->latest($category);
        }
        return $this->drills[$category];
    }

    /** @return array<string,mixed> the readiness block of GET /automations/{id} and GET /status */
    public function view(AutomationDefinition $automation): array
    {
        $facts = $this->facts($automation);
        $drill = $facts->drill;
        return $this->gate->assess($automation, $facts)->to_array() + [
            'read_only_runs' => ['succeeded' => $facts->succeeded_read_only_runs, 'required' => $facts->required_runs],
            'drill' => $drill === null ? null : [
                'id' => $drill->id,
                'passed' => $drill->passed,
                'covers' => $drill->covers($automation->id),
                'finished_at' => $drill->finished_at->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d\TH:i:s\Z'),
                'environment' => $drill->environment,
            ],
            'environment' => wp_get_environment_type(),
            'mode_from_code' => $automation->origin !== 'admin',
        ];
    }

    /**
     * Refuses a change of $before's mode to $after's unless the gate allows it. Reviewed run ids
     * are verified first: naming a run that proves nothing is an input error, not a readiness gap.
     *
     * @param mixed $reviewed_input run ids from the request
     * @return list<int> the verified reviewed run ids
     */
    public function check(AutomationDefinition $after, AutomationMode $from, $reviewed_input): array
    {
        $reviewed = ReviewedRuns::verify($after->id, $ids = ReviewedRuns::parse($reviewed_input), $this->runs->records($ids));
        $this->gate->check($after, $from, $after->mode, $this->facts($after, count($reviewed)));
        return $reviewed;
    }

    /**
     * The operator-initiated mode change (REST POST …/mode, WP-CLI set-mode): checked, stored, audited.
     *
     * @param mixed $reviewed_input
     * @return array{changed:bool,before:string,automation:AutomationDefinition}
     */
    public function change_mode(string $id, string $mode, $reviewed_input, string $note, Actor $actor, string $source): array
    {
        $target = AutomationMode::tryFrom($mode) ?? throw new InvalidInput('sophmate_invalid_mode', 'mode must be draft, read_only or live.');
        $note = Text::note($note);
        $before = $this->services->catalog->automation($id);
        if ($before->origin !== 'admin') {
            throw new Conflict('sophmate_automation_from_code', sprintf('"%s" is registered by code; its mode is set where it is registered (the readiness panel still shows what it lacks).', $id));
        }
        if ($before->mode === $target) {
            return ['changed' => false, 'before' => $before->mode->value, 'automation' => $before];
        }
        $after = AutomationDefinition::from_array(['mode' => $target->value] + $before->to_array());
        $reviewed = $this->check($after, $before->mode, $reviewed_input);
        $this->store($before, $after);
        $this->audit_mode($before->mode, $after, $reviewed, $note, $actor, $source);
        return ['changed' => true, 'before' => $before->mode->value, 'automation' => $after];
    }

    private function store(AutomationDefinition $before, AutomationDefinition $after): void
    {
        $this->services->catalog->remove_automation($before->id);
        $this->services->catalog->add_automation($after);
        $this->services->stored_automations->save($after);
    }

    /**
     * One audit event per mode change, with the evidence it was made on: the reviewed runs and
     * the drill that allowed a step up, and the environment it happened in.
     *
     * @param list<int> $reviewed
     */
    public function audit_mode(AutomationMode $from, AutomationDefinition $after, array $reviewed, string $note, Actor $actor, string $source): void
    {
        $drill = $this->drill($after->category);
        $context = ['environment' => wp_get_environment_type()];
        if ($after->mode === AutomationMode::Live) {
            $context['reviewed_runs'] = $reviewed;
            $context['drill_id'] = $drill?->id;
        }
        $this->services->audit->append(new AuditEntry(
            'mode',
            'automation:' . $after->id,
            $from->value,
            $after->mode->value,
            $note,
            $actor,
            $source,
            $this->services->clock->now(),
            $context
        ));
    }

    /** @return list<OwnershipProblem> */
    public function problems(): array
    {
        return (new OwnershipCheck($this->owners->resolver()))->problems($this->services->catalog->categories(), $this->services->catalog->automations());
    }
}
