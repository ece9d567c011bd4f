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
        $stored = $this->stored();
        $stored[$provider->slug] = $provider->to_array();
        $this->write($stored);
    }

    public function delete(string $slug): void
    {
        $stored = $this->stored();
        unset($stored[$slug]);
        $this->write($stored);
    }

    /**
     * The provider as the database holds it now, not as this request first read it: a poll that
     * waited seconds on the network compares against this, so a change saved meanwhile (another
     * poll, an edit) is not reported twice or overwritten with stale fields.
     */
    public function fresh(string $slug): ?Provider
    {
        wp_cache_delete(self::OPTION, 'options');
        $this->cache = null;
        return $this->find($slug);
    }

    /** @return array<string,mixed> */
    private function stored(): array
    {
        $stored = get_option(self::OPTION, []);
        return is_array($stored) ? $stored : [];
    }

    /** @param array<string,mixed> $stored */
    private function write(array $stored): void
    {
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
