<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Providers;

use SophMate\SafeMode\Domain\Text;

/**
 * Reads a provider status from a status page's JSON. Two shapes are understood:
 * Statuspage's `/api/v2/status.json` (`{"status":{"indicator":"none|minor|major|critical|maintenance","description":"…"}}`)
 * and a plain `{"status":"operational|degraded|outage|unknown","description"?:"…"}`. Anything
 * else is an error naming what was wrong, never a guessed status.
 */
final class StatusPageParser
{
    /** Statuspage indicators: "major" and "critical" both mean the service cannot be relied on. */
    public const INDICATORS = [
        'none' => 'operational',
        'minor' => 'degraded',
        'maintenance' => 'degraded',
        'major' => 'outage',
        'critical' => 'outage',
    ];

    private const MAX_DESCRIPTION = 200;

    /** @throws UnreadableStatusPage */
    public static function parse(string $body): StatusReading
    {
        if (trim($body) === '') {
            throw new UnreadableStatusPage('The status page answered with an empty body, not JSON.');
        }
        try {
            $data = json_decode($body, true, 32, JSON_THROW_ON_ERROR);
        } catch (\JsonException $e) {
            $hint = str_starts_with(ltrim($body), '<') ? ' (it looks like HTML: is this the JSON URL, e.g. …/api/v2/status.json?)' : '';
            throw new UnreadableStatusPage(sprintf('The status page did not answer valid JSON: %s%s.', $e->getMessage(), $hint));
        }
        if (!is_array($data) || !array_key_exists('status', $data)) {
            throw new UnreadableStatusPage('The status page JSON has no "status" field: expected {"status":{"indicator":…}} (Statuspage) or {"status":"operational|degraded|outage"}.');
        }
        $status = $data['status'];
        if (is_array($status)) {
            $indicator = $status['indicator'] ?? null;
            if (!is_string($indicator)) {
                throw new UnreadableStatusPage('The status page JSON has no status.indicator string (Statuspage format).');
            }
            if (!isset(self::INDICATORS[$indicator])) {
                throw new UnreadableStatusPage(sprintf('Unknown Statuspage indicator "%s": expected one of %s.', Text::clip(Text::clean($indicator), 40), implode(', ', array_keys(self::INDICATORS))));
            }
            return new StatusReading(self::INDICATORS[$indicator], self::description($status['description'] ?? null));
        }
        if (is_string($status) && in_array($status, Provider::STATUSES, true)) {
            return new StatusReading($status, self::description($data['description'] ?? null));
        }
        throw new UnreadableStatusPage(sprintf(
            'Unknown status %s: expected one of %s, or a Statuspage {"indicator":…} object.',
            is_string($status) ? '"' . Text::clip(Text::clean($status), 40) . '"' : gettype($status),
            implode(', ', Provider::STATUSES)
        ));
    }

    /** @param mixed $value */
    private static function description($value): ?string
    {
        if (!is_string($value)) {
            return null;
        }
        $text = Text::clip(Text::clean($value), self::MAX_DESCRIPTION);
        return $text === '' ? null : $text;
    }
}
