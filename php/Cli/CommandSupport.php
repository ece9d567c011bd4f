<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cli;

use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Exception\SafeModeException;
use SophMate\SafeMode\Services;
use SophMate\SafeMode\Support\CsvCell;

/**
 * What every command shares: the actor (the --user WP-CLI was given, else "cli"), reporting a
 * domain refusal as a WP-CLI error with its code, and list output in the requested format.
 */
abstract class CommandSupport
{
    public const FORMATS = ['table', 'json', 'csv', 'yaml'];

    public function __construct(protected readonly Services $services)
    {
    }

    protected function actor(): Actor
    {
        return $this->services->actors->current('cli');
    }

    /** @param callable():void $action */
    protected function guarded(callable $action): void
    {
        try {
            $action();
        } catch (SafeModeException $e) {
            \WP_CLI::error(sprintf('%s (%s)', $e->getMessage(), $e->error_code()));
        }
    }

    /**
     * @param array<string,mixed> $assoc_args
     * @param list<array<string,mixed>> $items
     * @param list<string> $fields
     */
    protected function output(array $assoc_args, array $items, array $fields): void
    {
        $format = (string) ($assoc_args['format'] ?? 'table');
        if (!in_array($format, self::FORMATS, true)) {
            \WP_CLI::error(sprintf('Unknown --format "%s"; use one of %s.', $format, implode(', ', self::FORMATS)));
            return;
        }
        if (isset($assoc_args['fields'])) {
            $wanted = array_values(array_filter(array_map('trim', explode(',', (string) $assoc_args['fields']))));
            $available = $items === [] ? $fields : array_keys($items[0]);
            $unknown = array_diff($wanted, $available);
            if ($wanted === [] || $unknown !== []) {
                \WP_CLI::error(sprintf('Unknown --fields %s; available: %s.', implode(', ', $unknown), implode(', ', $available)));
                return;
            }
            $fields = $wanted;
        }
        $rows = array_map(static function (array $item): array {
            return array_map(static fn ($v) => is_scalar($v) || $v === null ? $v : (string) wp_json_encode($v), $item);
        }, $items);
        if ($format === 'csv') {
            // A CSV is opened in spreadsheets: a reason like "=HYPERLINK(...)" must stay text.
            $rows = array_map([CsvCell::class, 'row'], $rows);
        }
        \WP_CLI\Utils\format_items($format, $rows, $fields);
    }

    /** @param mixed $actor */
    protected static function who($actor): string
    {
        return is_array($actor) ? (string) ($actor['login'] ?? '') : 'system';
    }
}
