<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Review;

use SophMate\SafeMode\Domain\Audit\AuditEntry;
use SophMate\SafeMode\Domain\Audit\AuditQuery;
use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Exception\Conflict;
use SophMate\SafeMode\Domain\Review\ReviewEvidence;
use SophMate\SafeMode\Domain\Runs\RunQuery;
use SophMate\SafeMode\Domain\Runs\RunRecord;
use SophMate\SafeMode\Domain\Runs\RunStatus;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\SafeModeMode;
use SophMate\SafeMode\Domain\Switches\SwitchState;
use SophMate\SafeMode\Storage\AuditLog;
use SophMate\SafeMode\Storage\OptionProviderRepository;
use SophMate\SafeMode\Storage\RunRepository;
use SophMate\SafeMode\Storage\SwitchStateStore;

/**
 * Gathers the evidence bundle for a paused scope (or one in trial) from real data: runs since the
 * pause and in the day before it, failed steps, the scope's audit events, pending approvals (ours
 * plus whatever other plugins report through `sophmate_safe_mode_pending_approvals`), the status
 * of every provider the scope depends on, and the records its runs touched.
 */
final class EvidenceCollector
{
    /** How far before the pause the review looks. */
    public const WINDOW_BEFORE = 'PT24H';
    /** Lists are capped so a runaway automation cannot make the review unreadable or slow. */
    public const LIST_LIMIT = 100;

    public function __construct(
        private readonly SwitchStateStore $switches,
        private readonly Catalog $catalog,
        private readonly RunRepository $runs,
        private readonly AuditLog $audit,
        private readonly OptionProviderRepository $providers,
        private readonly Clock $clock,
    ) {
    }

    public function collect(Scope $scope): ReviewEvidence
    {
        [$state, $since] = $this->state_of($scope);
        $now = $this->clock->now();
        $window_start = ($since ?? $now)->sub(new \DateInterval(self::WINDOW_BEFORE));
        [$category, $automation] = $this->filters_of($scope);
        $window = new RunQuery($category, $automation, null, $window_start);
        $after_pause = new RunQuery($category, $automation, null, $since ?? $now);

        return new ReviewEvidence(
            $scope->to_string(),
            $state,
            $since,
            $window_start,
            $now,
            $this->runs->count_by_status($window),
            $this->runs->count_by_status($after_pause),
            $this->failed_steps($category, $automation, $window_start, $since),
            $this->audit_events($scope, $window_start),
            $this->pending_approvals($scope, $category, $automation),
            $this->provider_statuses($scope),
            array_map(
                static fn (array $r): array => $r + ['since_pause' => $since !== null && $r['at'] >= $since->format('Y-m-d\TH:i:s\Z')],
                $this->runs->touched_records($window, self::LIST_LIMIT)
            ),
        );
    }

    /** @return array{0:string,1:?\DateTimeImmutable} */
    private function state_of(Scope $scope): array
    {
        $board = $this->switches->load_fresh();
        if ($scope->kind === Scope::GLOBAL) {
            $safe_mode = $board->safe_mode;
            if ($safe_mode->mode === SafeModeMode::Off) {
                throw new Conflict('sophmate_not_paused', 'Safe mode is off: there is nothing to review before a restart.');
            }
            return [$safe_mode->mode->value, $safe_mode->since];
        }
        $record = $board->record_for($scope);
        if ($record === null || $record->state === SwitchState::Running) {
            throw new Conflict('sophmate_not_paused', sprintf('%s is running: the restart review is for paused scopes and scopes in trial.', $scope->to_string()));
        }
        return [$record->state->value, $record->since];
    }

    /** @return array{0:?string,1:?string} the run filters of a scope */
    private function filters_of(Scope $scope): array
    {
        return match ($scope->kind) {
            Scope::CATEGORY => [$scope->id, null],
            Scope::AUTOMATION => [null, $scope->id],
            default => [null, null],
        };
    }

