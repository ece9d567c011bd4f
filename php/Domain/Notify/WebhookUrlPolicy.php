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
        $host = self::normalised_host((string) ($parts['host'] ?? ''));
        if ($host === '') {
            return 'has no host';
        }
        if (in_array($host, array_map([self::class, 'normalised_host'], $this->own_hosts), true)) {
            return 'points at this site itself';
        }
        if (in_array($host, self::METADATA_HOSTS, true)) {
            return 'points at a cloud metadata service';
        }
        if ($host === 'localhost' || str_ends_with($host, '.localhost')) {
            return 'points at this machine (loopback)';
        }
        foreach (filter_var($host, FILTER_VALIDATE_IP) !== false ? [$host] : $resolved_ips as $ip) {
            $why = self::ip_refusal(self::normalised_host((string) $ip));
            if ($why !== null) {
                return $why;
            }
        }
        return null;
    }

    /**
     * The host as the resolver will read it: lower case, no brackets or trailing dot ("localhost."
     * is localhost), IPv6 in its canonical short form ("0:0:0:0:0:0:0:1" is ::1), and the numeric
     * IPv4 forms inet_aton() accepts as a dotted quad ("2130706433", "0x7f.1", "0177.0.0.1" and
     * "127.1" are all 127.0.0.1), so none of them slips past the checks below.
     */
    public static function normalised_host(string $host): string
    {
        $host = rtrim(strtolower(trim(trim($host), '[]')), '.');
        $ipv4 = self::numeric_ipv4($host);
        if ($ipv4 !== null) {
            return $ipv4;
        }
        if (str_contains($host, ':')) {
            $packed = @inet_pton(explode('%', $host)[0]); // phpcs:ignore -- false for a non-address
            if ($packed !== false) {
                return (string) inet_ntop($packed);
            }
        }
        return $host;
    }

    /** inet_aton()'s forms: one to four parts, each decimal, octal (leading 0) or hex (0x). */
    private static function numeric_ipv4(string $host): ?string
    {
        if (preg_match('/^(?:0x[0-9a-f]*|\d+)(?:\.(?:0x[0-9a-f]*|\d+)){0,3}$/D', $host) !== 1) {
            return null;
        }
        $numbers = [];
        foreach (explode('.', $host) as $part) {
            if (strlen($part) > 12) {
                return null;
            }
            if (str_starts_with($part, '0x')) {
                $numbers[] = $part === '0x' ? 0 : (int) hexdec(substr($part, 2));
            } elseif (strlen($part) > 1 && $part[0] === '0') {
                if (preg_match('/^[0-7]+$/D', $part) !== 1) {
                    return null;
                }
                $numbers[] = (int) octdec($part);
            } else {
                $numbers[] = (int) $part;
            }
        }
        $last = (int) array_pop($numbers);
        $value = 0;
        foreach ($numbers as $i => $number) {
            if ($number > 255) {
                return null;
            }
            $value |= $number << (24 - 8 * $i);
        }
        if ($last >= 2 ** (8 * (4 - count($numbers)))) {
            return null;
        }
        return long2ip($value | $last);
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
        // IPv4 inside IPv6 (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::/96) reaches that IPv4 address.
        $packed = @inet_pton($ip); // phpcs:ignore -- false for a non-address
        if ($packed !== false && strlen($packed) === 16) {
            $prefix = substr($packed, 0, 12);
            if (in_array($prefix, [str_repeat("\0", 10) . "\xff\xff", str_repeat("\0", 12), "\0\x64\xff\x9b" . str_repeat("\0", 8)], true)) {
                return self::ip_refusal((string) inet_ntop(substr($packed, 12)));
            }
        }
        return null;
    }
}
