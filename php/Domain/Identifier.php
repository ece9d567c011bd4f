<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain;

use SophMate\SafeMode\Domain\Exception\InvalidInput;

/**
 * Slugs and automation ids share one shape so they are safe in option keys, URLs, scopes and CLI arguments.
 */
final class Identifier
{
    public const PATTERN = '/^[a-z0-9][a-z0-9_-]{0,63}$/';

    public static function is_valid(string $id): bool
    {
        return preg_match(self::PATTERN, $id) === 1;
    }

    public static function assert_valid(string $id, string $what): string
    {
        if (!self::is_valid($id)) {
            throw new InvalidInput(
                'sophmate_invalid_' . $what,
                sprintf(
                    'Invalid %s id "%s": use 1-64 lowercase letters, digits, "-" or "_", starting with a letter or digit.',
                    $what,
                    Text::clip($id, 80)
                )
            );
        }
        return $id;
    }
}
