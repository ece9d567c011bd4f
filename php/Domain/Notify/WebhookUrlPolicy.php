<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Notify;

/**
 * Which webhook URLs the site may POST to. A webhook target is typed in by an operator but
 * requested by the server, so it must not turn the site into a proxy to itself, to link-local
 * addresses or to a cloud metadata service (where credentials live). Private networks stay
 * allowed: internal chat relays often live there.
 */
final class WebhookUrlPolicy
{
    private const METADATA_HOSTS = ['metadata.google.internal', 'metadata', 'metadata.azure.com', 'instance-data', 'instance-data.ec2.internal'];
    private const METADATA_IPS = ['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254', '192.0.0.192'];

    /** @param list<string> $own_hosts the site's own host names (home and site URL) */
    public function __construct(private readonly array $own_hosts)
    {
    }

    /**
     * Why the URL is refused, or null when it may be used.
     *
     * @param list<string> $resolved_ips the host's addresses when it is a name (empty when unknown)
     */
    public function refusal(string $url, array $resolved_ips = []): ?string
    {
        $url = trim($url);
        if ($url === '' || strlen($url) > 2000 || filter_var($url, FILTER_VALIDATE_URL) === false) {
            return 'is not a valid URL';
        }
        $parts = parse_url($url);
        $scheme = strtolower((string) ($parts['scheme'] ?? ''));
        if (!in_array($scheme, ['http', 'https'], true)) {
            return 'must use http or https';
        }
        if (isset($parts['user']) || isset($parts['pass'])) {
            return 'must not contain a user name or password';
        }
        $host = strtolower(trim((string) ($parts['host'] ?? ''), '[]'));
        if ($host === '') {
            return 'has no host';
        }
        if (in_array($host, array_map('strtolower', $this->own_hosts), true)) {
            return 'points at this site itself';
        }
        if (in_array($host, self::METADATA_HOSTS, true)) {
            return 'points at a cloud metadata service';
        }
        if ($host === 'localhost' || str_ends_with($host, '.localhost')) {
            return 'points at this machine (loopback)';
        }
        foreach (filter_var($host, FILTER_VALIDATE_IP) !== false ? [$host] : $resolved_ips as $ip) {
            $why = self::ip_refusal(strtolower($ip));
            if ($why !== null) {
                return $why;
            }
        }
        return null;
    }

    private static function ip_refusal(string $ip): ?string
    {
        if (in_array($ip, self::METADATA_IPS, true)) {
            return 'points at a cloud metadata service';
        }
        if (filter_var($ip, FILTER_VALIDATE_IP, FILTER_FLAG_IPV4) !== false) {
            $long = (int) ip2long($ip);
            $in = static fn (string $net, int $bits): bool => ($long & (-1 << (32 - $bits))) === ((int) ip2long($net) & (-1 << (32 - $bits)));
            if ($in('127.0.0.0', 8)) {
                return 'points at this machine (loopback)';
            }
            if ($in('169.254.0.0', 16)) {
                return 'points at a link-local address';
            }
            if ($in('0.0.0.0', 8)) {
                return 'points at an unspecified address';
            }
            return null;
        }
        if ($ip === '::1' || $ip === '::') {
            return 'points at this machine (loopback)';
        }
        if (str_starts_with($ip, 'fe8') || str_starts_with($ip, 'fe9') || str_starts_with($ip, 'fea') || str_starts_with($ip, 'feb')) {
            return 'points at a link-local address';
        }
        if (str_starts_with($ip, '::ffff:')) {
            return self::ip_refusal(substr($ip, 7));
        }
        return null;
    }
}
