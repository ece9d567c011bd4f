<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Storage;

use SophMate\SafeMode\Domain\Providers\Provider;

/**
 * Providers in one non-autoloaded option. The outbound gate reads it only when something is
 * paused or read-only, so a quiet site never pays for it.
 */
final class OptionProviderRepository
{
    public const OPTION = 'sophmate_safe_mode_providers';

    /** @var array<string,Provider>|null */
    private ?array $cache = null;

    /** @return array<string,Provider> */
    public function all(): array
    {
        if ($this->cache !== null) {
            return $this->cache;
        }
        $stored = get_option(self::OPTION, []);
        $providers = [];
        foreach (is_array($stored) ? $stored : [] as $slug => $data) {
            if (is_array($data) && is_string($slug)) {
                try {
                    $providers[$slug] = Provider::from_array(['slug' => $slug] + $data);
                } catch (\Exception) {
                    continue; // One damaged entry must not hide the others.
                }
            }
        }
        return $this->cache = $providers;
    }

    public function find(string $slug): ?Provider
    {
        return $this->all()[$slug] ?? null;
    }

    public function save(Provider $provider): void
    {
        $stored = get_option(self::OPTION, []);
        $stored = is_array($stored) ? $stored : [];
        $stored[$provider->slug] = $provider->to_array();
        if (get_option(self::OPTION, null) === null) {
            add_option(self::OPTION, $stored, '', 'no');
        } else {
            update_option(self::OPTION, $stored, false);
        }
        $this->cache = null;
    }

    /** @return list<Provider> */
    public function matching_host(string $host): array
    {
        return array_values(array_filter($this->all(), static fn (Provider $p): bool => $p->matches_host($host)));
    }

    public function forget(): void
    {
        $this->cache = null;
    }
}
