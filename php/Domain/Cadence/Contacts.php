<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Cadence;

/** Who hears about one category's escalations: resolved addresses, or null when that person is missing. */
final class Contacts
{
    /**
     * @param list<string> $emails the category's configured notification addresses (told like the owner)
     * @param list<string> $webhooks the category's webhook URLs (one digest each per day)
     */
    public function __construct(
        public readonly ?string $owner_email,
        public readonly ?string $backup_email,
        public readonly array $emails = [],
        public readonly array $webhooks = [],
    ) {
    }
}
