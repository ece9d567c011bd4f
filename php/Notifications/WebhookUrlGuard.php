<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Notifications;

use SophMate\SafeMode\Domain\Notify\WebhookUrlPolicy;

/**
 * Applies the webhook URL policy with this site's own hosts, and lets a site allow a refused URL
 * through the `sophmate_safe_mode_allow_webhook_url` filter (the development sites allow their
 * loopback webhook sink that way).
 */
final class WebhookUrlGuard
{
    /** Why $url may not be used, or null. $resolve also checks the addresses the host name resolves to. */
    public function refusal(string $url, bool $resolve = false): ?string
    {
        $own = array_values(array_unique(array_filter([
            strtolower((string) wp_parse_url(home_url(), PHP_URL_HOST)),
            strtolower((string) wp_parse_url(site_url(), PHP_URL_HOST)),
        ])));
        $host = strtolower(trim((string) wp_parse_url($url, PHP_URL_HOST), '[]'));
        $ips = [];
        if ($resolve && $host !== '' && filter_var($host, FILTER_VALIDATE_IP) === false) {
            $ips = gethostbynamel($host) ?: [];
        }
        $refusal = (new WebhookUrlPolicy($own))->refusal($url, $ips);
        if ($refusal === null) {
            return null;
        }
        /**
         * Allows a webhook URL that the plugin refuses by default (this site itself, loopback,
         * link-local or cloud metadata addresses), e.g. a local receiver in development.
         *
         * @param bool   $allow   false by default.
         * @param string $url     the webhook URL.
         * @param string $refusal why it is refused, e.g. "points at this machine (loopback)".
         */
        return apply_filters('sophmate_safe_mode_allow_webhook_url', false, $url, $refusal) === true ? null : $refusal;
    }
}
