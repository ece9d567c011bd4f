<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration\Fuzz;

/**
 * Seeded generator of hostile REST input: wrong types, huge and nested values, broken encodings,
 * metacharacters, and "nearly valid" bodies built from a route's own args schema (so the fuzz gets
 * past the first type check and reaches the handlers). One seed gives one sequence: a failure is
 * replayed with SOPHMATE_FUZZ_SEED.
 */
final class FuzzInput
{
    private \Random\Randomizer $random;
    private string $long_text;

    public function __construct(public readonly int $seed)
    {
        $this->random = new \Random\Randomizer(new \Random\Engine\Mt19937($seed));
        // 100 KB: past every length limit we set, well under PHP's post_max_size.
        $this->long_text = str_repeat('Ab<9 ', 20480);
    }

    public function int(int $min, int $max): int
    {
        return $this->random->getInt($min, $max);
    }

    public function chance(float $probability): bool
    {
        return $this->random->getInt(0, 9999) < (int) round($probability * 10000);
    }

    /**
     * @template T
     * @param array<array-key,T> $items
     * @return T
     */
    public function pick(array $items): mixed
    {
        $items = array_values($items);
        return $items[$this->random->getInt(0, count($items) - 1)];
    }

    /** Strings that have broken parsers, validators, queries or screens somewhere before. */
    public function hostile_string(): string
    {
        return match ($this->int(0, 9)) {
            0 => $this->long_text,
            1 => $this->random_bytes($this->int(1, 40)),
            2 => $this->random_unicode($this->int(1, 30)),
            default => $this->pick([
                '', ' ', "\t\n\r", 'x', 'marketing', 'content', 'system', 'global', 'paused', 'off', 'read_only',
                "\xC3\x28", "\xFF\xFE\xFD", "ok\xE2\x82", "a\x00b", "\x1B[31mred", "\x7F\x08\x0C",
                "' OR '1'='1", "1; DROP TABLE wp_options; --", '" OR ""="', "%s%d%%%1\$s", '\\', '_%', "x' UNION SELECT user_pass FROM wp_users -- ",
                '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "</textarea><svg/onload=alert('x')>",
                '=HYPERLINK("http://evil.test","x")', '+1+1', '-2+3', '@SUM(A1:A9)',
                'NaN', 'Infinity', '-Infinity', '1e999', '-0', '0x1F', '1,5', '١٢٣', '9999999999999999999999', '-9223372036854775809',
                '🙂', "e\u{301}", "\u{202E}gnp.exe", "\u{FEFF}bom", "\u{200B}", '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
                '../../wp-config.php', 'javascript:alert(1)', 'http://169.254.169.254/latest/meta-data', 'file:///etc/passwd',
                'http://127.0.0.1:1/', 'https://example.com/incident/1', 'gopher://x', '//evil.test',
                'null', 'true', '[]', '{}', '2026-02-30T25:61:00Z', '1970-01-01T00:00:00Z', 'yesterday',
                'run_history', 'all-reviewed', '0', '1', '-1',
            ]),
        };
    }

    /** Any JSON-representable value, hostile more often than not. */
    public function hostile_value(int $depth = 0): mixed
    {
        $kind = $this->int(0, $depth > 2 ? 6 : 9);
        return match ($kind) {
            0 => null,
            1 => $this->pick([true, false]),
            2 => $this->pick([0, -1, 1, 7, PHP_INT_MAX, PHP_INT_MIN, 10001, 86400 * 365 * 1000]),
            3 => $this->pick([1.5, -0.0, 1e308, -1e-308, 0.1, 3.0]),
            4, 5, 6 => $this->hostile_string(),
            7 => $this->hostile_list($depth + 1),
            8 => $this->hostile_object($depth + 1),
            default => $this->chance(0.1) ? array_fill(0, 2000, 'x') : [$this->hostile_string()],
        };
    }

    /** @return list<mixed> */
    public function hostile_list(int $depth = 0): array
    {
        $list = [];
        for ($i = $this->int(0, 4); $i > 0; $i--) {
            $list[] = $this->hostile_value($depth + 1);
        }
        return $list;
    }

    /** @return array<string,mixed> */
    public function hostile_object(int $depth = 0): array
    {
        $object = [];
        for ($i = $this->int(1, 4); $i > 0; $i--) {
            $object[$this->hostile_key()] = $this->hostile_value($depth + 1);
        }
        return $object;
    }

    public function hostile_key(): string
    {
        return $this->pick(['a', 'unknown_field', '__proto__', 'constructor', '_method', 'id', 'slug', "k\x00ey", "ké", '$where', 'reason[]', '0', '', "\xFF", str_repeat('k', 300)]);
    }

