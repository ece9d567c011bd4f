<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Readiness;

use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Runs\RunRecord;
use SophMate\SafeMode\Domain\Runs\RunStatus;

/**
 * The read-only runs an operator says they reviewed before taking an automation live. Each must be
 * a succeeded, read-only run of that automation: a review of the wrong run proves nothing.
 */
final class ReviewedRuns
{
    /**
     * Parses run ids from REST (list of ints) or WP-CLI ("1,2,3").
     *
     * @param mixed $input
     * @return list<int>
     */
    public static function parse($input): array
    {
        if ($input === null || $input === '' || $input === []) {
            return [];
        }
        if (is_string($input)) {
            $input = array_map('trim', explode(',', $input));
        }
        if (!is_array($input)) {
            throw new InvalidInput('sophmate_invalid_reviewed_runs', 'reviewed_runs must be a list of run ids.');
        }
        $ids = [];
        foreach ($input as $value) {
            if (is_int($value) && $value > 0) {
                $ids[] = $value;
            } elseif (is_string($value) && preg_match('/^[1-9][0-9]{0,18}$/', $value) === 1) {
                $ids[] = (int) $value;
            } else {
                throw new InvalidInput('sophmate_invalid_reviewed_runs', sprintf('reviewed_runs has an invalid entry "%s": run ids are positive integers.', is_scalar($value) ? mb_substr((string) $value, 0, 40) : gettype($value)));
            }
        }
        if (count($ids) > 200) {
            throw new InvalidInput('sophmate_invalid_reviewed_runs', 'reviewed_runs may name at most 200 runs.');
        }
        return array_values(array_unique($ids));
    }

    /**
     * Refuses ids that are not succeeded read-only runs of the automation, naming each and why.
     *
     * @param list<int> $ids
     * @param array<int,RunRecord|null> $records by id; null when no such run exists
     * @return list<int> the verified ids
     */
    public static function verify(string $automation_id, array $ids, array $records): array
    {
        $problems = [];
        foreach ($ids as $id) {
            $run = $records[$id] ?? null;
            $why = match (true) {
                $run === null => 'does not exist',
                $run->automation !== $automation_id => sprintf('belongs to "%s"', $run->automation),
                !$run->read_only => 'was not a read-only run',
                $run->status !== RunStatus::Succeeded => sprintf('did not succeed (%s)', $run->status->value),
                default => null,
            };
            if ($why !== null) {
                $problems[] = sprintf('run #%d %s', $id, $why);
            }
        }
        if ($problems !== []) {
            throw new InvalidInput(
                'sophmate_invalid_reviewed_runs',
                sprintf('reviewed_runs must be succeeded read-only runs of "%s": %s.', $automation_id, implode('; ', $problems))
            );
        }
        return $ids;
    }
}
