<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Config;

/**
 * The seven categories every site starts with, with pause policies that fit what each usually does:
 * money and customer-facing messages stop hard and drop what is queued; content and images finish
 * what they started and hold the rest.
 */
final class BuiltinCategories
{
    /** @return array<string,Category> keyed by slug */
    public static function all(?int $owner_id = null): array
    {
        $defs = [
            'commerce' => ['Commerce', 'Orders, payments, refunds, stock and pricing automation.', new PausePolicy('stop_at_checkpoint', 'hold', 'hold', 'hold', 'Check orders touched by failed runs; refunds and captures are never retried automatically.')],
            'content' => ['Content', 'Publishing, editing, SEO and translation workflows.', new PausePolicy('finish', 'hold', 'skip', 'hold')],
            'support' => ['Support', 'Ticket triage, replies and customer messages.', new PausePolicy('stop_at_checkpoint', 'hold', 'skip', 'hold', 'Review replies sent since the last good run.')],
            'marketing' => ['Marketing', 'Campaigns, newsletters, social posts and audience sync.', new PausePolicy('stop_at_checkpoint', 'cancel', 'skip', 'cancel', 'Confirm no campaign went out half-sent.')],
            'system' => ['System', 'Maintenance, backups, cleanup and sync jobs.', new PausePolicy('finish', 'hold', 'hold', 'hold')],
            'image' => ['Image', 'Image generation, alt text and media processing.', new PausePolicy('finish', 'hold', 'skip', 'hold')],
            'agent' => ['Agent', 'AI agents that plan and call tools on their own.', new PausePolicy('stop_at_checkpoint', 'cancel', 'skip', 'cancel', 'Read the agent transcripts of the last runs before restarting.')],
        ];
        $categories = [];
        foreach ($defs as $slug => [$label, $description, $policy]) {
            $categories[$slug] = new Category($slug, $label, $description, true, $owner_id, null, $policy);
        }
        return $categories;
    }

    /** @return list<string> */
    public static function slugs(): array
    {
        return ['commerce', 'content', 'support', 'marketing', 'system', 'image', 'agent'];
    }
}
