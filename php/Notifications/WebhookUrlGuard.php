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
    /**
     * Why $url may not be used, or null. $resolve also checks the addresses the host name resolves
     * to, and sets $pin to "host:port:address" (one of the addresses checked), for delivery to
     * connect to exactly that address: resolving the name again when connecting would let a DNS
     * answer that changes in between (rebinding) reach an address that was never checked.
     */
    public function refusal(string $url, bool $resolve = false, ?string &$pin = null): ?string
    {
        $pin = null;
        $own = array_values(array_unique(array_filter([
            strtolower((string) wp_parse_url(home_url(), PHP_URL_HOST)),
            strtolower((string) wp_parse_url(site_url(), PHP_URL_HOST)),
        ])));
        $host = strtolower(trim((string) wp_parse_url($url, PHP_URL_HOST), '[]'));
        $ips = [];
        if ($resolve && $host !== '' && filter_var(WebhookUrlPolicy::normalised_host($host), FILTER_VALIDATE_IP) === false) {
            /**
             * The IPv4 addresses a webhook host name resolves to (gethostbynamel() by default).
             *
             * @param list<string> $ips
             * @param string       $host
             */
            $ips = array_values(array_filter((array) apply_filters('sophmate_safe_mode_webhook_addresses', gethostbynamel($host) ?: [], $host), 'is_string'));
            if ($ips !== []) {
                $scheme = strtolower((string) wp_parse_url($url, PHP_URL_SCHEME));
                $port = (int) (wp_parse_url($url, PHP_URL_PORT) ?: ($scheme === 'https' ? 443 : 80));
                $pin = sprintf('%s:%d:%s', $host, $port, $ips[0]);
            }
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
