<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Drills;

/**
 * The report of one pause drill: per binding whether the pause held, what the policy says
 * happens to work in flight, who restarts, whether the prior state came back, and the outcome.
 * This array is exactly the body of POST /drills and the argument of the drill_finished action.
 */
final class DrillReport
{
    public const PASSED = 'passed';
    public const FAILED = 'failed';
    public const RUNNING = 'running';

    /**
     * @param list<BindingResult> $results in plan order; bindings the drill never reached are absent
     * @param array{id:int,login:string,name:string}|null $actor
     * @param array<int,array{id:int,login:string,name:string}|null> $people user id => person (null: no such user)
     * @param string|null $aborted why the drill stopped early, if it did
     */
    public function __construct(
        public readonly int $id,
        public readonly DrillPlan $plan,
        public readonly array $results,
        public readonly string $environment,
        public readonly \DateTimeImmutable $started_at,
        public readonly ?\DateTimeImmutable $finished_at,
        public readonly ?array $actor,
        public readonly string $prior_state,
        public readonly ?string $restored_state,
        public readonly bool $state_restored,
        public readonly ?string $aborted = null,
        public readonly array $people = [],
        public readonly string $review_url = '',
    ) {
    }

    public function passed(): bool
    {
        return $this->failure_reason() === null;
    }

    public function outcome(): string
    {
        return $this->passed() ? self::PASSED : self::FAILED;
    }

    /** The first thing that made the drill fail, in order of how much an operator needs to know it. */
    public function failure_reason(): ?string
    {
        if (!$this->state_restored) {
            return sprintf(
                'The category was not put back to its prior state (%s); it is %s now. Check it before anything else.',
                $this->prior_state,
                $this->restored_state ?? 'unknown'
            );
        }
        $through = array_values(array_filter($this->results, static fn (BindingResult $r): bool => $r->passed === false));
        if ($this->aborted !== null) {
            return 'The drill stopped early: ' . $this->aborted . ($through === [] ? '' : ' ' . self::through_sentence($through));
        }
        if ($through !== []) {
            return self::through_sentence($through);
        }
        if ($this->plan->automations === []) {
            return 'The category has no automations, so the drill proved nothing: bind its automations first.';
        }
        return null;
    }

    /** @param list<BindingResult> $through */
    private static function through_sentence(array $through): string
    {
        $names = array_map(static fn (BindingResult $r): string => sprintf('%s %s of %s', $r->binding->type, $r->binding->target, $r->binding->automation), $through);
        return sprintf('%d binding(s) were not held by the pause: %s.', count($through), implode('; ', $names));
    }

    /** @return array{owner:array{id:int,login:string,name:string}|null,owners:list<array{id:int,login:string,name:string}>,detail:string} */
    public function restart(): array
    {
        $category = $this->plan->category;
        $owner = $category->policy->restart_owner_id !== null ? ($this->people[$category->policy->restart_owner_id] ?? null) : null;
        $owners = [];
        foreach ($this->plan->restart_owner_ids() as $id) {
            if (($this->people[$id] ?? null) !== null) {
                $owners[] = $this->people[$id];
            }
        }
        $missing = $category->policy->restart_owner_id !== null && $owner === null
            ? sprintf('The restart owner (user #%d) no longer exists; ', $category->policy->restart_owner_id)
            : '';
        if ($owner !== null) {
            $detail = sprintf('%s restarts this category after a real pause (restart owner).', $owner['name'] !== '' ? $owner['name'] : $owner['login']);
        } elseif ($owners !== []) {
            $detail = $missing . sprintf('%s%s (owner) would restart it.', $missing === '' ? 'No restart owner is set; ' : '', $owners[0]['name'] !== '' ? $owners[0]['name'] : $owners[0]['login']);
        } else {
            $detail = $missing . 'Nobody is named to restart this category: set a restart owner or an owner in its pause policy.';
        }
        return ['owner' => $owner, 'owners' => $owners, 'detail' => $detail];
    }

    /** @return array{total:int,passed:int,failed:int,not_exercised:int} */
    public function summary(): array
    {
        $count = fn (?bool $passed): int => count(array_filter($this->results, static fn (BindingResult $r): bool => $r->passed === $passed));
        return [
            'total' => count($this->plan->bindings),
            'passed' => $count(true),
            'failed' => $count(false),
            'not_exercised' => count($this->plan->bindings) - $count(true) - $count(false),
        ];
    }

    /** @return array<string,mixed> */
    public function to_array(): array
    {
        $reached = [];
        foreach ($this->results as $result) {
            $reached[$result->binding->key()] = $result->to_array();
        }
        $bindings = [];
        foreach ($this->plan->bindings as $binding) {
            $bindings[] = $reached[$binding->key()]
                ?? ($binding->to_array() + ['exercised' => false, 'passed' => null, 'detail' => 'Not exercised: the drill stopped before it got here.']);
        }
        return [
            'id' => $this->id,
            'category' => $this->plan->category->slug,
            'category_label' => $this->plan->category->label,
            'outcome' => $this->outcome(),
            'environment' => $this->environment,
            'started_at' => self::time($this->started_at),
            'finished_at' => $this->finished_at === null ? null : self::time($this->finished_at),
            'actor' => $this->actor,
            'automations' => $this->plan->automation_ids(),
            'prior_state' => $this->prior_state,
            'restored_state' => $this->restored_state,
            'state_restored' => $this->state_restored,
            'bindings' => $bindings,
            'summary' => $this->summary(),
            'paused_immediately' => $this->plan->paused_immediately(),
            'would_finish' => $this->plan->would_finish(),
            'needs_cleanup' => $this->plan->needs_cleanup(),
            'restart' => $this->restart(),
            'failure_reason' => $this->failure_reason(),
            'review_url' => $this->review_url,
        ];
    }

    private static function time(\DateTimeImmutable $at): string
    {
        return $at->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d\TH:i:s\Z');
    }
}
