<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit;

use PHPUnit\Framework\TestCase;
use SophMate\SafeMode\Domain\Audit\AuditQuery;
use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Runs\RunQuery;
use SophMate\SafeMode\Domain\Text;

/** List filters are text: invalid UTF-8 or an oversized value is refused before any query is built. */
final class FilterTextTest extends TestCase
{
    public function test_metacharacters_are_just_text_and_pass_unchanged(): void
    {
        foreach (["' OR 1=1 -- ", '%', '_', '\\', "a\0b", 'Überweisung ⚠'] as $value) {
            self::assertSame($value, Text::filter($value, 'scope'));
        }
        self::assertNull(Text::filter(null, 'scope'));
        self::assertSame(str_repeat('a', Text::MAX_FILTER), Text::filter(str_repeat('a', Text::MAX_FILTER), 'scope'));
    }

    public function test_invalid_utf8_and_oversized_filters_are_refused_by_both_queries(): void
    {
        $cases = [
            static fn () => new RunQuery("\xff\xfe"),
            static fn () => new RunQuery(null, str_repeat('a', Text::MAX_FILTER + 1)),
            static fn () => new AuditQuery(null, "\xc3("),
            static fn () => new AuditQuery(str_repeat('é', 101)),
        ];
        foreach ($cases as $i => $make) {
            try {
                $make();
                self::fail("case {$i} accepted");
            } catch (InvalidInput $e) {
                self::assertSame('sophmate_invalid_filter', $e->error_code());
                self::assertSame(400, $e->status());
            }
        }
    }
}
