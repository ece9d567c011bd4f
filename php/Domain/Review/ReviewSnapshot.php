<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Review;

/**
 * What the reviewer saw, small enough to keep in the restart's audit event: the counts and a hash
 * of the evidence. The generation time is left out so two looks at unchanged evidence hash alike.
 */
final class ReviewSnapshot
{
    /** @param array<string,int> $counts */
    public function __construct(public readonly array $counts, public readonly string $hash)
    {
    }

    public static function of(ReviewEvidence $e): self
    {
        $counts = [
            'runs' => $e->runs['total'] ?? 0,
            'failed_runs' => $e->runs['failed'] ?? 0,
            'runs_since_pause' => $e->runs_since_pause['total'] ?? 0,
            'failed_steps' => count($e->failed_steps),
            'audit_events' => count($e->audit),
            'pending_approvals' => count($e->pending_approvals),
            'providers_down' => count(array_filter($e->providers, static fn (array $p): bool => in_array($p['status'], ['outage', 'degraded'], true))),
            'affected_records' => count($e->affected_records),
        ];
        $material = [
            'scope' => $e->scope,
            'since' => $e->since?->format('Y-m-d\TH:i:s\Z'),
            'runs' => self::sorted($e->runs),
            'failed_steps' => array_map(static fn (array $f): int => $f['run_id'], $e->failed_steps),
            'audit' => array_map(static fn (array $a): int => (int) ($a['id'] ?? 0), $e->audit),
            'pending' => $e->pending_approvals,
            'providers' => array_map(static fn (array $p): string => $p['slug'] . ':' . $p['status'], $e->providers),
            'affected' => array_map(static fn (array $r): string => $r['run_id'] . ':' . $r['type'] . ':' . $r['id'] . ':' . $r['action'], $e->affected_records),
        ];
        return new self($counts, hash('sha256', (string) json_encode($material, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE)));
    }

    /** @return array{counts:array<string,int>,hash:string} */
    public function to_array(): array
    {
        return ['counts' => $this->counts, 'hash' => $this->hash];
    }

    /**
     * @param array<string,int> $a
     * @return array<string,int>
     */
    private static function sorted(array $a): array
    {
        ksort($a);
        return $a;
    }
}
