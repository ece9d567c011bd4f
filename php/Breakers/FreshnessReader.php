<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Breakers;

use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Config\AutomationDefinition;

/**
 * Reads an automation's declared freshness source (an option, or a filter, holding the time of its
 * last successful sync) and says how old that is. One reader for the stale context breaker, the
 * category's breaker state and the dry run, so they can never disagree about an age.
 */
final class FreshnessReader
{
    public function __construct(private readonly Clock $clock)
    {
    }

    /** @return array{option?:string,filter?:string}|null the declared source, null when none */
    public static function source(AutomationDefinition $automation): ?array
    {
        foreach (['option', 'filter'] as $type) {
            $name = $automation->freshness[$type] ?? null;
            if (is_string($name) && $name !== '') {
                return [$type => $name];
            }
        }
        return null;
    }

    /**
     * @return array{source:string,age_minutes:?int}|null the source in words and the age in minutes
     *         (null age: missing or unreadable, which counts as stale); null when no source is declared
     */
    public function read(AutomationDefinition $automation): ?array
    {
        $source = self::source($automation);
        if ($source === null) {
            return null;
        }
        if (isset($source['option'])) {
            $value = get_option($source['option'], null);
            $words = 'option ' . $source['option'];
        } else {
            // The filter starts from null: a source nobody answers is unreadable, so stale.
            $value = apply_filters((string) $source['filter'], null, $automation->id);
            $words = 'filter ' . (string) $source['filter'];
        }
        $at = self::timestamp($value);
        return [
            'source' => $words,
            'age_minutes' => $at === null ? null : intdiv(max(0, $this->clock->now()->getTimestamp() - $at), 60),
        ];
    }

    /**
     * A unix timestamp (number or numeric string), a date string (read as UTC unless it says
     * otherwise) or a DateTimeInterface; anything else is unreadable.
     *
     * @param mixed $value
     */
    public static function timestamp($value): ?int
    {
        if ($value instanceof \DateTimeInterface) {
            return $value->getTimestamp();
        }
        if (is_int($value) || is_float($value) || (is_string($value) && is_numeric(trim($value)))) {
            $number = (int) $value;
            return $number > 0 ? $number : null;
        }
        if (is_string($value) && trim($value) !== '') {
            try {
                return (new \DateTimeImmutable(trim($value), new \DateTimeZone('UTC')))->getTimestamp();
            } catch (\Exception) {
                return null;
            }
        }
        return null;
    }
}
