<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Providers;

use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Identifier;
use SophMate\SafeMode\Domain\Text;

/**
 * An external service automation depends on (AI API, payments, mail), known by its hosts. Its
 * status is set by hand or polled from a Statuspage-style status URL; the last poll's time and
 * error are kept apart from the status, so a failing poll never pretends the provider is down.
 */
final class Provider
{
    public const STATUSES = ['operational', 'degraded', 'outage', 'unknown'];
    public const SOURCES = ['manual', 'polled'];
    /** The fields an operator configures; changing one is a "config" change, not a "status" change. */
    public const CONFIG_FIELDS = ['label', 'hosts', 'status_url'];

    /** @param list<string> $hosts exact hosts or "*.example.com" patterns */
    public function __construct(
        public readonly string $slug,
        public readonly string $label,
        public readonly array $hosts,
        public readonly string $status = 'unknown',
        public readonly ?string $status_url = null,
        public readonly ?\DateTimeImmutable $checked_at = null,
        public readonly string $status_source = 'manual',
        public readonly ?string $status_description = null,
        public readonly ?\DateTimeImmutable $last_polled_at = null,
        public readonly ?string $last_error = null,
        public readonly ?string $polled_status = null,
    ) {
    }

    /** @param array<string,mixed> $input */
    public static function from_input(string $slug, array $input, ?self $base, \DateTimeImmutable $now): self
    {
        Identifier::assert_valid($slug, 'provider');
        $label = array_key_exists('label', $input) ? Text::clean(is_scalar($input['label']) ? (string) $input['label'] : '') : ($base->label ?? $slug);
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
                    throw new InvalidInput('sophmate_invalid_hosts', sprintf('"%s" is not a host name (use api.example.com or *.example.com).', Text::clip($host, 80)));
                }
                $hosts[] = $host;
            }
        }
        $status_url = $base->status_url ?? null;
        if (array_key_exists('status_url', $input)) {
            if ($input['status_url'] !== null && !is_string($input['status_url'])) {
                throw new InvalidInput('sophmate_invalid_status_url', 'status_url must be an http(s) URL or null.');
            }
            $status_url = Text::url($input['status_url'], 'status_url');
        }
        $provider = new self(
            $slug,
            $label,
            array_values(array_unique($hosts)),
            $base->status ?? 'unknown',
            $status_url,
            $base->checked_at ?? null,
            $base->status_source ?? 'manual',
            $base->status_description ?? null,
            $base->last_polled_at ?? null,
            $base->last_error ?? null,
            $base->polled_status ?? null,
        );
        if (!array_key_exists('status', $input)) {
            return $provider;
        }
        $status = is_string($input['status']) ? $input['status'] : '';
        if (!in_array($status, self::STATUSES, true)) {
            throw new InvalidInput('sophmate_invalid_status', sprintf('status must be one of %s.', implode(', ', self::STATUSES)));
        }
        if ($base !== null && $status === $base->status && $base->status_source === 'polled') {
            // The edit form sends the status it shows: repeating the polled reading is not an override.
            return $provider;
        }
        return $provider->with_status($status, 'manual', null, $now);
    }

    /**
     * The result of a successful poll. A status set by hand holds as long as the status page still
     * says what it said when the operator overrode it (status pages often lag an incident); once
     * the page changes its reading, the poll takes over again.
     */
    public function with_reading(StatusReading $reading, \DateTimeImmutable $now): self
    {
        $keeps_manual = $this->status_source === 'manual' && $this->polled_status !== null && $this->polled_status === $reading->status;
        $polled = $this->copy(['last_polled_at' => $now, 'last_error' => null, 'polled_status' => $reading->status]);
        return $keeps_manual ? $polled : $polled->with_status($reading->status, 'polled', $reading->description, $now);
    }

    /** A failed poll: recorded, and the status is left as it was (a broken status page is not an outage). */
    public function with_poll_error(string $error, \DateTimeImmutable $now): self
    {
        return $this->copy(['last_polled_at' => $now, 'last_error' => Text::clip(Text::clean($error), 300)]);
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
            'checked_at' => self::time($this->checked_at),
            'status_source' => $this->status_source,
            'status_description' => $this->status_description,
            'last_polled_at' => self::time($this->last_polled_at),
            'last_error' => $this->last_error,
            'polled_status' => $this->polled_status,
        ];
    }

    /** @param array<string,mixed> $data */
    public static function from_array(array $data): self
    {
        $string = static fn (string $key): ?string => isset($data[$key]) && is_scalar($data[$key]) && (string) $data[$key] !== '' ? (string) $data[$key] : null;
        $time = static fn (string $key): ?\DateTimeImmutable => $string($key) !== null ? new \DateTimeImmutable((string) $string($key)) : null;
        return new self(
            (string) $data['slug'],
            (string) ($data['label'] ?? $data['slug']),
            array_values(array_map('strval', (array) ($data['hosts'] ?? []))),
            in_array($data['status'] ?? '', self::STATUSES, true) ? (string) $data['status'] : 'unknown',
            $string('status_url'),
            $time('checked_at'),
            in_array($data['status_source'] ?? '', self::SOURCES, true) ? (string) $data['status_source'] : 'manual',
            $string('status_description'),
            $time('last_polled_at'),
            $string('last_error'),
            in_array($data['polled_status'] ?? '', self::STATUSES, true) ? (string) $data['polled_status'] : null,
        );
    }

    private function with_status(string $status, string $source, ?string $description, \DateTimeImmutable $now): self
    {
        return $this->copy(['status' => $status, 'status_source' => $source, 'status_description' => $description, 'checked_at' => $now]);
    }

    /** @param array<string,mixed> $changes */
    private function copy(array $changes): self
    {
        $fields = [
            'slug' => $this->slug,
            'label' => $this->label,
            'hosts' => $this->hosts,
            'status' => $this->status,
            'status_url' => $this->status_url,
            'checked_at' => $this->checked_at,
            'status_source' => $this->status_source,
            'status_description' => $this->status_description,
            'last_polled_at' => $this->last_polled_at,
            'last_error' => $this->last_error,
            'polled_status' => $this->polled_status,
        ];
        return new self(...array_merge($fields, $changes));
    }

    private static function time(?\DateTimeImmutable $time): ?string
    {
        return $time?->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d\TH:i:s\Z');
    }
}
