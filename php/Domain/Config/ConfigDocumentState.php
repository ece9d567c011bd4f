<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Config;

use SophMate\SafeMode\Domain\Providers\Provider;

/**
 * Everything a configuration document carries, as domain objects: what a site has now, or what it
 * will have after an import.
 */
final class ConfigDocumentState
{
    /**
     * @param array<string,Category> $categories
     * @param array<string,AutomationDefinition> $automations created in the admin (origin admin)
     * @param array<string,AutomationDefinition> $code_automations registered by plugins' code on this request
     * @param array<string,Provider> $providers
     * @param array<string,int> $settings
     * @param array{emails:list<string>,webhooks:list<string>} $notifications site-wide targets (never the signing secret)
     */
    public function __construct(
        public readonly array $categories,
        public readonly array $automations,
        public readonly array $code_automations,
        public readonly array $providers,
        public readonly array $settings,
        public readonly array $notifications = ['emails' => [], 'webhooks' => []],
    ) {
    }
}
