<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Drills;

use SophMate\SafeMode\Domain\Drills\BindingResult;
use SophMate\SafeMode\Domain\Drills\DrillBinding;
use SophMate\SafeMode\Storage\OptionProviderRepository;

/**
 * The outbound HTTP plane: inside a run of the automation (the run start_run() hands back even
 * when refused), a write and a read request to the provider's host must both be refused by the
 * outbound gate (pre_http_request, priority 1). A probe at priority 2 answers anything the gate
 * let through, so the drill never sends a byte over the network.
 */
final class ProviderProbe implements BindingProbe
{
    private const METHODS = ['POST', 'GET'];

    public function __construct(private readonly OptionProviderRepository $providers, private readonly ProbeRuns $runs)
    {
    }

    public function exercise(DrillBinding $binding, int $drill_id): BindingResult
    {
        $provider = $this->providers->find($binding->target);
        if ($provider === null) {
            return BindingResult::not_exercised($binding, sprintf('Not exercised: there is no provider "%s"; add it under Providers with its hosts.', $binding->target));
        }
        $host = self::sample_host($provider->hosts);
        if ($host === null || !$provider->matches_host($host)) {
            return BindingResult::not_exercised($binding, sprintf('Not exercised: provider "%s" has no host patterns, so the outbound gate has nothing to refuse.', $binding->target));
        }
        $url = 'https://' . $host . '/sophmate-drill-probe';
        $through = [];
        $refusals = [];
        $probe = static function ($pre, $args) use (&$through) {
            if ($pre !== false) {
                return $pre;
            }
            $through[] = strtoupper((string) ($args['method'] ?? 'GET'));
            return new \WP_Error('sophmate_drill_probe', 'Pause drill probe: the request got past the outbound gate; it was not sent.');
        };
        add_filter('pre_http_request', $probe, 2, 2);
        $run = sophmate_safe_mode_start_run($binding->automation, ['trigger' => 'drill', 'drill' => $drill_id, 'probe' => 'provider:' . $binding->target]);
        try {
            foreach (self::METHODS as $method) {
                $response = wp_remote_request($url, ['method' => $method, 'timeout' => 2, 'redirection' => 0, 'body' => $method === 'GET' ? null : '{}']);
                if ($response instanceof \WP_Error && $response->get_error_code() === 'sophmate_paused') {
                    $refusals[] = $method;
                }
            }
        } finally {
            remove_filter('pre_http_request', $probe, 2);
            $this->runs->settle($run);
            unset($run);
        }
        if ($through !== []) {
            return BindingResult::got_through($binding, sprintf('%s to %s got past the outbound gate: the provider would have been called.', implode(' and ', $through), $host));
        }
        if (count($refusals) !== count(self::METHODS)) {
            return BindingResult::got_through($binding, sprintf('Requests to %s were stopped, but not by the outbound gate (no sophmate_paused refusal); another filter answered first.', $host));
        }
        return BindingResult::held($binding, sprintf('POST and GET to %s (provider %s) were refused before any network traffic.', $host, $provider->slug));
    }

    /**
     * A concrete host for the provider's first usable pattern.
     *
     * @param list<string> $patterns
     */
    private static function sample_host(array $patterns): ?string
    {
        foreach ($patterns as $pattern) {
            $pattern = strtolower(trim($pattern));
            if ($pattern === '') {
                continue;
            }
            return str_starts_with($pattern, '*.') ? 'sophmate-drill' . substr($pattern, 1) : $pattern;
        }
        return null;
    }
}
