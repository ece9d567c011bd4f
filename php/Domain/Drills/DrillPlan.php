<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Drills;

use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Config\AutomationMode;
use SophMate\SafeMode\Domain\Config\Category;

/**
 * What a pause drill of one category will exercise and what its pause policy promises: built
 * from the category and its automations alone, before anything is touched.
 */
final class DrillPlan
{
    /**
     * @param list<AutomationDefinition> $automations
     * @param list<DrillBinding> $bindings
     */
    private function __construct(
        public readonly Category $category,
        public readonly array $automations,
        public readonly array $bindings,
    ) {
    }

    /**
     * Every automation gets its cooperative check (the gate every automation asks), then one binding
     * per cron hook, inbound route and provider, and a read-only automation a check that its writes
     * are refused (exercised after the pause, in the category's prior state). A provider the category depends on is exercised from
     * each of its automations: the outbound gate refuses per automation run, not per category.
     *
     * @param list<AutomationDefinition> $automations
     */
    public static function for(Category $category, array $automations): self
    {
        $automations = array_values(array_filter($automations, static fn (AutomationDefinition $a): bool => $a->category === $category->slug));
        usort($automations, static fn (AutomationDefinition $a, AutomationDefinition $b): int => strcmp($a->id, $b->id));
        $bindings = [];
        foreach ($automations as $automation) {
            $bindings[] = new DrillBinding($automation->id, DrillBinding::COOPERATIVE, $automation->id);
            foreach ($automation->cron_hooks as $hook) {
                $bindings[] = new DrillBinding($automation->id, DrillBinding::CRON, $hook);
            }
            foreach ($automation->rest_routes as $route) {
                $bindings[] = new DrillBinding($automation->id, DrillBinding::REST, $route);
            }
            foreach (array_values(array_unique(array_merge($automation->providers, $category->providers))) as $provider) {
                $bindings[] = new DrillBinding($automation->id, DrillBinding::PROVIDER, $provider);
            }
            if ($automation->mode === AutomationMode::ReadOnly) {
                $bindings[] = new DrillBinding($automation->id, DrillBinding::READ_ONLY, $automation->id);
            }
        }
        return new self($category, $automations, $bindings);
    }

    /** @return list<string> */
    public function automation_ids(): array
    {
        return array_map(static fn (AutomationDefinition $a): string => $a->id, $this->automations);
    }

    /** @return list<string> what the pause stops at once, in the policy's words */
    public function paused_immediately(): array
    {
        $policy = $this->category->policy;
        $out = [];
        if ($this->automations !== []) {
            $out[] = sprintf('New runs of %d automation(s) are refused: %s.', count($this->automations), implode(', ', $this->automation_ids()));
        }
        if ($policy->running === 'stop_at_checkpoint') {
            $out[] = 'Runs already in progress stop at their next checkpoint() (running: stop_at_checkpoint).';
        }
        foreach ($this->of_type(DrillBinding::CRON) as $binding) {
            $out[] = sprintf(
                'Cron hook %s: due recurring events are %s, queued one-off events are %s.',
                $binding->target,
                $policy->scheduled === 'hold' ? 'held and run once after restart (scheduled: hold)' : 'skipped and recorded, the schedule stays (scheduled: skip)',
                $policy->queued === 'hold' ? 'held until restart (queued: hold)' : 'dropped and recorded as cancelled (queued: cancel)'
            );
        }
        foreach ($this->of_type(DrillBinding::REST) as $binding) {
            $out[] = sprintf('Inbound route %s answers 503 with Retry-After.', $binding->target);
        }
        $providers = array_values(array_unique(array_map(static fn (DrillBinding $b): string => $b->target, $this->of_type(DrillBinding::PROVIDER))));
        if ($providers !== []) {
            $out[] = sprintf('Outbound requests to %s from these automations are refused before any network traffic.', implode(', ', $providers));
        }
        $out[] = $policy->retrying === 'hold'
            ? 'Retries wait with their attempt count kept (retrying: hold).'
            : 'Pending retries are dropped and recorded as cancelled (retrying: cancel).';
        return $out;
    }

    /** @return list<string> what keeps going after the pause, by policy */
    public function would_finish(): array
    {
        if ($this->category->policy->running !== 'finish' || $this->automations === []) {
            return [];
        }
        return array_map(
            static fn (AutomationDefinition $a): string => sprintf('Runs of "%s" already in progress run to completion (running: finish).', $a->label),
            $this->automations
        );
    }

    /** @return list<string> the policy's cleanup notes, one item per line */
    public function needs_cleanup(): array
    {
        $lines = preg_split('/\R/', $this->category->policy->cleanup_notes) ?: [];
        return array_values(array_filter(array_map(static fn (string $l): string => trim(ltrim(trim($l), '-*• ')), $lines), static fn (string $l): bool => $l !== ''));
    }

    /** @return list<int> who may restart, most specific first: the restart owner, then the owners */
    public function restart_owner_ids(): array
    {
        $ids = [$this->category->policy->restart_owner_id, $this->category->owner_id, $this->category->backup_owner_id];
        return array_values(array_unique(array_filter($ids, static fn (?int $id): bool => $id !== null && $id > 0)));
    }

    /** @return list<DrillBinding> bindings exercised while the category is paused */
    public function paused_bindings(): array
    {
        return array_values(array_filter($this->bindings, static fn (DrillBinding $b): bool => $b->type !== DrillBinding::READ_ONLY));
    }

    /** @return list<DrillBinding> */
    public function of_type(string $type): array
    {
        return array_values(array_filter($this->bindings, static fn (DrillBinding $b): bool => $b->type === $type));
    }
}
