<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Cadence;

use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Text;

/** A review marked done: who, when, their note and what they looked at. */
final class ReviewRecord
{
    /** What a reviewer can say they checked (the evidence of the restart review, plus owners and the drill). */
    public const ITEMS = ['runs', 'failed_steps', 'audit', 'providers', 'affected_records', 'owners', 'drill'];

    /** @param list<string> $reviewed */
    public function __construct(
        public readonly \DateTimeImmutable $at,
        public readonly Actor $actor,
        public readonly string $note,
        public readonly array $reviewed,
    ) {
    }

    /**
     * Validates operator input: a note is required (a review nobody can explain is no review),
     * and every reviewed item must be a known one.
     *
     * @param mixed $note
     * @param mixed $reviewed
     */
    public static function from_input($note, $reviewed, Actor $actor, \DateTimeImmutable $at): self
    {
        if (!is_string($note) || Text::clean($note) === '') {
            throw new InvalidInput('sophmate_invalid_note', 'note is required: say what you reviewed and what you found.');
        }
        $note = Text::note($note);
        if ($reviewed === null || $reviewed === '') {
            $reviewed = [];
        }
        if (is_string($reviewed)) {
            $reviewed = array_map('trim', explode(',', $reviewed));
        }
        if (!is_array($reviewed)) {
            throw new InvalidInput('sophmate_invalid_reviewed', 'reviewed must be a list of: ' . implode(', ', self::ITEMS) . '.');
        }
        $items = [];
        foreach ($reviewed as $item) {
            if (!is_string($item) || !in_array($item, self::ITEMS, true)) {
                throw new InvalidInput(
                    'sophmate_invalid_reviewed',
                    sprintf('reviewed holds "%s"; known items: %s.', Text::clip(is_scalar($item) ? (string) $item : gettype($item), 40), implode(', ', self::ITEMS))
                );
            }
            $items[] = $item;
        }
        return new self($at, $actor, $note, array_values(array_unique($items)));
    }

    /** @return array{at:string,actor:?array{id:int,login:string,name:string},note:string,reviewed:list<string>} */
    public function to_array(): array
    {
        return ['at' => Times::iso($this->at), 'actor' => $this->actor->to_array(), 'note' => $this->note, 'reviewed' => $this->reviewed];
    }

    /** @param array<string,mixed> $data */
    public static function from_array(array $data): ?self
    {
        $at = Times::parse($data['at'] ?? null);
        if ($at === null) {
            return null;
        }
        $items = array_values(array_filter((array) ($data['reviewed'] ?? []), static fn ($i): bool => is_string($i) && in_array($i, self::ITEMS, true)));
        return new self($at, Actor::from_array($data['actor'] ?? null), (string) ($data['note'] ?? ''), $items);
    }
}
