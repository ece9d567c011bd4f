<?php

declare(strict_types=1);

namespace SophMate\SafeMode\ConfigTransfer;

use SophMate\SafeMode\Domain\Config\ConfigDocumentUsers;

/** This site's users, as a configuration document names them (login and email). */
final class SiteUsers implements ConfigDocumentUsers
{
    public function describe(int $id): ?array
    {
        $user = get_userdata($id);
        return $user instanceof \WP_User ? ['login' => (string) $user->user_login, 'email' => (string) $user->user_email] : null;
    }

    public function find(string $login, string $email): ?int
    {
        $user = ($login !== '' ? get_user_by('login', $login) : false) ?: ($email !== '' ? get_user_by('email', $email) : false);
        return $user instanceof \WP_User ? (int) $user->ID : null;
    }

    public function exists(int $id): bool
    {
        return get_userdata($id) instanceof \WP_User;
    }
}
