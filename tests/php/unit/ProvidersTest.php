<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit;

use PHPUnit\Framework\TestCase;
use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Providers\Provider;
use SophMate\SafeMode\Domain\Providers\ProviderChange;
use SophMate\SafeMode\Domain\Providers\StatusPageParser;
use SophMate\SafeMode\Domain\Providers\StatusReading;
use SophMate\SafeMode\Domain\Providers\UnreadableStatusPage;

final class ProvidersTest extends TestCase
{
    private static function time(string $time): \DateTimeImmutable
    {
        return new \DateTimeImmutable($time);
    }

    private static function openai(array $input = []): Provider
    {
        return Provider::from_input('openai', $input + ['label' => 'OpenAI', 'hosts' => ['api.openai.com'], 'status_url' => 'https://status.openai.com/api/v2/status.json'], null, self::time('2026-11-26T10:00:00Z'));
    }

    /** @return iterable<string,array{string,string}> */
    public static function statuspage_indicators(): iterable
    {
        yield 'none' => ['none', 'operational'];
        yield 'minor' => ['minor', 'degraded'];
        yield 'maintenance' => ['maintenance', 'degraded'];
        yield 'major' => ['major', 'outage'];
        yield 'critical' => ['critical', 'outage'];
    }

    /** @dataProvider statuspage_indicators */
    public function test_statuspage_indicators_map_to_provider_statuses(string $indicator, string $status): void
    {
        $reading = StatusPageParser::parse((string) json_encode(['page' => ['id' => 'x'], 'status' => ['indicator' => $indicator, 'description' => 'All Systems Operational']]));
        self::assertSame($status, $reading->status);
        self::assertSame('All Systems Operational', $reading->description);
    }

    public function test_the_simple_shape_is_understood_too(): void
    {
        self::assertSame('degraded', StatusPageParser::parse('{"status":"degraded"}')->status);
        self::assertNull(StatusPageParser::parse('{"status":"outage"}')->description);
        self::assertSame('Slow', StatusPageParser::parse('{"status":"degraded","description":" Slow "}')->description);
    }

    /** @return iterable<string,array{string,string}> */
    public static function unreadable_bodies(): iterable
    {
        yield 'empty' => ['', 'empty body'];
        yield 'html' => ['<html>Status</html>', 'looks like HTML'];
        yield 'truncated json' => ['{"status":', 'valid JSON'];
        yield 'a list' => ['[1,2]', 'no "status" field'];
        yield 'no status' => ['{"page":{}}', 'no "status" field'];
        yield 'no indicator' => ['{"status":{"description":"ok"}}', 'no status.indicator'];
        yield 'unknown indicator' => ['{"status":{"indicator":"purple"}}', 'Unknown Statuspage indicator "purple"'];
        yield 'unknown word' => ['{"status":"fine"}', 'Unknown status "fine"'];
        yield 'number' => ['{"status":3}', 'Unknown status integer'];
    }

    /** @dataProvider unreadable_bodies */
    public function test_anything_else_is_an_error_that_says_what_is_wrong(string $body, string $expected): void
    {
        try {
            StatusPageParser::parse($body);
            self::fail('expected an error');
        } catch (UnreadableStatusPage $e) {
            self::assertStringContainsString($expected, $e->getMessage());
        }
    }

    public function test_a_long_description_is_clipped_and_control_characters_dropped(): void
    {
        $reading = StatusPageParser::parse((string) json_encode(['status' => ['indicator' => 'major', 'description' => "Down\x07 " . str_repeat('x', 400)]]));
        self::assertStringStartsWith('Down x', (string) $reading->description);
        self::assertLessThanOrEqual(201, mb_strlen((string) $reading->description));
    }

    public function test_a_poll_sets_the_status_records_the_time_and_clears_the_last_error(): void
    {
        $failed = self::openai()->with_poll_error('HTTP 500 from the status page.', self::time('2026-11-26T10:05:00Z'));
        self::assertSame('HTTP 500 from the status page.', $failed->last_error);
        self::assertSame('unknown', $failed->status, 'a broken status page is not an outage');
        self::assertNull($failed->checked_at);

        $polled = $failed->with_reading(new StatusReading('outage', 'Major outage'), self::time('2026-11-26T10:10:00Z'));
        self::assertSame(['outage', 'polled', 'Major outage', null], [$polled->status, $polled->status_source, $polled->status_description, $polled->last_error]);
        self::assertSame('2026-11-26T10:10:00Z', $polled->to_array()['checked_at']);
        self::assertSame('2026-11-26T10:10:00Z', $polled->to_array()['last_polled_at']);
    }

