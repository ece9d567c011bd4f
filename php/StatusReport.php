<?php

declare(strict_types=1);

namespace SophMate\SafeMode;

use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\SwitchRecord;
use SophMate\SafeMode\Domain\Switches\SwitchState;
use SophMate\SafeMode\Enforcement\EmergencySwitch;
use SophMate\SafeMode\Enforcement\Gate;
use SophMate\SafeMode\Storage\RunRepository;
use SophMate\SafeMode\Storage\Schema\SchemaHealth;
use SophMate\SafeMode\Storage\SwitchStateStore;
use SophMate\SafeMode\Support\Actors;

/** The site's whole switch picture in the shape of GET /status (also used by WP-CLI and the admin). */
final class StatusReport
{
    public function __construct(
        private readonly Catalog $catalog,
        private readonly SwitchStateStore $store,
        private readonly EmergencySwitch $emergency,
        private readonly Gate $gate,
        private readonly Actors $actors,
        private readonly RunRepository $runs,
        private readonly Clock $clock,
        private readonly ?SchemaHealth $storage = null,
    ) {
    }

    /** @return array<string,mixed> */
    public function build(): array
    {
        $board = $this->store->load();
        $day_ago = $this->clock->now()->modify('-24 hours');
        $counts = $this->runs->counts_by_category($day_ago);
        $spend = [];
        foreach ($this->runs->spend_per_day($day_ago) as $row) {
            $spend[$row['category']][$row['unit']] = round(($spend[$row['category']][$row['unit']] ?? 0.0) + $row['amount'], 6);
        }
        $latest_by_category = $this->runs->latest_runs_by_category();
        $latest_by_automation = $this->runs->latest_runs_by_automation();
        $categories = [];
        foreach ($this->catalog->categories() as $slug => $category) {
            $record = $board->categories[$slug] ?? null;
            $state = $record?->state ?? SwitchState::Running;
            $categories[] = [
                'slug' => $slug,
                'label' => $category->label,
                'owner' => $this->actors->by_id($category->owner_id)?->to_array(),
                'state' => $state->value,
                'paused' => $state === SwitchState::Paused,
                'effective' => $this->gate->decide_category($slug)->effect(),
                'switch' => $this->switch_view(Scope::category($slug), $record),
                'automation_count' => count($this->catalog->automations_in($slug)),
                'ownerless' => $category->owner_id === null,
                'last_run' => $latest_by_category[$slug] ?? null,
                'runs_24h' => array_sum($counts[$slug] ?? []),
                'failed_24h' => $counts[$slug]['failed'] ?? 0,
                'spend_24h' => (object) ($spend[$slug] ?? []),
            ];
        }
        $automations = [];
        foreach ($this->catalog->automations() as $id => $automation) {
            $record = $board->automations[$id] ?? null;
            $decision = $this->gate->decide_for($automation);
            $automations[] = [
                'id' => $id,
                'label' => $automation->label,
                'kind' => $automation->kind->value,
                'category' => $automation->category,
                'owner' => $this->actors->by_id($automation->owner_id)?->to_array(),
                'mode' => $automation->mode->value,
                'state' => ($record?->state ?? SwitchState::Running)->value,
                'paused' => $record?->state === SwitchState::Paused,
                'effective' => $decision->effect(),
                'decided_by' => $decision->scope(),
                'reason' => $decision->reason(),
                'switch' => $this->switch_view(Scope::automation($id), $record),
                'ownerless' => $automation->owner_id === null,
                'last_run' => $latest_by_automation[$id] ?? null,
            ];
        }
        $safe_mode = $board->safe_mode->to_array();
        // Modules add their own parts (readiness per automation, ownership problems).
        return (array) apply_filters('sophmate_safe_mode_status_report', [
            'version' => $board->version,
            'state_error' => $board->corruption,
            'storage_error' => $this->storage?->problem(),
            'safe_mode' => $safe_mode,
            'emergency' => $this->emergency->state()->to_array() + ['flag_file' => $this->emergency->flag_path()],
            'categories' => $categories,
            'automations' => $automations,
        ]);
    }

    /** @return array<string,mixed>|null */
    private function switch_view(Scope $scope, ?SwitchRecord $record): ?array
    {
        if ($record === null) {
            return null;
        }
        $view = $record->to_array();
        if ($record->trial !== null) {
            $view['trial']['runs_used'] = $this->runs->runs_since($scope->to_string(), $record->since);
            // What "Promote" depends on, so the console can say why it is not possible yet.
            $view['trial'] += $this->runs->outcomes_since($scope->to_string(), $record->since);
        }
        return $view;
    }
}
