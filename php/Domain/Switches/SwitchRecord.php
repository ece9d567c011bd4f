<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Switches;

use SophMate\SafeMode\Domain\Actor;

/**
 * The state of one category or automation switch that is not plainly running, with who set it and why.
 * A running scope has no record at all, which keeps the stored state tiny when nothing is paused.
 */
final class SwitchRecord
{
    /** @param array{signal:string,value:string|int|float|null,threshold:string|int|float|null}|null $trip */
    public function __construct(
        public readonly SwitchState $state,
        public readonly string $reason,
        public readonly Actor $actor,
        public readonly Source $source,
        public readonly \DateTimeImmutable $since,
        public readonly ?string $incident_url = null,
        public readonly ?TrialScope $trial = null,
        public readonly ?array $trip = null,
    ) {
    }

    /**
     * What a breaker saw when it made this pause ({signal, value, threshold}), kept on the switch so
     * every screen can say "Tripped: failure rate" without reading the audit log or parsing the reason.
     *
     * @param array<string,mixed> $context the pause's audit context
     * @return array{signal:string,value:string|int|float|null,threshold:string|int|float|null}|null
     */
    public static function trip_from(Source $source, array $context): ?array
    {
        if (($source !== Source::Breaker && $source !== Source::Update) || !is_string($context['signal'] ?? null) || $context['signal'] === '') {
            return null;
        }
        $scalar = static fn ($v): string|int|float|null => is_int($v) || is_float($v) ? $v : (is_scalar($v) ? substr((string) $v, 0, 200) : null);
        return ['signal' => substr($context['signal'], 0, 64), 'value' => $scalar($context['value'] ?? null), 'threshold' => $scalar($context['threshold'] ?? null)];
    }

    /** @return array<string,mixed> */
    public function to_array(): array
    {
        return [
            'state' => $this->state->value,
            'reason' => $this->reason,
            'actor' => $this->actor->to_array(),
            'source' => $this->source->value,
            'since' => $this->since->format(\DATE_ATOM),
            'incident_url' => $this->incident_url,
            'trial' => $this->trial?->to_array(),
            'trip' => $this->trip,
        ];
    }

    /** @param array<string,mixed> $data */
    public static function from_array(array $data): self
    {
        $state = SwitchState::from((string) ($data['state'] ?? ''));
        return new self(
            $state,
            (string) ($data['reason'] ?? ''),
            Actor::from_array($data['actor'] ?? null),
            Source::tryFrom((string) ($data['source'] ?? '')) ?? Source::Api,
            new \DateTimeImmutable((string) ($data['since'] ?? 'now')),
            isset($data['incident_url']) ? (string) $data['incident_url'] : null,
            is_array($data['trial'] ?? null) ? TrialScope::from_array($data['trial']) : null,
            is_array($data['trip'] ?? null) && is_string($data['trip']['signal'] ?? null) ? self::trip_from(Source::Breaker, $data['trip']) : null,
        );
    }
}
