<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Cadence;

/** Why a category's review is due: its first run, failed runs, a provider change, or the calendar. */
final class DueReason
{
    public const FIRST_RUN = 'first_run';
    public const FAILED_RUNS = 'failed_runs';
    public const PROVIDER_CHANGE = 'provider_change';
    public const SCHEDULED = 'scheduled';
    public const ALL = [self::FIRST_RUN, self::FAILED_RUNS, self::PROVIDER_CHANGE, self::SCHEDULED];

    public function __construct(
        public readonly string $reason,
        public readonly \DateTimeImmutable $at,
        public readonly string $detail,
        public readonly ?string $provider = null,
    ) {
    }

    /** Two reasons answer the same question: one pending "failed runs", one pending change per provider. */
    public function same_as(self $other): bool
    {
        if ($this->reason !== $other->reason) {
            return false;
        }
        return match ($this->reason) {
            self::FAILED_RUNS, self::FIRST_RUN => true,
            self::PROVIDER_CHANGE => $this->provider !== null ? $this->provider === $other->provider : $this->detail === $other->detail,
            default => $this->detail === $other->detail,
        };
    }

    /** @return array{reason:string,at:string,detail:string} the public shape (REST, WP-CLI) */
    public function to_array(): array
    {
        return ['reason' => $this->reason, 'at' => Times::iso($this->at), 'detail' => $this->detail];
    }

    /** @param array<string,mixed> $data */
    public static function from_array(array $data): ?self
    {
        $at = Times::parse($data['at'] ?? null);
        $reason = (string) ($data['reason'] ?? '');
        if ($at === null || !in_array($reason, self::ALL, true)) {
            return null;
        }
        return new self($reason, $at, (string) ($data['detail'] ?? ''), is_string($data['provider'] ?? null) ? $data['provider'] : null);
    }
}
