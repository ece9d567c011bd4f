<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration\Support;

/**
 * What every breaker test looks at after a trip: whether automation may still run, the pause
 * audit events of a scope, and the notifications queued for it.
 */
trait TripAssertions
{
    private function allowed(string $automation): bool
    {
        $this->forget_caches();
        return sophmate_safe_mode_decide($automation)->allows_run();
    }

    /** @return list<array<string,mixed>> pause audit rows of one scope */
    private function pauses(string $scope): array
    {
        return array_values(array_filter($this->audit_rows(), static fn (array $row): bool => $row['action'] === 'pause' && $row['scope'] === $scope));
    }

    /** @return list<array<string,mixed>> notification outbox rows of one scope */
    private function outbox(string $scope): array
    {
        $table = $this->services->schema->notifications_table();
        return $this->db->get_results($this->db->prepare("SELECT * FROM {$table} WHERE scope = %s ORDER BY id", $scope), ARRAY_A) ?: []; // phpcs:ignore
    }
}
