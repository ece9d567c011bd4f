<?php

declare(strict_types=1);

namespace SophMate\SafeMode\ConfigTransfer;

/** sophmate-config-<site host>-<environment>-<date>.json: says where a file came from at a glance. */
final class ConfigFileName
{
    /** @param array<string,mixed> $document */
    public static function for(array $document): string
    {
        $host = (string) parse_url((string) ($document['site'] ?? ''), PHP_URL_HOST);
        $parts = ['sophmate-config', $host !== '' ? $host : 'site', (string) ($document['environment'] ?? ''), substr((string) ($document['exported_at'] ?? ''), 0, 10)];
        $name = implode('-', array_filter(array_map(static fn (string $p): string => trim((string) preg_replace('/[^a-z0-9.]+/', '-', strtolower($p)), '-'), $parts)));
        return $name . '.json';
    }
}