    /** @return list<array{run_id:int,automation:string,step:?string,error:?string,at:string,since_pause:bool}> */
    private function failed_steps(?string $category, ?string $automation, \DateTimeImmutable $from, ?\DateTimeImmutable $since): array
    {
        $failed = $this->runs->find(new RunQuery($category, $automation, RunStatus::Failed->value, $from, null, 1, self::LIST_LIMIT));
        return array_map(static fn (RunRecord $run): array => [
            'run_id' => $run->id,
            'automation' => $run->automation,
            'step' => $run->failed_step,
            'error' => $run->error,
            'at' => ($run->finished_at ?? $run->started_at)->format('Y-m-d\TH:i:s\Z'),
            'since_pause' => $since !== null && $run->started_at >= $since,
        ], $failed['items']);
    }

    /** @return list<array<string,mixed>> */
    private function audit_events(Scope $scope, \DateTimeImmutable $from): array
    {
        $found = $this->audit->find(new AuditQuery($scope->to_string(), null, null, $from, null, 1, self::LIST_LIMIT));
        return array_map(static function (AuditEntry $entry): array {
            $row = $entry->to_array();
            unset($row['hash']);
            return $row;
        }, $found['items']);
    }

    /** @return list<array{source:string,id:string,label:string,run_id:?int,url:?string}> */
    private function pending_approvals(Scope $scope, ?string $category, ?string $automation): array
    {
        $waiting = $this->runs->find(new RunQuery($category, $automation, RunStatus::AwaitingApproval->value, null, null, 1, self::LIST_LIMIT));
        $items = array_map(static fn (RunRecord $run): array => [
            'source' => 'sophmate-safe-mode',
            'id' => 'run:' . $run->id,
            'label' => sprintf('Run #%d of %s is waiting for approval', $run->id, $run->automation),
            'run_id' => $run->id,
            'url' => null,
        ], $waiting['items']);
        $reported = apply_filters('sophmate_safe_mode_pending_approvals', [], $scope->to_string());
        foreach (is_array($reported) ? $reported : [] as $item) {
            if (!is_array($item) || !isset($item['label']) || !is_scalar($item['label'])) {
                continue; // Another plugin's malformed entry must not break the review.
            }
            $url = isset($item['url']) && is_string($item['url']) && preg_match('#^https?://#i', $item['url']) === 1 ? $item['url'] : null;
            $items[] = [
                'source' => isset($item['source']) && is_scalar($item['source']) ? mb_substr((string) $item['source'], 0, 100) : 'other',
                'id' => isset($item['id']) && is_scalar($item['id']) ? mb_substr((string) $item['id'], 0, 100) : '',
                'label' => mb_substr((string) $item['label'], 0, 500),
                'run_id' => isset($item['run_id']) && is_numeric($item['run_id']) ? (int) $item['run_id'] : null,
                'url' => $url,
            ];
        }
        return array_slice($items, 0, self::LIST_LIMIT);
    }

    /** @return list<array{slug:string,label:string,status:string,checked_at:?string}> */
    private function provider_statuses(Scope $scope): array
    {
        $slugs = [];
        if ($scope->kind === Scope::AUTOMATION) {
            $automation = $this->catalog->automation($scope->id);
            $slugs = [...$automation->providers, ...$this->catalog->category($automation->category)->providers];
        } elseif ($scope->kind === Scope::CATEGORY) {
            $slugs = $this->catalog->category($scope->id)->providers;
            foreach ($this->catalog->automations_in($scope->id) as $automation) {
                $slugs = [...$slugs, ...$automation->providers];
            }
        } else {
            foreach ($this->catalog->categories() as $category) {
                $slugs = [...$slugs, ...$category->providers];
            }
            foreach ($this->catalog->automations() as $automation) {
                $slugs = [...$slugs, ...$automation->providers];
            }
        }
        $out = [];
        foreach (array_values(array_unique($slugs)) as $slug) {
            $provider = $this->providers->find($slug);
            $out[] = [
                'slug' => $slug,
                'label' => $provider->label ?? $slug,
                // A provider named but never configured is not known to be healthy.
                'status' => $provider->status ?? 'unknown',
                'checked_at' => $provider?->checked_at?->format('Y-m-d\TH:i:s\Z'),
            ];
        }
        return $out;
    }
}