    public function test_a_status_set_by_hand_holds_until_the_status_page_changes_its_reading(): void
    {
        $polled = self::openai()->with_reading(new StatusReading('operational'), self::time('2026-11-26T10:05:00Z'));
        $manual = Provider::from_input('openai', ['status' => 'outage'], $polled, self::time('2026-11-26T10:06:00Z'));
        self::assertSame(['outage', 'manual'], [$manual->status, $manual->status_source]);

        $same_page = $manual->with_reading(new StatusReading('operational'), self::time('2026-11-26T10:10:00Z'));
        self::assertSame(['outage', 'manual'], [$same_page->status, $same_page->status_source], 'the page still says what it said when overridden');
        self::assertSame('2026-11-26T10:10:00Z', $same_page->to_array()['last_polled_at']);

        $page_moved = $same_page->with_reading(new StatusReading('degraded'), self::time('2026-11-26T10:15:00Z'));
        self::assertSame(['degraded', 'polled'], [$page_moved->status, $page_moved->status_source]);
    }

    public function test_a_status_set_by_hand_before_any_poll_gives_way_to_the_first_reading(): void
    {
        $manual = self::openai(['status' => 'outage']);
        $polled = $manual->with_reading(new StatusReading('operational'), self::time('2026-11-26T10:05:00Z'));
        self::assertSame(['operational', 'polled'], [$polled->status, $polled->status_source]);
    }

    public function test_repeating_the_polled_status_in_a_put_is_not_an_override(): void
    {
        $polled = self::openai()->with_reading(new StatusReading('operational'), self::time('2026-11-26T10:05:00Z'));
        $edited = Provider::from_input('openai', ['label' => 'OpenAI API', 'status' => 'operational'], $polled, self::time('2026-11-26T10:06:00Z'));
        self::assertSame(['operational', 'polled', '2026-11-26T10:05:00Z'], [$edited->status, $edited->status_source, $edited->to_array()['checked_at']]);
    }

    public function test_status_url_must_be_http_or_https(): void
    {
        foreach (['ftp://status.example.com/x.json', 'javascript:alert(1)', 'not a url', ['https://x']] as $bad) {
            try {
                self::openai(['status_url' => $bad]);
                self::fail('accepted ' . json_encode($bad));
            } catch (InvalidInput $e) {
                self::assertSame('sophmate_invalid_status_url', $e->error_code());
                self::assertStringContainsString('status_url', $e->getMessage());
            }
        }
        self::assertNull(self::openai(['status_url' => ''])->status_url, 'empty clears it');
        self::assertNull(self::openai(['status_url' => null])->status_url);
    }

    public function test_to_array_and_from_array_round_trip_every_field(): void
    {
        $provider = self::openai()->with_reading(new StatusReading('degraded', 'Slow'), self::time('2026-11-26T10:05:00Z'))
            ->with_poll_error('timed out', self::time('2026-11-26T10:10:00Z'));
        self::assertEquals($provider, Provider::from_array($provider->to_array()));
        $legacy = Provider::from_array(['slug' => 'x', 'label' => 'X', 'hosts' => ['x.test'], 'status' => 'outage', 'checked_at' => '2026-11-01T00:00:00Z']);
        self::assertSame(['manual', null, null], [$legacy->status_source, $legacy->last_error, $legacy->last_polled_at]);
    }

    public function test_a_change_tells_status_from_config(): void
    {
        $base = self::openai();
        $now = self::time('2026-11-26T11:00:00Z');
        $status_only = ProviderChange::between($base, Provider::from_input('openai', ['status' => 'outage'], $base, $now));
        self::assertSame(['status'], $status_only->kinds());

        $config_only = ProviderChange::between($base, Provider::from_input('openai', ['hosts' => ['api.openai.com', '*.oaiusercontent.com']], $base, $now));
        self::assertSame(['config'], $config_only->kinds());
        self::assertSame(['hosts'], $config_only->config_fields);

        $both = ProviderChange::between($base, Provider::from_input('openai', ['label' => 'OpenAI API', 'status' => 'degraded', 'status_url' => null], $base, $now));
        self::assertSame(['config', 'status'], $both->kinds());
        self::assertSame(['label', 'status_url'], $both->config_fields);

        $nothing = ProviderChange::between($base, $base->with_poll_error('HTTP 500', $now));
        self::assertFalse($nothing->changed_anything(), 'poll bookkeeping is not a change');
        self::assertSame([], ProviderChange::between($base, Provider::from_input('openai', ['label' => 'OpenAI'], $base, $now))->kinds());
    }

    public function test_creation_and_deletion_are_config_changes_with_an_empty_side(): void
    {
        $created = ProviderChange::between(null, self::openai());
        self::assertSame(['config'], $created->kinds(), 'an unknown status is no status change');
        self::assertSame([], $created->before_array());
        self::assertSame(['config', 'status'], ProviderChange::between(null, self::openai(['status' => 'outage']))->kinds());

        $deleted = ProviderChange::between(self::openai(['status' => 'outage']), null);
        self::assertSame(['config'], $deleted->kinds());
        self::assertTrue($deleted->is_deletion());
        self::assertSame([], $deleted->after_array());
        self::assertSame('openai', $deleted->before_array()['slug']);
    }
}
