<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain;

use SophMate\SafeMode\Domain\Exception\InvalidInput;

/**
 * Free text from operators (reasons, notes) is stored as given, minus control characters, and escaped on output.
 */
final class Text
{
    public const MAX_REASON = 500;
    public const MAX_NOTE = 2000;

    public static function clean(string $text): string
    {
        $text = preg_replace('/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/u', '', $text) ?? '';
        return trim($text);
    }

    public static function clip(string $text, int $max): string
    {
        return mb_strlen($text) > $max ? mb_substr($text, 0, $max) . '…' : $text;
    }

    public static function reason(string $reason, bool $required = true): string
    {
        if (!mb_check_encoding($reason, 'UTF-8')) {
            throw new InvalidInput('sophmate_invalid_reason', 'The reason must be valid UTF-8 text.');
        }
        $reason = self::clean($reason);
        if ($required && $reason === '') {
            throw new InvalidInput(
                'sophmate_invalid_reason',
                'A reason is required: say what went wrong so the next operator knows why this was paused.'
            );
        }
        if (mb_strlen($reason) > self::MAX_REASON) {
            throw new InvalidInput(
                'sophmate_invalid_reason',
                sprintf('The reason is %d characters long; keep it to %d and link details with incident_url.', mb_strlen($reason), self::MAX_REASON)
            );
        }
        return $reason;
    }

    public static function note(string $note): string
    {
        if (!mb_check_encoding($note, 'UTF-8')) {
            throw new InvalidInput('sophmate_invalid_note', 'The note must be valid UTF-8 text.');
        }
        $note = self::clean($note);
        if (mb_strlen($note) > self::MAX_NOTE) {
            throw new InvalidInput('sophmate_invalid_note', sprintf('The note is longer than %d characters.', self::MAX_NOTE));
        }
        return $note;
    }

    public const MAX_FILTER = 200;

    /**
     * A list filter (scope, category, action, …) as typed into a query string or a shell. Stored
     * values are valid UTF-8 of bounded length, so anything else could match nothing; refusing it
     * names the problem instead of letting the database refuse the query ("contains invalid data").
     */
    public static function filter(?string $value, string $name): ?string
    {
        if ($value !== null && (!mb_check_encoding($value, 'UTF-8') || strlen($value) > self::MAX_FILTER)) {
            throw new InvalidInput('sophmate_invalid_filter', sprintf('The %s filter must be valid UTF-8 text of at most %d bytes.', $name, self::MAX_FILTER));
        }
        return $value;
    }

    public static function url(?string $url, string $field = 'incident_url'): ?string
    {
        if ($url === null || trim($url) === '') {
            return null;
        }
        $url = trim($url);
        $scheme = strtolower((string) parse_url($url, PHP_URL_SCHEME));
        if (strlen($url) > 2000 || !in_array($scheme, ['http', 'https'], true) || filter_var($url, FILTER_VALIDATE_URL) === false) {
            throw new InvalidInput('sophmate_invalid_' . str_replace('.', '_', $field), $field . ' must be an http(s) URL.');
        }
        return $url;
    }
}