    /**
     * A value the schema accepts, or close to it (the right shape with hostile leaves).
     *
     * @param array<string,mixed> $schema
     */
    public function near_valid(array $schema, int $depth = 0): mixed
    {
        if ($depth > 4 || $this->chance(0.15)) {
            return $this->hostile_value($depth);
        }
        if (isset($schema['enum']) && is_array($schema['enum']) && $schema['enum'] !== []) {
            return $this->pick($schema['enum']);
        }
        $type = $schema['type'] ?? 'string';
        if (is_array($type)) {
            $type = $this->pick($type);
        }
        return match ($type) {
            'integer' => $this->int((int) ($schema['minimum'] ?? -5), (int) min($schema['maximum'] ?? 1000, 1000)),
            'number' => $this->int(0, 1000) / 10,
            'boolean' => $this->pick([true, false]),
            'null' => null,
            'array' => $this->near_valid_list(is_array($schema['items'] ?? null) ? $schema['items'] : [], $depth),
            'object' => $this->near_valid_object(is_array($schema['properties'] ?? null) ? $schema['properties'] : [], $depth),
            default => $this->plausible_string($schema),
        };
    }

    /**
     * A body built from a route's args: each field near-valid or hostile, some dropped, some unknown
     * ones added.
     *
     * @param array<string,array<string,mixed>> $args
     * @return array<string,mixed>
     */
    public function body_for(array $args): array
    {
        $body = $this->near_valid_object($args, 0);
        for ($i = $this->int(0, 2); $i > 0 && $body !== []; $i--) {
            $body[$this->pick(array_keys($body))] = $this->hostile_value();
        }
        if ($this->chance(0.3)) {
            $body[$this->hostile_key()] = $this->hostile_value();
        }
        return $body;
    }

    /**
     * JSON text that no parser should accept, or accepts only with surprises.
     *
     * @param array<string,array<string,mixed>> $args
     */
    public function malformed_json(array $args): string
    {
        $field = $args === [] ? 'reason' : (string) $this->pick(array_keys($args));
        $valid = (string) json_encode($this->body_for($args), JSON_INVALID_UTF8_SUBSTITUTE | JSON_PARTIAL_OUTPUT_ON_ERROR);
        return match ($this->int(0, 13)) {
            0 => substr($valid, 0, max(1, intdiv(strlen($valid), 2))),
            1 => '{"' . $field . '": "x",}',
            2 => "{'" . $field . "': 'x'}",
            3 => '{"' . $field . '": NaN}',
            4 => '{"' . $field . '": "' . "\xFF\xFE" . '"}',
            5 => "\u{FEFF}" . $valid,
            6 => '{"' . $field . '": "x" /* comment */}',
            7 => $this->nested_json($this->int(513, 3000)),
            8 => '{"' . $field . '": "\\ud800"}',
            9 => '{"' . $field . '": 1e999999}',
            10 => $this->duplicated_keys($args),
            11 => $this->pick(['', 'null', 'true', '0', '"string"', '[]', '[[[]]]', '{}{}', '}', 'undefined']),
            12 => $this->nested_json($this->int(10, 500)),
            default => str_replace('"', '', $valid),
        };
    }

    /** A JSON document nested $depth levels deep (PHP's json_decode stops at 512). */
    public function nested_json(int $depth): string
    {
        return $this->chance(0.5)
            ? str_repeat('[', $depth) . str_repeat(']', $depth)
            : str_repeat('{"a":', $depth) . '1' . str_repeat('}', $depth);
    }

    /**
     * The same key twice with different types: PHP keeps the last one, other parsers the first.
     *
     * @param array<string,array<string,mixed>> $args
     */
    public function duplicated_keys(array $args): string
    {
        $field = $args === [] ? 'reason' : (string) $this->pick(array_keys($args));
        $first = (string) json_encode($this->near_valid($args[$field] ?? []), JSON_INVALID_UTF8_SUBSTITUTE | JSON_PARTIAL_OUTPUT_ON_ERROR);
        $second = (string) json_encode($this->hostile_value(), JSON_INVALID_UTF8_SUBSTITUTE | JSON_PARTIAL_OUTPUT_ON_ERROR);
        return sprintf('{"%1$s":%2$s,"%1$s":%3$s}', $field, $first, $second);
    }

    /**
     * What a form or query string can carry: strings and nested arrays of strings.
     *
     * @return array<string,mixed>
     */
    public function as_form(mixed $value): array
    {
        $form = self::stringify(is_array($value) ? $value : ['value' => $value]);
        return is_array($form) ? $form : [];
    }

