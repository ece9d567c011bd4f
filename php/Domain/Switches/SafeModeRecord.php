<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Switches;

use SophMate\SafeMode\Domain\Actor;

/** Global safe mode: off, read-only or paused, with who set it and why. */
final class SafeModeRecord
{
    public function __construct(
        public readonly SafeModeMode $mode,
        public readonly string $reason = '',
        public readonly ?Actor $actor = null,
        public readonly ?Source $source = null,
        public readonly ?\DateTimeImmutable $since = null,
        public readonly ?string $incident_url = null,
    ) {
    }

    public static function off(): self
    {
        return new self(SafeModeMode::Off);
    }

    public function is_on(): bool
    {
        return $this->mode !== SafeModeMode::Off;
    }

    /** @return array<string,mixed> */
    public function to_array(): array
    {
        return [
            'mode' => $this->mode->value,
            'reason' => $this->reason,
            'actor' => $this->actor?->to_array(),
            'source' => $this->source?->value,
            'since' => $this->since?->format(\DATE_ATOM),
            'incident_url' => $this->incident_url,
        ];
    }

    /** @param array<string,mixed> $data */
    public static function from_array(array $data): self
    {
        $mode = SafeModeMode::from((string) ($data['mode'] ?? 'off'));
        if ($mode === SafeModeMode::Off) {
            return self::off();
        }
        return new self(
            $mode,
            (string) ($data['reason'] ?? ''),
            Actor::from_array($data['actor'] ?? null),
            Source::tryFrom((string) ($data['source'] ?? '')) ?? Source::Api,
            new \DateTimeImmutable((string) ($data['since'] ?? 'now')),
            isset($data['incident_url']) ? (string) $data['incident_url'] : null,
        );
    }
}
