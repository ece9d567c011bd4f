<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Notifications;

use SophMate\SafeMode\Admin\ConsoleUrls;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Scope;

/**
 * Mails the people responsible when automation pauses itself (a breaker or a failed trial run):
 * the automation's owner, the category's owner, backup owner and restart owner, and the
 * category's notification addresses. The mail says what stopped, why, and links to the page
 * where the restart review starts, so whoever reads it first can respond.
 */
final class TripNotifier
{
    public function __construct(private readonly Catalog $catalog)
    {
    }

    public function register(): void
    {
        add_action('sophmate_safe_mode_tripped', [$this, 'tripped'], 10, 4);
    }

    /**
     * @param mixed $scope
     * @param mixed $state
     * @param mixed $actor
     * @param mixed $reason
     */
    public function tripped($scope, $state, $actor, $reason): void
    {
        try {
            $parsed = Scope::parse((string) $scope);
            $recipients = $this->recipients($parsed);
        } catch (\Throwable) {
            return; // A scope that vanished meanwhile has nobody left to tell.
        }
        if ($recipients === []) {
            return;
        }
        $site = wp_specialchars_decode((string) get_bloginfo('name'), ENT_QUOTES);
        $subject = sprintf('[%s] Automation paused automatically: %s', $site, $parsed->to_string());
        $body = implode("\n", [
            sprintf('%s was paused automatically and is now %s.', $parsed->to_string(), (string) $state),
            '',
            'Why: ' . (string) $reason,
            '',
            'Nothing restarts by itself. Review what happened and restart with a narrow trial here:',
            $this->review_url($parsed),
            '',
            sprintf('Or from a shell: wp sophmate review %s', $parsed->to_string()),
        ]);
        wp_mail($recipients, $subject, $body);
    }

    /** @return list<string> */
    private function recipients(Scope $scope): array
    {
        $user_ids = [];
        $slug = $scope->id;
        if ($scope->kind === Scope::AUTOMATION) {
            $automation = $this->catalog->automation($scope->id);
            $user_ids[] = $automation->owner_id;
            $slug = $automation->category;
        }
        $emails = [];
        if ($scope->kind !== Scope::GLOBAL) {
            $category = $this->catalog->category($slug);
            $user_ids = [...$user_ids, $category->owner_id, $category->backup_owner_id, $category->policy->restart_owner_id];
            $emails = $category->notify['emails'];
        }
        foreach (array_unique(array_filter($user_ids)) as $id) {
            $user = get_userdata((int) $id);
            if ($user instanceof \WP_User && is_email($user->user_email)) {
                $emails[] = $user->user_email;
            }
        }
        if ($emails === []) {
            $emails[] = (string) get_option('admin_email'); // Ownerless: somebody must still hear of it.
        }
        return array_values(array_unique(array_filter($emails, static fn ($e) => is_email($e) !== false)));
    }

    private function review_url(Scope $scope): string
    {
        return ConsoleUrls::review($scope->to_string());
    }
}
