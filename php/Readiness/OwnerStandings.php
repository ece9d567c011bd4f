<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Readiness;

use SophMate\SafeMode\Domain\Readiness\OwnerStanding;
use SophMate\SafeMode\Plugin;

/** Asks WordPress whether a named owner exists and may pause automation. */
final class OwnerStandings
{
    /** @var array<int,OwnerStanding> one lookup per user per request */
    private array $cache = [];

    public function of(?int $user_id): OwnerStanding
    {
        if ($user_id === null || $user_id <= 0) {
            return OwnerStanding::None;
        }
        return $this->cache[$user_id] ??= $this->lookup($user_id);
    }

    private function lookup(int $user_id): OwnerStanding
    {
        $user = get_userdata($user_id);
        if (!$user instanceof \WP_User || !$user->exists()) {
            return OwnerStanding::Deleted;
        }
        return $user->has_cap(Plugin::CAP_PAUSE) || $user->has_cap(Plugin::CAP_MANAGE)
            ? OwnerStanding::Ok
            : OwnerStanding::CannotPause;
    }

    /** @return \Closure(int):OwnerStanding */
    public function resolver(): \Closure
    {
        return fn (int $id): OwnerStanding => $this->of($id);
    }
}
