<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Readiness;

use SophMate\SafeMode\Domain\Runs\RunRecord;
use SophMate\SafeMode\Domain\Runs\RunStatus;
use SophMate\SafeMode\Services;

/** The succeeded read-only runs each automation has: what an operator reviews before going live. */
final class ReadOnlyRuns
{
    /** @var array<string,int>|null automation id => count, one grouped query per request */
    private ?array $counts = null;

    public function __construct(private readonly Services $services)
    {
    }

    public function count(string $automation_id): int
    {
        if ($this->counts === null) {
            global $wpdb;
            $table = $this->services->schema->runs_table();
            $rows = $wpdb->get_results(
                $wpdb->prepare("SELECT automation, COUNT(*) AS n FROM {$table} WHERE status = %s AND read_only = 1 GROUP BY automation", RunStatus::Succeeded->value), // phpcs:ignore
                ARRAY_A
            );
            $this->counts = [];
            foreach (is_array($rows) ? $rows : [] as $row) {
                $this->counts[(string) $row['automation']] = (int) $row['n'];
            }
        }
        return $this->counts[$automation_id] ?? 0;
    }

    /**
     * The newest succeeded read-only runs of an automation, the candidates to review.
     *
     * @return list<RunRecord>
     */
    public function candidates(string $automation_id, int $limit = 50): array
    {
        global $wpdb;
        $table = $this->services->schema->runs_table();
        $ids = $wpdb->get_col($wpdb->prepare(
            "SELECT id FROM {$table} WHERE automation = %s AND status = %s AND read_only = 1 ORDER BY id DESC LIMIT %d", // phpcs:ignore
            $automation_id,
            RunStatus::Succeeded->value,
            $limit
        ));
        return array_values(array_filter(array_map(fn ($id): ?RunRecord => $this->services->runs->get((int) $id), is_array($ids) ? $ids : [])));
    }

    /**
     * @param list<int> $ids
     * @return array<int,RunRecord|null>
     */
    public function records(array $ids): array
    {
        $records = [];
        foreach ($ids as $id) {
            $records[$id] = $this->services->runs->get($id);
        }
        return $records;
    }
}
