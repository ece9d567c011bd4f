<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Providers;

use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Identifier;
use SophMate\SafeMode\Domain\Text;

/** An external service automation depends on (AI API, payments, mail), known by its hosts. */
final class Provider
{
    public const STATUSES = ['operational', 'degraded', 'outage', 'unknown'];

    /** @param list<string> $hosts exact hosts or "*.example.com" patterns */
    public function __construct(
        public readonly string $slug,
        public readonly string $label,
        public readonly array $hosts,
        public readonly string $status = 'unknown',
        public readonly ?string $status_url = null,
        public readonly ?\DateTimeImmutable $checked_at = null,
    ) {
    }

    /** @param array<string,mixed> $input */
    public static function from_input(string $slug, array $input, ?self $base, \DateTimeImmutable $now): self
    {
        Identifier::assert_valid($slug, 'provider');
        $label = array_key_exists('label', $input) ? Text::clean((string) $input['label']) : ($base->label ?? $slug);
        if ($label === '' || mb_strlen($label) > 100) {
            throw new InvalidInput('sophmate_invalid_label', 'label must be 1-100 characters.');
        }
        $hosts = $base->hosts ?? [];
        if (array_key_exists('hosts', $input)) {
            if (!is_array($input['hosts'])) {
                throw new InvalidInput('sophmate_invalid_hosts', 'hosts must be a list of host names such as api.example.com or *.example.com.');
            }
            $hosts = [];
            foreach ($input['hosts'] as $host) {
                $host = is_string($host) ? strtolower(trim($host)) : '';
                if (preg_match('/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/', $host) !== 1 || strlen($host) > 253) {
                    throw new InvalidInput('sophmate_invalid_hosts', sprintf('"%s" is not a host name (use api.example.com or *.example.com).', Text::clip((string) (is_scalar($host) ? $host : ''), 80)));
                }
                $hosts[] = $host;
            }
        }
        $status = array_key_exists('status', $input) ? (string) $input['status'] : ($base->status ?? 'unknown');
        if (!in_array($status, self::STATUSES, true)) {
            throw new InvalidInput('sophmate_invalid_status', sprintf('status must be one of %s.', implode(', ', self::STATUSES)));
        }
        $status_url = array_key_exists('status_url', $input) ? Text::url(is_string($input['status_url']) ? $input['status_url'] : null, 'status_url') : ($base->status_url ?? null);
        $checked_at = array_key_exists('status', $input) ? $now : ($base->checked_at ?? null);
        return new self($slug, $label, array_values(array_unique($hosts)), $status, $status_url, $checked_at);
    }

    public function matches_host(string $host): bool
    {
        $host = strtolower($host);
        foreach ($this->hosts as $pattern) {
            if ($pattern === $host || (str_starts_with($pattern, '*.') && str_ends_with($host, substr($pattern, 1)))) {
                return true;
            }
        }
        return false;
    }

    /** @return array<string,mixed> */
    public function to_array(): array
    {
        return [
            'slug' => $this->slug,
            'label' => $this->label,
            'hosts' => $this->hosts,
            'status' => $this->status,
            'status_url' => $this->status_url,
            'checked_at' => $this->checked_at?->format('Y-m-d\TH:i:s\Z'),
        ];
    }

    /** @param array<string,mixed> $data */
    public static function from_array(array $data): self
    {
        return new self(
            (string) $data['slug'],
            (string) ($data['label'] ?? $data['slug']),
            array_values(array_map('strval', (array) ($data['hosts'] ?? []))),
            in_array($data['status'] ?? '', self::STATUSES, true) ? (string) $data['status'] : 'unknown',
            isset($data['status_url']) ? (string) $data['status_url'] : null,
            isset($data['checked_at']) ? new \DateTimeImmutable((string) $data['checked_at']) : null,
        );
    }
}
