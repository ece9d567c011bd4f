<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Readiness;

/** One ownership gap: who would be asked to pause or restart something, and cannot be. */
final class OwnershipProblem
{
    public const CATEGORY_WITHOUT_OWNER = 'category_without_owner';
    public const OWNER_DELETED = 'owner_deleted';
    public const OWNER_CANNOT_PAUSE = 'owner_cannot_pause';
    public const LIVE_WITHOUT_OWNER = 'live_without_owner';

    public function __construct(
        public readonly string $kind,
        public readonly string $scope,
        public readonly string $role,
        public readonly string $detail,
    ) {
    }

    /** Live automation nobody owns is the one that can hurt production with no one to call. */
    public function is_critical(): bool
    {
        return $this->kind === self::LIVE_WITHOUT_OWNER;
    }

    /** @return array{kind:string,scope:string,role:string,detail:string} */
    public function to_array(): array
    {
        return ['kind' => $this->kind, 'scope' => $this->scope, 'role' => $this->role, 'detail' => $this->detail];
    }
}
