<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Config;

/**
 * The users of the site a configuration document is exported from or imported into. User ids differ
 * between staging and production, so a document names owners by login and email instead.
 */
interface ConfigDocumentUsers
{
    /** @return array{login:string,email:string}|null null when no such user exists (any more) */
    public function describe(int $id): ?array;

    /** The local user with this login, else with this email; null when neither exists. */
    public function find(string $login, string $email): ?int;

    public function exists(int $id): bool;
}
