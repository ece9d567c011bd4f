<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit;

use PHPUnit\Framework\TestCase;
use SophMate\SafeMode\Domain\Notify\WebhookUrlPolicy;

/** Every spelling of a refused webhook address is read the way the resolver reads it. */
final class WebhookUrlSpellingsTest extends TestCase
{
    /** @return array<string,array{string,?string}> */
    public static function urls(): array
    {
        $loopback = 'points at this machine (loopback)';
        $metadata = 'points at a cloud metadata service';
        return [
            'decimal' => ['http://2130706433/', $loopback],
            'octal' => ['http://0177.0.0.1/', $loopback],
            'octal single number' => ['http://017700000001/', $loopback],
            'hex parts' => ['http://0x7f.1/', $loopback],
            'hex single number' => ['http://0x7f000001/', $loopback],
            'short form' => ['http://127.1/', $loopback],
            'ipv6 long form' => ['http://[0:0:0:0:0:0:0:1]/', $loopback],
            'ipv4-mapped ipv6 in hex' => ['http://[::ffff:7f00:1]/', $loopback],
            'ipv4-compatible ipv6' => ['http://[::127.0.0.1]/', $loopback],
            'localhost with trailing dot' => ['http://localhost./', $loopback],
            'metadata decimal' => ['http://2852039166/', $metadata],
            'metadata hex' => ['http://0xa9fea9fe/', $metadata],
            'metadata trailing dot' => ['http://169.254.169.254./', $metadata],
            'metadata name trailing dot' => ['http://metadata.google.internal./', $metadata],
            'metadata through nat64' => ['http://[64:ff9b::a9fe:a9fe]/', $metadata],
            'metadata ipv4-mapped' => ['http://[::ffff:169.254.169.254]/', $metadata],
            'aws ipv6 metadata' => ['http://[fd00:ec2::254]/', $metadata],
            'link-local ipv6' => ['http://[fe80::1]/', 'points at a link-local address'],
            'unspecified' => ['http://0/', 'points at an unspecified address'],
            'own host with trailing dot' => ['https://shop.example./hook', 'points at this site itself'],
            'own host upper case' => ['https://SHOP.example/hook', 'points at this site itself'],
            'file' => ['file:///etc/passwd', 'must use http or https'],
            'gopher' => ['gopher://hooks.example:70/_x', 'must use http or https'],
            'dict' => ['dict://hooks.example:11211/', 'must use http or https'],
            'javascript' => ['javascript:alert(1)', 'is not a valid URL'],
            'public address' => ['http://93.184.216.34/hook', null],
            'private network stays allowed' => ['http://10.0.0.5/hook', null],
            'not an address, just a name' => ['http://999.1.1.1/hook', null],
        ];
    }

    /** @dataProvider urls */
    public function test_a_spelling_is_refused_for_what_it_reaches(string $url, ?string $refusal): void
    {
        self::assertSame($refusal, (new WebhookUrlPolicy(['shop.example']))->refusal($url));
    }

    public function test_hosts_are_normalised_like_the_resolver_reads_them(): void
    {
        self::assertSame('127.0.0.1', WebhookUrlPolicy::normalised_host('0x7F.0.0.1'));
        self::assertSame('10.1.0.1', WebhookUrlPolicy::normalised_host('10.1.1'));
        self::assertSame('::1', WebhookUrlPolicy::normalised_host('[0000::0001]'));
        self::assertSame('hooks.example', WebhookUrlPolicy::normalised_host('Hooks.Example.'));
        self::assertSame('1.2.3.256', WebhookUrlPolicy::normalised_host('1.2.3.256'), 'out of range: a name, not an address');
    }
}
