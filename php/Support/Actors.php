<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Support;

use SophMate\SafeMode\Domain\Actor;

/** Turns WordPress users into Actors and owners (user id or login) into ids. */
final class Actors
{
    public function current(string $fallback = 'system'): Actor
    {
        $user = wp_get_current_user();
        return $user->exists() ? self::from_user($user) : Actor::system($fallback);
    }

    public function by_id(?int $id): ?Actor
    {
        if ($id === null || $id <= 0) {
            return null;
        }
        $user = get_userdata($id);
        return $user instanceof \WP_User ? self::from_user($user) : new Actor($id, '#' . $id, sprintf('deleted user #%d', $id));
    }

    /**
     * @param mixed $owner user id, login or email
     * @return int|null null when no such user exists
     */
    public function resolve_owner($owner): ?int
    {
        if (is_int($owner) || (is_string($owner) && ctype_digit($owner))) {
            $user = get_userdata((int) $owner);
        } elseif (is_string($owner) && $owner !== '') {
            // Logins are stored sanitized, so text that sanitizing changes names no user; asking
            // core anyway makes it look up an empty cache key (a _doing_it_wrong notice).
            $user = (sanitize_user($owner, true) === $owner ? get_user_by('login', $owner) : false)
                ?: (is_email($owner) ? get_user_by('email', $owner) : false);
        } else {
            return null;
        }
        return $user instanceof \WP_User ? (int) $user->ID : null;
    }

    private static function from_user(\WP_User $user): Actor
    {
        return new Actor((int) $user->ID, (string) $user->user_login, (string) ($user->display_name ?: $user->user_login));
    }
}
