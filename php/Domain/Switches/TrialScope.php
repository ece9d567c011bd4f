<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Switches;

use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Identifier;

/**
 * The narrow scope a restart runs under until it is promoted: which automations may run,
 * how many runs in all, and whether they may write.
 */
final class TrialScope
{
    public const MAX_RUNS_LIMIT = 10000;

    /** @param list<string> $automations empty = every automation in the scope */
    public function __construct(
        public readonly array $automations = [],
        public readonly ?int $max_runs = null,
        public readonly bool $read_only = false,
        public readonly string $note = '',
    ) {
    }

    /** @param array<string,mixed> $input */
    public static function from_input(array $input, string $note): self
    {
        $automations = $input['automations'] ?? [];
        if (!is_array($automations)) {
            throw new InvalidInput('sophmate_invalid_trial_scope', 'scope.automations must be a list of automation ids.');
        }
        $ids = [];
        foreach ($automations as $id) {
            if (!is_string($id)) {
                throw new InvalidInput('sophmate_invalid_trial_scope', 'scope.automations must be a list of automation ids.');
            }
            $ids[] = Identifier::assert_valid($id, 'automation');
        }
        $max_runs = $input['max_runs'] ?? null;
        if ($max_runs !== null && (!is_int($max_runs) || $max_runs < 1 || $max_runs > self::MAX_RUNS_LIMIT)) {
            throw new InvalidInput(
                'sophmate_invalid_trial_scope',
                sprintf('scope.max_runs must be a whole number from 1 to %d.', self::MAX_RUNS_LIMIT)
            );
        }
        $read_only = $input['read_only'] ?? false;
        if (!is_bool($read_only)) {
            throw new InvalidInput('sophmate_invalid_trial_scope', 'scope.read_only must be true or false.');
        }
        return new self(array_values(array_unique($ids)), $max_runs, $read_only, $note);
    }

    public function includes(string $automation_id): bool
    {
        return $this->automations === [] || in_array($automation_id, $this->automations, true);
    }

    /** @return array{automations:list<string>,max_runs:int|null,read_only:bool,note:string} */
    public function to_array(): array
    {
        return [
            'automations' => $this->automations,
            'max_runs' => $this->max_runs,
            'read_only' => $this->read_only,
            'note' => $this->note,
        ];
    }

    /** @param array<string,mixed> $data */
    public static function from_array(array $data): self
    {
        return new self(
            array_values(array_map('strval', (array) ($data['automations'] ?? []))),
            isset($data['max_runs']) ? (int) $data['max_runs'] : null,
            (bool) ($data['read_only'] ?? false),
            (string) ($data['note'] ?? ''),
        );
    }
}
