<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Drills;

use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Drills\BindingResult;
use SophMate\SafeMode\Domain\Drills\DrillBinding;
use SophMate\SafeMode\Domain\Runs\RunStatus;
use SophMate\SafeMode\Enforcement\Gate;
use SophMate\SafeMode\Enforcement\RunContext;
use SophMate\SafeMode\Storage\OptionProviderRepository;
use SophMate\SafeMode\Storage\RunRepository;

/**
 * Read-only refusals, checked once the category is back in its prior state: the gate must decide
 * "read-only" for a read-only automation (so Run::touched() refuses writes), and a write to each of
 * its providers from inside its run must be refused by the outbound gate. No run is started: the
 * check runs inside a run row recorded as cancelled, so it neither counts as a read-only run nor
 * fires run_finished; a probe after the outbound gate keeps every request off the network.
 */
final class ReadOnlyProbe implements BindingProbe
{
    public function __construct(
        private readonly Catalog $catalog,
        private readonly Gate $gate,
        private readonly OptionProviderRepository $providers,
        private readonly RunRepository $runs,
        private readonly RunContext $context,
        private readonly Clock $clock,
    ) {
    }

    public function exercise(DrillBinding $binding, int $drill_id): BindingResult
    {
        $automation = $this->catalog->find_automation($binding->automation);
        if ($automation === null) {
            return BindingResult::not_exercised($binding, 'Not exercised: the automation is no longer registered.');
        }
        $decision = $this->gate->decide_for($automation, 'drill', true);
        if (!$decision->allows_run()) {
            return BindingResult::not_exercised($binding, sprintf('Not exercised: in its prior state the automation is blocked (%s), which refuses more than read-only does.', $decision->reason()));
        }
        if (!$decision->is_read_only()) {
            return BindingResult::got_through($binding, sprintf('The gate lets this read-only automation write: its decision is "%s" (%s).', $decision->effect->value, $decision->reason()));
        }
        $refused = [];
        $through = [];
        $run_id = $this->runs->create($automation->id, $automation->category, ProbeRuns::TRIGGER, RunStatus::Cancelled, true, 1, $decision->scope(), 'Pause drill read-only check: nothing ran.', ['drill' => $drill_id, 'probe' => 'read_only'], $this->clock->now());
        $probe = static function ($pre, $args) use (&$through) {
            if ($pre !== false) {
                return $pre;
            }
            $through[] = strtoupper((string) ($args['method'] ?? 'GET'));
            return new \WP_Error('sophmate_drill_probe', 'Pause drill probe: the request got past the outbound gate; it was not sent.');
        };
        add_filter('pre_http_request', $probe, 2, 2);
        $this->context->enter($automation->id, $run_id, false);
        try {
            foreach (array_values(array_unique(array_merge($automation->providers, $this->category_providers($automation->category)))) as $slug) {
                $provider = $this->providers->find($slug);
                $host = $provider?->hosts[0] ?? null;
                if ($host === null) {
                    continue;
                }
                $host = str_starts_with($host, '*.') ? 'sophmate-drill' . substr($host, 1) : $host;
                $response = wp_remote_request('https://' . $host . '/sophmate-drill-probe', ['method' => 'POST', 'timeout' => 2, 'redirection' => 0, 'body' => '{}']);
                if ($response instanceof \WP_Error && $response->get_error_code() === 'sophmate_paused') {
                    $refused[] = $host;
                }
            }
        } finally {
            $this->context->leave($run_id);
            remove_filter('pre_http_request', $probe, 2);
        }
        if ($through !== []) {
            return BindingResult::got_through($binding, 'A write to a provider got past the outbound gate while the automation is read-only.');
        }
        return BindingResult::held($binding, $refused === []
            ? 'The gate decides read-only: writes it reports through touched() are refused.'
            : sprintf('The gate decides read-only: writes through touched() are refused, and POST to %s was refused before any network traffic.', implode(', ', $refused)));
    }

    /** @return list<string> */
    private function category_providers(string $slug): array
    {
        return $this->catalog->has_category($slug) ? $this->catalog->category($slug)->providers : [];
    }
}
