<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Drills;

use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Runs\RunStatus;
use SophMate\SafeMode\Run;
use SophMate\SafeMode\Storage\RunRepository;
use SophMate\SafeMode\Storage\Schema\Schema;

/**
 * Keeps the run history honest about drills: runs the gates recorded while a probe was exercised
 * get the trigger "drill", and a run a failing gate let start is closed as cancelled (only the
 * probe ran, never the real work), so it neither looks like real work nor uses up a trial budget.
 */
final class ProbeRuns
{
    public const TRIGGER = 'drill';

    public function __construct(
        private readonly \wpdb $db,
        private readonly Schema $schema,
        private readonly RunRepository $runs,
        private readonly Clock $clock,
    ) {
    }

    public static function for(\SophMate\SafeMode\Services $services): self
    {
        global $wpdb;
        return new self($wpdb, $services->schema, $services->runs, $services->clock);
    }

    /** The newest run id now: runs after it were recorded while the probe ran. */
    public function mark(): int
    {
        return (int) $this->db->get_var("SELECT COALESCE(MAX(id), 0) FROM {$this->schema->runs_table()}"); // phpcs:ignore
    }

    /**
     * Tags the runs recorded since $mark for these automations as drill runs.
     *
     * @param list<string> $automations
     */
    public function tag_since(int $mark, array $automations): void
    {
        if ($automations === []) {
            return;
        }
        $in = implode(',', array_fill(0, count($automations), '%s'));
        $started = RunStatus::started();
        $status_in = implode(',', array_fill(0, count($started), '%s'));
        $this->db->query($this->db->prepare(
            "UPDATE {$this->schema->runs_table()} SET status = %s, finished_at = COALESCE(finished_at, %s), error = COALESCE(error, %s) WHERE id > %d AND automation IN ({$in}) AND status IN ({$status_in})",
            RunStatus::Cancelled->value,
            $this->clock->now()->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d H:i:s'),
            'Pause drill probe: the gate let this start, but only the drill probe ran, never the real work.',
            $mark,
            ...array_merge($automations, $started)
        ));
        $this->db->query($this->db->prepare(
            "UPDATE {$this->schema->runs_table()} SET run_trigger = %s WHERE id > %d AND automation IN ({$in})",
            self::TRIGGER,
            $mark,
            ...$automations
        ));
    }

    /** A probe run the gate allowed is closed at once; a refused one is already final. */
    public function settle(Run $run): void
    {
        if ($run->is_allowed() && $run->id() > 0) {
            $run->succeed();
            $this->runs->finish($run->id(), RunStatus::Cancelled, $this->clock->now(), null, 'Pause drill probe: the gate let this start; nothing else ran.', []);
        }
    }
}
