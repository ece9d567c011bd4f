<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Support;

/**
 * One CSV cell that a spreadsheet will show as text. Excel, LibreOffice and Google Sheets run a
 * cell starting with = + - @ (or a tab or carriage return before one) as a formula, so an
 * operator's pause reason could become a formula that leaks data or runs a command when someone
 * opens the export. Such cells get a leading apostrophe, which spreadsheets show as plain text.
 */
final class CsvCell
{
    private const FORMULA_STARTS = ['=', '+', '-', '@', "\t", "\r"];

    /** @param mixed $value a scalar, null, or anything JSON-encodable */
    public static function safe($value): string
    {
        if ($value === null || is_bool($value)) {
            $value = $value === null ? '' : ($value ? '1' : '0');
        } elseif (is_int($value) || is_float($value)) {
            // Numbers are data, not formulas: a negative amount stays a number.
            return (string) $value;
        } elseif (!is_string($value)) {
            $value = (string) json_encode($value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
        }
        return $value !== '' && in_array($value[0], self::FORMULA_STARTS, true) ? "'" . $value : $value;
    }

    /**
     * @param array<array-key,mixed> $row
     * @return array<array-key,string>
     */
    public static function row(array $row): array
    {
        return array_map([self::class, 'safe'], $row);
    }
}
