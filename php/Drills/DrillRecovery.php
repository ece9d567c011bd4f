<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Drills;

use SophMate\SafeMode\Admin\ConsoleUrls;
use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Config\Category;
use SophMate\SafeMode\Domain\Config\PausePolicy;
use SophMate\SafeMode\Domain\Drills\DrillPlan;
use SophMate\SafeMode\Domain\Drills\DrillReport;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\Source;
use SophMate\SafeMode\Domain\Switches\SwitchRecord;
use SophMate\SafeMode\Domain\Switches\SwitchState;
use SophMate\SafeMode\Services;

/**
 * A PHP process can die in the middle of a drill (fatal error, timeout, killed worker) with the
 * category still paused by the drill. The drill's row says what to restore: after a few minutes
 * such a drill is taken as abandoned, its category put back and the drill recorded as failed.
 */
final class DrillRecovery
{
    /** A drill takes seconds; one still "running" after this long is not running any more. */
    public const ABANDONED_AFTER_SECONDS = 300;

    public function __construct(private readonly Services $services)
    {
    }

    /**
     * On every request, for the price of looking at the switch board this request loads anyway:
     * only a category paused by a drill long ago makes it touch the database.
     */
    public function on_request(): void
    {
        $board = $this->services->switch_store->load();
        $cutoff = $this->cutoff();
        foreach ($board->categories as $slug => $record) {
            if ($record->source === Source::Drill && $record->since < $cutoff) {
                $this->recover((string) $slug);
            }
        }
    }

    /**
     * Recovers every abandoned drill (of one category, or all); returns how many.
     */
    public function recover(?string $category = null): int
    {
        $cutoff = $this->cutoff();
        $count = 0;
        foreach ($this->services->drills->running($category) as $row) {
            if (new \DateTimeImmutable((string) $row['started_at']) >= $cutoff) {
                continue;
            }
            $this->recover_one($row);
            $count++;
        }
        return $count;
    }

    /** @param array<string,mixed> $row */
    private function recover_one(array $row): void
    {
        $id = (int) $row['id'];
        $slug = (string) $row['category'];
        $scope = Scope::category($slug);
        $stored = (array) $row['report'];
        $prior = is_array($stored['_prior_record'] ?? null) ? SwitchRecord::from_array($stored['_prior_record']) : null;
        $prior_state = (string) ($stored['_prior_state'] ?? SwitchState::Running->value);
        $actor = Actor::system('drill-recovery');
        $board = $this->services->switch_store->load_fresh();
        $current = $board->record_for($scope);
        // Only the drill's own pause is undone; a state someone else set since then stands.
        $expected = $current !== null && $current->source === Source::Drill ? $current : $prior;
        $detail = '';
        try {
            $this->services->switches->restore($scope, $prior, $expected, $actor, Source::Drill, sprintf('Pause drill #%d was abandoned; its prior state was restored.', $id));
        } catch (\Throwable $e) {
            $detail = ' ' . $e->getMessage();
        }
        $this->services->switch_store->forget();
        $now = $this->services->switch_store->load_fresh()->record_for($scope);
        $category = $this->services->catalog->has_category($slug)
            ? $this->services->catalog->category($slug)
            : new Category($slug, $slug, '', false, null, null, new PausePolicy());
        $plan = DrillPlan::for($category, array_values(array_filter(
            $this->services->catalog->automations_in($slug),
            static fn ($a): bool => in_array($a->id, (array) ($stored['_automations'] ?? []), true)
        )));
        $runner = new DrillRunner($this->services, ProbeRuns::for($this->services));
        $report = new DrillReport(
            $id,
            $plan,
            [],
            (string) $row['environment'],
            new \DateTimeImmutable((string) $row['started_at']),
            $this->services->clock->now(),
            is_array($stored['_actor'] ?? null) ? $stored['_actor'] : null,
            $prior_state,
            $now?->state->value ?? SwitchState::Running->value,
            $now?->to_array() === $prior?->to_array(),
            'the process running it stopped before it finished (fatal error, timeout or killed worker); recovery put the prior state back.' . $detail,
            $runner->people($plan),
            ConsoleUrls::category($slug),
        );
        $runner->finish($report, $scope, $actor);
    }

    private function cutoff(): \DateTimeImmutable
    {
        return $this->services->clock->now()->modify('-' . self::ABANDONED_AFTER_SECONDS . ' seconds');
    }
}
