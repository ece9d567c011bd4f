<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Switches;

use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Exception\ReviewIncomplete;

/** The six things an operator must say they reviewed before automation starts again. */
final class Acknowledgements
{
    public const REQUIRED = ['run_history', 'failed_steps', 'audit_records', 'pending_approvals', 'provider_status', 'affected_records'];

    /**
     * @param mixed $given
     * @return list<string>
     */
    public static function assert_complete($given): array
    {
        if ($given === null) {
            $given = [];
        }
        if (!is_array($given)) {
            throw new InvalidInput('sophmate_invalid_acknowledgements', 'acknowledged must be a list of review items.');
        }
        $given = array_values(array_filter($given, 'is_string'));
        $unknown = array_values(array_diff($given, self::REQUIRED));
        if ($unknown !== []) {
            throw new InvalidInput(
                'sophmate_invalid_acknowledgements',
                sprintf('Unknown acknowledgement(s): %s. Known: %s.', implode(', ', array_map(static fn ($s) => mb_substr($s, 0, 40), $unknown)), implode(', ', self::REQUIRED))
            );
        }
        $missing = array_values(array_diff(self::REQUIRED, $given));
        if ($missing !== []) {
            throw new ReviewIncomplete(
                'sophmate_review_incomplete',
                sprintf('The restart review is incomplete: acknowledge %s after reviewing them.', implode(', ', $missing)),
                ['missing' => $missing]
            );
        }
        return self::REQUIRED;
    }
}
