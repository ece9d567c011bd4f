<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Audit;

use SophMate\SafeMode\Domain\Actor;

/** One audit event: who changed what, from which state to which, why, and in what context. */
final class AuditEntry
{
    /** @param array<string,mixed> $context */
    public function __construct(
        public readonly string $action,
        public readonly string $scope,
        public readonly string $before,
        public readonly string $after,
        public readonly string $reason,
        public readonly Actor $actor,
        public readonly string $source,
        public readonly \DateTimeImmutable $created_at,
        public readonly array $context = [],
        public readonly ?int $id = null,
        public readonly string $hash = '',
        public readonly string $prev_hash = '',
    ) {
    }

    /**
     * The bytes the hash covers: every field a tamperer could change, in a fixed order.
     * The previous entry's hash is part of it, which is what makes the log a chain.
     */
    public function canonical(string $prev_hash): string
    {
        return (string) json_encode([
            $prev_hash,
            $this->created_at->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d H:i:s'),
            $this->action,
            $this->scope,
            $this->before,
            $this->after,
            $this->reason,
            $this->actor->id,
            $this->actor->login,
            $this->source,
            // Round-trip through JSON so the hash is the same before storage and after reading back.
            self::sorted((array) json_decode((string) json_encode((object) $this->context), true)),
        ], JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
    }

    public function hash_with(string $prev_hash): string
    {
        return hash('sha256', $this->canonical($prev_hash));
    }

    /** @return array<string,mixed> */
    public function to_array(): array
    {
        return [
            'id' => $this->id,
            'created_at' => $this->created_at->format('Y-m-d\TH:i:s\Z'),
            'action' => $this->action,
            'scope' => $this->scope,
            'before' => $this->before,
            'after' => $this->after,
            'reason' => $this->reason,
            'actor' => $this->actor->to_array(),
            'source' => $this->source,
            'context' => (object) $this->context,
            'hash' => $this->hash,
        ];
    }

    /**
     * @param array<mixed> $value
     * @return array<mixed>
     */
    private static function sorted(array $value): array
    {
        if (!array_is_list($value)) {
            ksort($value);
        }
        foreach ($value as $k => $v) {
            if (is_array($v)) {
                $value[$k] = self::sorted($v);
            }
        }
        return $value;
    }
}
