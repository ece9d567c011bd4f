<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Notify;

/**
 * Who hears about an event in a scope. For an automation or a category: the automation's owner,
 * the category's owner, backup owner and restart owner, and the category's notify targets. For
 * the whole site (safe mode): the administrators. Site-level targets (the operations channel)
 * hear about everything. When nobody would hear of it, the site's admin email does: a pause
 * nobody is told about is a pause nobody restarts.
 */
final class RecipientResolver
{
    /** @param \Closure(int):?string $email_of a user's email address, null when the user is gone */
    public function __construct(private readonly \Closure $email_of)
    {
    }

    /**
     * @param list<int|null> $user_ids responsible people (owners, backup, restart owner)
     * @param array{emails?:list<string>,webhooks?:list<string>} $scope_targets the category's notify
     * @param array{emails?:list<string>,webhooks?:list<string>} $site_targets site-level settings
     * @param list<string> $admin_emails the administrators' addresses (for the site scope, and as fallback)
     */
    public function resolve(bool $site_wide, array $user_ids, array $scope_targets, array $site_targets, array $admin_emails): Recipients
    {
        $emails = [];
        foreach (array_unique(array_filter($user_ids, static fn ($id) => is_int($id) && $id > 0)) as $id) {
            $email = ($this->email_of)($id);
            if ($email !== null) {
                $emails[] = $email;
            }
        }
        $emails = [...$emails, ...($scope_targets['emails'] ?? [])];
        if ($site_wide || $emails === []) {
            $emails = [...$emails, ...$admin_emails];
        }
        $emails = [...$emails, ...($site_targets['emails'] ?? [])];
        $webhooks = [...($scope_targets['webhooks'] ?? []), ...($site_targets['webhooks'] ?? [])];
        return new Recipients(self::unique_emails($emails), self::unique($webhooks));
    }

    /**
     * @param list<mixed> $emails
     * @return list<string>
     */
    private static function unique_emails(array $emails): array
    {
        $seen = [];
        foreach ($emails as $email) {
            $email = is_string($email) ? trim($email) : '';
            if ($email === '' || filter_var($email, FILTER_VALIDATE_EMAIL) === false) {
                continue;
            }
            $seen[strtolower($email)] ??= $email;
        }
        return array_values($seen);
    }

    /**
     * @param list<mixed> $urls
     * @return list<string>
     */
    private static function unique(array $urls): array
    {
        $urls = array_filter(array_map(static fn ($u) => is_string($u) ? trim($u) : '', $urls), static fn (string $u) => $u !== '');
        return array_values(array_unique($urls));
    }
}