    /**
     * A URL path segment for a route's named parameter: usually a real id, else a missing one or one
     * full of metacharacters.
     *
     * @param list<string> $known
     */
    public function path_param(array $known, bool $numeric): string
    {
        if ($known !== [] && $this->chance(0.6)) {
            return $this->pick($known);
        }
        if ($numeric) {
            return $this->pick(['0', '1', '2', '999999', '9223372036854775807', '99999999999999999999999', '007']);
        }
        return $this->pick([
            'ghost', 'Marketing', 'mark eting', "mark'eting", 'a"b', '%27%20OR%201%3D1', '1 OR 1=1', "x'; DROP TABLE wp_options; --",
            '..', '.', '<script>', '🙂', 'ü', str_repeat('a', 300), "a\x00b", "\xFF", '*', '%', '_', '-', '0', '__proto__',
        ]);
    }

    /** @return array<string,string> extra request headers, some contradicting the body */
    public function headers(): array
    {
        $headers = [];
        for ($i = $this->int(0, 2); $i > 0; $i--) {
            $name = $this->pick(['X-HTTP-Method-Override', 'X-WP-Nonce', 'Accept', 'X-Forwarded-For', 'Content-Length', 'Accept-Charset', 'If-Match', 'X-Sophmate-Fuzz']);
            $headers[$name] = match ($name) {
                'X-HTTP-Method-Override' => $this->pick(['DELETE', 'GET', 'PATCH', 'TRACE', 'FOO', '']),
                'X-WP-Nonce' => $this->pick(['0', 'abcdef0123', '', "'", str_repeat('9', 200)]),
                'Content-Length' => $this->pick(['-1', '0', '99999999999', 'abc']),
                default => $this->hostile_header_value(),
            };
        }
        return $headers;
    }

    /** A header value: printable junk (what HTTP can carry), sometimes very long. */
    public function hostile_header_value(): string
    {
        $value = preg_replace('/[\x00-\x1F\x7F]/', '', $this->hostile_string()) ?? '';
        return substr($value, 0, $this->chance(0.1) ? 8000 : 200);
    }

    /** A Content-Type that does not match the body, or is broken itself. */
    public function wrong_content_type(): string
    {
        return $this->pick([
            'text/plain', 'application/xml', 'text/html', 'multipart/form-data', 'multipart/form-data; boundary=',
            'application/octet-stream', 'application/json; charset=utf-16', 'application/jsonx', 'application/x-www-form-urlencoded',
            'application/json, text/plain', ';;;', '', 'application/vnd.api+json', 'application/merge-patch+json',
        ]);
    }

    /** @param array<string,mixed> $properties @return array<string,mixed> */
    private function near_valid_object(array $properties, int $depth): array
    {
        $object = [];
        foreach ($properties as $name => $schema) {
            $required = is_array($schema) && !empty($schema['required']);
            if ($this->chance($required ? 0.9 : 0.6)) {
                $object[(string) $name] = $this->near_valid(is_array($schema) ? $schema : [], $depth + 1);
            }
        }
        return $object;
    }

    /** @param array<string,mixed> $items @return list<mixed> */
    private function near_valid_list(array $items, int $depth): array
    {
        $list = [];
        for ($i = $this->int(0, 6); $i > 0; $i--) {
            $list[] = $this->near_valid($items, $depth + 1);
        }
        return $list;
    }

    /** @param array<string,mixed> $schema */
    private function plausible_string(array $schema): string
    {
        if (($schema['format'] ?? '') === 'uri' || $this->chance(0.1)) {
            return $this->pick(['https://example.com/incident/7', 'http://127.0.0.1:8890/', 'ftp://x', 'https://' . str_repeat('a', 70) . '.test']);
        }
        if ($this->chance(0.4)) {
            return $this->hostile_string();
        }
        return $this->pick(['Fuzzed reason', 'marketing', 'content', 'fuzz-' . $this->int(1, 99), 'Ünïcödé 🙂', 'a', '2026-01-31T12:00:00Z']);
    }

    private function random_bytes(int $length): string
    {
        return $this->random->getBytes($length);
    }

    private function random_unicode(int $length): string
    {
        $text = '';
        for ($i = 0; $i < $length; $i++) {
            $code = $this->pick([[0x20, 0x7E], [0xA0, 0x2FF], [0x590, 0x6FF], [0x4E00, 0x4EFF], [0x1F300, 0x1F64F], [0x300, 0x36F], [0x200B, 0x202E]]);
            $text .= mb_chr($this->int($code[0], $code[1]), 'UTF-8') ?: '?';
        }
        return $text;
    }

    private static function stringify(mixed $value): mixed
    {
        return match (true) {
            is_array($value) => array_map([self::class, 'stringify'], $value),
            is_bool($value) => $value ? '1' : '0',
            $value === null => '',
            default => (string) $value,
        };
    }
}
