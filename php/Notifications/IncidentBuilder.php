<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Notifications;

use SophMate\SafeMode\Admin\ConsoleUrls;
use SophMate\SafeMode\Domain\Notify\Incident;
use SophMate\SafeMode\Domain\Notify\NotifyEvent;
use SophMate\SafeMode\Domain\Notify\RecipientResolver;
use SophMate\SafeMode\Domain\Notify\Recipients;
use SophMate\SafeMode\Domain\Runs\RunQuery;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Services;

/**
 * Gathers the facts of a notification from the running site (switch state, the effective
 * decision, the last failed run, console links) and who should hear of it, so the domain can
 * compose the message without WordPress.
 */
final class IncidentBuilder
{
    public function __construct(private readonly Services $services, private readonly NotificationSettings $settings)
    {
    }

    /**
     * @param array<string,mixed>|null $actor
     * @param list<string> $details
     * @param array<string,mixed> $extra
     */
    public function build(NotifyEvent $event, Scope $scope, ?array $actor, string $source, string $reason, ?string $incident_url = null, array $details = [], array $extra = []): Incident
    {
        $this->services->switch_store->forget();
        $board = $this->services->switch_store->load();
        [$state, $effective, $decided_by] = $this->state($scope, $board);
        return new Incident(
            $event,
            $scope->to_string(),
            $this->label($scope),
            $state,
            $effective,
            $decided_by,
            $actor === null ? null : ['id' => (int) ($actor['id'] ?? 0), 'login' => (string) ($actor['login'] ?? ''), 'name' => (string) ($actor['name'] ?? '')],
            $source,
            $reason,
            $this->last_failed_run($scope),
            ConsoleUrls::review($scope->to_string()),
            $this->scope_url($scope),
            wp_specialchars_decode((string) get_bloginfo('name'), ENT_QUOTES),
            home_url('/'),
            $this->services->clock->now(),
            $incident_url !== null && $incident_url !== '' ? $incident_url : null,
            $details,
            $extra,
        );
    }

    public function recipients(Scope $scope): Recipients
    {
        $resolver = new RecipientResolver(static function (int $id): ?string {
            $user = get_userdata($id);
            return $user instanceof \WP_User && is_email($user->user_email) ? (string) $user->user_email : null;
        });
        $site = $this->settings->all();
        $user_ids = [];
        $scope_targets = [];
        if ($scope->kind !== Scope::GLOBAL) {
            $slug = $scope->id;
            if ($scope->kind === Scope::AUTOMATION) {
                $automation = $this->services->catalog->find_automation($scope->id);
                $user_ids[] = $automation?->owner_id;
                $slug = $automation?->category ?? '';
            }
            if ($slug !== '' && $this->services->catalog->has_category($slug)) {
                $category = $this->services->catalog->category($slug);
                $user_ids = [...$user_ids, $category->owner_id, $category->backup_owner_id, $category->policy->restart_owner_id];
                $scope_targets = $category->notify;
            }
        }
        return $resolver->resolve($scope->is_global(), $user_ids, $scope_targets, $site, $this->admin_emails());
    }

    /** @return list<string> administrators' addresses and the site's admin email */
    private function admin_emails(): array
    {
        $emails = [(string) get_option('admin_email')];
        foreach (get_users(['role' => 'administrator', 'fields' => ['user_email'], 'number' => 50]) as $user) {
            $emails[] = (string) $user->user_email;
        }
        return $emails;
    }

    /** @return array{0:string,1:string,2:string} state, effective, what decided it */
    private function state(Scope $scope, \SophMate\SafeMode\Domain\Switches\SwitchBoard $board): array
    {
        if ($scope->is_global()) {
            // The last-resort switch and network safe mode override the site's own safe mode:
            // the message must say what actually holds automation.
            $emergency = $this->services->emergency->state();
            if ($emergency->is_active() && $emergency->mode !== null) {
                $mode = $emergency->mode->value;
                $held_by = $emergency->via === 'network' ? 'network safe mode' : 'the last-resort switch (' . (string) $emergency->via . ')';
                return [$mode, $mode === 'read_only' ? 'read_only' : 'blocked', $held_by];
            }
            $mode = $board->safe_mode->mode->value;
            $effective = match ($mode) {
                'paused' => 'blocked',
                'read_only' => 'read_only',
                default => 'run',
            };
            return [$mode, $effective, $mode === 'off' ? '' : 'global safe mode'];
        }
        $state = $board->state_of($scope)->value;
        if ($scope->kind === Scope::CATEGORY) {
            $decision = $this->services->gate->decide_category($scope->id);
        } else {
            $automation = $this->services->catalog->find_automation($scope->id);
            if ($automation === null) {
                return [$state, 'blocked', 'the automation is no longer registered'];
            }
            $decision = $this->services->gate->decide_for($automation, '', true);
        }
        return [$state, $decision->effect(), trim($decision->scope() . ($decision->reason() !== '' ? ': ' . $decision->reason() : ''))];
    }

    /** @return array{id:int,automation:string,category:string,failed_step:?string,error:?string,time:string,url:string}|null */
    private function last_failed_run(Scope $scope): ?array
    {
        $query = match ($scope->kind) {
            Scope::CATEGORY => new RunQuery(category: $scope->id, status: 'failed', per_page: 1),
            Scope::AUTOMATION => new RunQuery(automation: $scope->id, status: 'failed', per_page: 1),
            default => new RunQuery(status: 'failed', per_page: 1),
        };
        $run = $this->services->runs->find($query)['items'][0] ?? null;
        if ($run === null) {
            return null;
        }
        return [
            'id' => $run->id,
            'automation' => $run->automation,
            'category' => $run->category,
            'failed_step' => $run->failed_step,
            'error' => $run->error,
            'time' => ($run->finished_at ?? $run->started_at)->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d\TH:i:s\Z'),
            'url' => ConsoleUrls::run($run->id),
        ];
    }

    private function label(Scope $scope): string
    {
        if ($scope->kind === Scope::CATEGORY) {
            $label = $this->services->catalog->has_category($scope->id) ? $this->services->catalog->category($scope->id)->label : $scope->id;
            return sprintf('Category "%s" (%s)', $label, $scope->to_string());
        }
        if ($scope->kind === Scope::AUTOMATION) {
            $label = $this->services->catalog->find_automation($scope->id)?->label ?? $scope->id;
            return sprintf('Automation "%s" (%s)', $label, $scope->to_string());
        }
        return 'The whole site (global safe mode)';
    }

    private function scope_url(Scope $scope): string
    {
        return match ($scope->kind) {
            Scope::CATEGORY => ConsoleUrls::category($scope->id),
            Scope::AUTOMATION => ConsoleUrls::automation($scope->id),
            default => ConsoleUrls::overview(),
        };
    }
}
