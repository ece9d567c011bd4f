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
    public function __construct(
        public readonly SwitchState $state,
        public readonly string $reason,
        public readonly Actor $actor,
        public readonly Source $source,
        public readonly \DateTimeImmutable $since,
        public readonly ?string $incident_url = null,
        public readonly ?TrialScope $trial = null,
    ) {
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
        );
    }
}
