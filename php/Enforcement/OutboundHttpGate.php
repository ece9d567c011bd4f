<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Enforcement;

use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Decision\Effect;
use SophMate\SafeMode\Domain\Switches\SafeModeMode;
use SophMate\SafeMode\Storage\OptionProviderRepository;
use SophMate\SafeMode\Storage\RunRepository;
use SophMate\SafeMode\Storage\SwitchStateStore;

/**
 * The outbound HTTP plane: spend stops even when a caller ignores the gate. A request to a
 * provider's host is refused before any network traffic when safe mode is paused, or when it is
 * made inside a run of a blocked automation; while read-only, only GET and HEAD get through.
 */
final class OutboundHttpGate
{
    private const READ_METHODS = ['GET', 'HEAD', 'OPTIONS'];

    /** How many exempt() calls are running: the plugin's own status page polls. */
    private int $exempt = 0;

    public function __construct(
        private readonly SwitchStateStore $store,
        private readonly EmergencySwitch $emergency,
        private readonly OptionProviderRepository $providers,
        private readonly RunContext $context,
        private readonly Gate $gate,
        private readonly RunRepository $runs,
        private readonly Clock $clock,
    ) {
    }

    public function register(): void
    {
        add_filter('pre_http_request', [$this, 'filter'], 1, 3);
    }

    /**
     * Runs $request with this gate stepping aside. Only for the plugin's own provider status
     * polls: a GET of a public status page spends nothing, may live on a provider's host, and is
     * needed most while everything is paused. A flag on this object (not a request argument) so
     * no other caller can claim the exemption by passing an option.
     *
     * @template T
     * @param callable():T $request
     * @return T
     */
    public function exempt(callable $request): mixed
    {
        $this->exempt++;
        try {
            return $request();
        } finally {
            $this->exempt--;
        }
    }

    /**
     * @param mixed $pre
     * @param array<string,mixed> $args
     * @return mixed
     */
    public function filter($pre, $args, $url)
    {
        if ($pre !== false || $this->exempt > 0) {
            return $pre;
        }
        $board = $this->store->load();
        $emergency = $this->emergency->state();
        $current = $this->context->current();
        // Nothing paused and no governed run in progress: no lookups at all. Inside a run the
        // automation's own decision still counts: a read-only automation may not write to a provider.
        if ($board->is_quiet() && !$emergency->is_active() && $current === null) {
            return $pre;
        }
        $host = (string) parse_url((string) $url, PHP_URL_HOST);
        $matching = $host === '' ? [] : $this->providers->matching_host($host);
        if ($matching === []) {
            return $pre;
        }
        $provider = $matching[0]->slug;
        $method = strtoupper((string) ($args['method'] ?? 'GET'));
        $effect = $this->effect($board->is_corrupt(), $board->safe_mode->mode, $emergency->is_active() ? $emergency->mode : null);
        $reason = '';
        if ($current !== null) {
            $decision = $this->gate->decide($current['automation']);
            if ($decision->effect->restrictiveness() > $effect->restrictiveness()) {
                $effect = $decision->effect;
            }
            $reason = $decision->reason();
        }
        if ($effect === Effect::Run || ($effect === Effect::ReadOnly && in_array($method, self::READ_METHODS, true))) {
            return $pre;
        }
        $message = $effect === Effect::Blocked
            ? sprintf('SophMate Safe Mode refused a request to %s (provider %s): automation is paused. %s', $host, $provider, $reason)
            : sprintf('SophMate Safe Mode refused a %s request to %s (provider %s): automation is read-only. %s', $method, $host, $provider, $reason);
        if ($current !== null) {
            $this->runs->add_event($current['run_id'], 'refused', ['name' => $method . ' ' . $host, 'data' => ['provider' => $provider, 'reason' => trim($message)]], $this->clock->now());
        }
        return new \WP_Error('sophmate_paused', trim($message), ['status' => 503, 'provider' => $provider, 'host' => $host]);
    }

    private function effect(bool $corrupt, SafeModeMode $global, ?SafeModeMode $emergency): Effect
    {
        if ($corrupt || $global === SafeModeMode::Paused || $emergency === SafeModeMode::Paused) {
            return Effect::Blocked;
        }
        if ($global === SafeModeMode::ReadOnly || $emergency === SafeModeMode::ReadOnly) {
            return Effect::ReadOnly;
        }
        return Effect::Run;
    }
}
