<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Breakers;

/**
 * Dry run: replays stored history (run outcomes, spend and touched records from the runs tables;
 * provider outages, provider configuration changes and updates from the audit log; oldest first)
 * through the failures, spend, customer-impact, provider-outage and updates rules with a given
 * configuration and lists when each breaker would have tripped. After a would-be trip the scope's
 * counters start again, as after a restart, so every point where the settings would have stopped
 * automation is listed. (Stale context has no history: its current reading is checked apart.)
 */
final class BreakerSimulator
{
    /**
     * @param array<string,array{category:string,breakers:?array<string,mixed>,customer_facing:list<string>,providers?:list<string>}> $automations what is known about each automation of the category
     * @param iterable<HistoryEvent> $events oldest first
     * @param list<string> $category_providers providers the category itself depends on
     * @return list<array{at:\DateTimeImmutable,scope:string,signal:string,reason:string,breaker:string}>
     */
    public static function run(BreakerConfig $category_config, string $category, array $automations, iterable $events, array $category_providers = []): array
    {
        $trips = [];
        $outcomes = [];   // scope => [consecutive, recent]
        $spend = [];      // scope|unit => list<[ts, amount]>
        $impact = [];     // scope => list<ts>
        foreach ($events as $event) {
            if ($event->is_site_event()) {
                foreach (self::site_event_trips($event, $category_config, $category, $automations, $category_providers) as $trip) {
                    $trips[] = $trip;
                    unset($outcomes[$trip['scope']], $impact[$trip['scope']]);
                }
                continue;
            }
            $known = $automations[$event->automation] ?? ['category' => $category, 'breakers' => null, 'customer_facing' => []];
            $config = $category_config->with_overrides($known['breakers']);
            $ts = $event->at->getTimestamp();
            $trip = null;
            $scope = '';
            if ($event->type === HistoryEvent::OUTCOME) {
                if (!$config->failures->enabled) {
                    continue;
                }
                $scope = self::scope($event->automation, $known, 'failures', $category);
                [$consecutive, $recent] = $outcomes[$scope] ?? [0, ''];
                $consecutive = $event->failed ? $consecutive + 1 : 0;
                $recent = substr($recent . ($event->failed ? '1' : '0'), -BreakerConfig::MAX_WINDOW_RUNS);
                $outcomes[$scope] = [$consecutive, $recent];
                $trip = $event->failed ? BreakerEvaluator::failures($config->failures, $consecutive, ...BreakerEvaluator::window($recent, $config->failures->window_runs)) : null;
            } elseif ($event->type === HistoryEvent::SPEND) {
                $budget = $config->spend->enabled ? $config->spend->budget_for($event->unit) : null;
                if ($budget === null || $event->amount <= 0) {
                    continue;
                }
                $scope = self::scope($event->automation, $known, 'spend', $category);
                $key = $scope . '|' . $event->unit;
                $window = array_values(array_filter($spend[$key] ?? [], static fn (array $e): bool => $e[0] > $ts - 86400));
                $window[] = [$ts, $event->amount];
                $spend[$key] = $window;
                $hour = 0.0;
                $day = 0.0;
                foreach ($window as [$at, $amount]) {
                    $day += $amount;
                    $hour += $at > $ts - 3600 ? $amount : 0.0;
                }
                $trip = BreakerEvaluator::spend($config->spend, $event->unit, $hour, $day);
            } elseif ($event->type === HistoryEvent::TOUCHED) {
                $facing = $event->record === 'email:wp_mail' || in_array($event->record, $known['customer_facing'], true);
                if (!$facing || !$config->customer_impact->enabled) {
                    continue;
                }
                $scope = self::scope($event->automation, $known, 'customer_impact', $category);
                $span = $config->customer_impact->window_minutes * 60;
                $window = array_values(array_filter($impact[$scope] ?? [], static fn (int $at): bool => $at > $ts - $span));
                $window[] = $ts;
                $impact[$scope] = $window;
                $trip = BreakerEvaluator::customer_impact($config->customer_impact, count($window));
            }
            if ($trip !== null) {
                $trips[] = ['at' => $event->at, 'scope' => $scope, 'signal' => $trip->signal, 'reason' => $trip->reason, 'breaker' => $trip->breaker];
                // As if restarted after the trip: a new incident starts from zero.
                unset($outcomes[$scope], $impact[$scope]);
                foreach (array_keys($spend) as $key) {
                    if (str_starts_with($key, $scope . '|')) {
                        unset($spend[$key]);
                    }
                }
            }
        }
        return $trips;
    }

    /**
     * What a provider outage, provider configuration change or update would have paused in this
     * category, with the reasons the live breakers give.
     *
     * @param array<string,array{category:string,breakers:?array<string,mixed>,customer_facing:list<string>,providers?:list<string>}> $automations
     * @param list<string> $category_providers
     * @return list<array{at:\DateTimeImmutable,scope:string,signal:string,reason:string,breaker:string}>
     */
    private static function site_event_trips(HistoryEvent $event, BreakerConfig $config, string $category, array $automations, array $category_providers): array
    {
        [$kind, $signal, $reason] = match ($event->type) {
            HistoryEvent::PROVIDER_OUTAGE => ['provider_outage', 'provider_outage', sprintf('provider %s: outage', $event->record)],
            HistoryEvent::PROVIDER_CONFIG => ['updates', 'provider_config', sprintf('provider %s: configuration changed (%s)', $event->record, $event->detail)],
            default => ['updates', 'update', $event->detail],
        };
        $concerned = [];
        foreach ($automations as $id => $known) {
            if ($event->type === HistoryEvent::UPDATE || in_array($event->record, $known['providers'] ?? [], true)) {
                $concerned[(string) $id] = $known['breakers'];
            }
        }
        $direct = $event->type === HistoryEvent::UPDATE || in_array($event->record, $category_providers, true);
        $targets = EventTargets::in_category($kind, $config, $direct, $concerned);
        $scopes = $targets['category'] ? ['category:' . $category] : array_map(static fn (string $id): string => 'automation:' . $id, $targets['automations']);
        return array_map(static fn (string $scope): array => ['at' => $event->at, 'scope' => $scope, 'signal' => $signal, 'reason' => $reason, 'breaker' => $kind], $scopes);
    }

    /** @param array{breakers:?array<string,mixed>} $known */
    private static function scope(string $automation, array $known, string $kind, string $category): string
    {
        return is_array($known['breakers']) && array_key_exists($kind, $known['breakers']) ? 'automation:' . $automation : 'category:' . $category;
    }
}
