<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Providers;

use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Exception\Conflict;
use SophMate\SafeMode\Domain\Providers\Provider;
use SophMate\SafeMode\Domain\Providers\StatusPageParser;
use SophMate\SafeMode\Domain\Providers\StatusReading;
use SophMate\SafeMode\Domain\Providers\UnreadableStatusPage;
use SophMate\SafeMode\Services;

/**
 * Fetches a provider's status URL and records the result. Called only from the cron event, WP-CLI
 * and an explicit "check now" request: never from a page load, since a slow status page must
 * not slow the site down.
 */
final class StatusPoller
{
    /** Seconds a status page may take (default 5): `add_filter('sophmate_safe_mode_provider_poll_timeout', fn () => 2.0)`. */
    public const TIMEOUT_FILTER = 'sophmate_safe_mode_provider_poll_timeout';
    public const DEFAULT_TIMEOUT = 5.0;
    private const REDIRECTS = 3;
    // A status.json is a few KB; anything much larger is not one and is not read into memory.
    private const MAX_BYTES = 262144;

    private readonly ProviderChangeRecorder $recorder;

    public function __construct(private readonly Services $services)
    {
        $this->recorder = new ProviderChangeRecorder($services);
    }

    /**
     * Polls every provider that has a status URL.
     *
     * @return list<Provider> the providers after their poll
     */
    public function poll_all(Actor $actor, string $source): array
    {
        $this->services->providers->forget();
        $polled = [];
        foreach ($this->services->providers->all() as $provider) {
            if ($provider->status_url !== null) {
                $polled[] = $this->poll($provider, $actor, $source);
            }
        }
        return $polled;
    }

    /** @throws Conflict when the provider has no status URL */
    public function poll(Provider $provider, Actor $actor, string $source): Provider
    {
        $url = $provider->status_url;
        if ($url === null) {
            throw new Conflict('sophmate_provider_not_polled', sprintf('Provider "%s" has no status_url to check; set one, or set its status by hand.', $provider->slug));
        }
        $result = $this->fetch($url);
        $now = $this->services->clock->now();
        // The request may have taken seconds: apply the result to what is stored now.
        $current = $this->services->providers->fresh($provider->slug);
        if ($current === null) {
            return $provider; // Deleted while we waited; nothing to record.
        }
        $after = $result instanceof StatusReading ? $current->with_reading($result, $now) : $current->with_poll_error($result, $now);
        $this->recorder->record($current, $after, $actor, $source);
        return $after;
    }

    /** The reading, or why there is none (the message shown as last_error). */
    private function fetch(string $url): StatusReading|string
    {
        $timeout = apply_filters(self::TIMEOUT_FILTER, self::DEFAULT_TIMEOUT, $url);
        $timeout = is_numeric($timeout) && (float) $timeout > 0 ? (float) $timeout : self::DEFAULT_TIMEOUT;
        // wp_safe_remote_get: a status URL is typed by an admin, but must not become a way to
        // probe the private network; redirects are checked the same way.
        $response = $this->services->outbound_gate->exempt(static fn () => wp_safe_remote_get($url, [
            'timeout' => $timeout,
            'redirection' => self::REDIRECTS,
            'limit_response_size' => self::MAX_BYTES,
            'headers' => ['Accept' => 'application/json'],
            'user-agent' => 'SophMate Safe Mode provider status check; ' . home_url('/'),
        ]));
        if (is_wp_error($response)) {
            return sprintf('The status page could not be reached: %s', $response->get_error_message());
        }
        $code = (int) wp_remote_retrieve_response_code($response);
        if ($code < 200 || $code > 299) {
            return sprintf('The status page answered HTTP %d%s.', $code, wp_remote_retrieve_response_message($response) !== '' ? ' ' . wp_remote_retrieve_response_message($response) : '');
        }
        try {
            return StatusPageParser::parse((string) wp_remote_retrieve_body($response));
        } catch (UnreadableStatusPage $e) {
            return $e->getMessage();
        }
    }
}
