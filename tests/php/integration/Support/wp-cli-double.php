<?php

/**
 * A small stand-in for WP-CLI's public API (WP-CLI itself cannot be installed here), so command
 * classes can be exercised inside the test WordPress. It records output instead of printing, and
 * WP_CLI::error() throws like the real one halts. Never shipped; loaded only by integration tests.
 */

declare(strict_types=1);

namespace WP_CLI {
    final class ExitException extends \RuntimeException
    {
    }
}

namespace WP_CLI\Utils {
    /**
     * @param list<array<string,mixed>> $items
     * @param list<string>|string $fields
     */
    function format_items(string $format, array $items, $fields): void
    {
        $fields = is_string($fields) ? explode(',', $fields) : $fields;
        $rows = array_map(static fn (array $item): array => array_intersect_key(array_merge(array_fill_keys($fields, null), $item), array_flip($fields)), $items);
        \WP_CLI::$formatted[] = ['format' => $format, 'rows' => $rows, 'fields' => $fields];
        \WP_CLI::line($format === 'json' ? (string) json_encode($rows) : implode("\t", $fields));
    }
}

namespace {
    final class WP_CLI
    {
        /** @var list<array{string,string}> */
        public static array $output = [];
        /** @var list<array{format:string,rows:list<array<string,mixed>>,fields:list<string>}> */
        public static array $formatted = [];
        /** @var array<string,object> */
        public static array $commands = [];

        public static function reset(): void
        {
            self::$output = [];
            self::$formatted = [];
        }

        public static function add_command(string $name, object $command): void
        {
            self::$commands[$name] = $command;
        }

        public static function success(string $message): void
        {
            self::$output[] = ['success', $message];
        }

        public static function warning(string $message): void
        {
            self::$output[] = ['warning', $message];
        }

        public static function line(string $message = ''): void
        {
            self::$output[] = ['line', $message];
        }

        public static function log(string $message): void
        {
            self::$output[] = ['log', $message];
        }

        /** @param mixed $value */
        public static function print_value($value, array $assoc_args = []): void
        {
            self::$output[] = ['value', (string) json_encode($value)];
        }

        /** @return never */
        public static function error(string $message): void
        {
            self::$output[] = ['error', $message];
            throw new \WP_CLI\ExitException($message);
        }
    }
}
