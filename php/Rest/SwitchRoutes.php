<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Rest;

use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\ChangeResult;
use SophMate\SafeMode\Plugin;
use SophMate\SafeMode\Services;

/**
 * pause / restart / promote for one kind of scope. Categories and automations share these rules
 * exactly, so the routes are built here once and mounted by each controller.
 */
final class SwitchRoutes
{
    /** @param \Closure(string):Scope $scope_of builds (and validates) the scope from the URL id */
    public function __construct(
        private readonly Services $services,
        private readonly string $base,
        private readonly string $id_pattern,
        private readonly \Closure $scope_of,
    ) {
    }

    public function register(): void
    {
        $ns = Controller::NS;
        register_rest_route($ns, "/{$this->base}/{$this->id_pattern}/pause", [[
            'methods' => \WP_REST_Server::CREATABLE,
            'callback' => fn (\WP_REST_Request $r) => $this->respond($r, fn (Scope $s) => $this->services->switches->pause(
                $s,
                (string) $r->get_param('reason'),
                $this->services->actors->current(),
                RequestSource::current(),
                $r->get_param('incident_url') !== null ? (string) $r->get_param('incident_url') : null
            )),
            'permission_callback' => fn (\WP_REST_Request $r) => $this->may($r, 'pause'),
            'args' => Schemas::pause_args(),
            ], 'schema' => static fn () => Schemas::change_result('sophmate-pause-result')]);
        register_rest_route($ns, "/{$this->base}/{$this->id_pattern}/restart", [[
            'methods' => \WP_REST_Server::CREATABLE,
            'callback' => fn (\WP_REST_Request $r) => $this->respond($r, fn (Scope $s) => $this->services->switches->restart(
                $s,
                $r->get_param('acknowledged'),
                (string) $r->get_param('note'),
                (array) $r->get_param('scope'),
                $this->services->actors->current(),
                RequestSource::current(),
                $this->services->restart_review($s, $r->get_param('override_reason'), $r->get_param('review_hash'))
            )),
            'permission_callback' => fn (\WP_REST_Request $r) => $this->may($r, 'restart'),
            'args' => Schemas::restart_args(),
            ], 'schema' => static fn () => Schemas::change_result('sophmate-restart-result')]);
        register_rest_route($ns, "/{$this->base}/{$this->id_pattern}/review", [[
            'methods' => \WP_REST_Server::READABLE,
            'callback' => fn (\WP_REST_Request $r) => Responses::wrap(
                fn (): array => $this->services->evidence->collect(($this->scope_of)((string) $r->get_param('id')))->to_array()
            ),
            // Reading the evidence is part of responding to an incident: whoever may pause may look.
            'permission_callback' => fn (\WP_REST_Request $r) => $this->may($r, 'pause'),
            ], 'schema' => static fn () => Schemas::review('sophmate-review')]);
        register_rest_route($ns, "/{$this->base}/{$this->id_pattern}/promote", [[
            'methods' => \WP_REST_Server::CREATABLE,
            'callback' => fn (\WP_REST_Request $r) => $this->respond($r, fn (Scope $s) => $this->services->switches->promote(
                $s,
                $this->services->actors->current(),
                RequestSource::current(),
                (string) $r->get_param('note')
            )),
            'permission_callback' => fn (\WP_REST_Request $r) => $this->may($r, 'restart'),
            'args' => ['note' => ['type' => 'string', 'default' => '']],
            ], 'schema' => static fn () => Schemas::change_result('sophmate-promote-result')]);
    }

    /** @param \Closure(Scope):ChangeResult $change */
    private function respond(\WP_REST_Request $request, \Closure $change): \WP_REST_Response|\WP_Error
    {
        return Responses::wrap(function () use ($request, $change): array {
            $scope = ($this->scope_of)((string) $request->get_param('id'));
            $result = $change($scope);
            return [
                'changed' => $result->changed,
                'scope' => $scope->to_string(),
                'before' => $result->before,
                'state' => $result->after,
                'switch' => $result->board->record_for($scope)?->to_array(),
                'audit_id' => $result->audit_id,
            ];
        });
    }

    /**
     * Who may act on a scope: managers always; pausers may pause; the owner (or backup owner) of the
     * scope, or of the category it belongs to, and the category's restart owner may pause and restart.
     */
    private function may(\WP_REST_Request $request, string $what): bool|\WP_Error
    {
        if (current_user_can(Plugin::CAP_MANAGE) || ($what === 'pause' && current_user_can(Plugin::CAP_PAUSE))) {
            return true;
        }
        $user = get_current_user_id();
        // The scope is the one in the URL: core also runs this check for an OPTIONS request's
        // Allow header with body and query values nobody validated (an `id` array, another id).
        $id = $request->get_url_params()['id'] ?? null;
        if ($user > 0 && is_string($id)) {
            try {
                $scope = ($this->scope_of)($id);
                if (in_array($user, $this->owners_of($scope), true)) {
                    return true;
                }
            } catch (\Throwable) {
                // Unknown scope: fall through to forbidden, revealing nothing about what exists.
                return Responses::forbidden();
            }
            if ($what === 'restart' && current_user_can(Plugin::CAP_PAUSE)) {
                return $this->forbidden_naming_who_can($scope);
            }
        }
        return Responses::forbidden();
    }

    /** A pauser who may not restart is told whom to ask; everyone else learns nothing. */
    private function forbidden_naming_who_can(Scope $scope): \WP_Error
    {
        $names = [];
        foreach (array_unique(array_filter($this->owners_of($scope))) as $user_id) {
            $user = get_userdata((int) $user_id);
            if ($user instanceof \WP_User) {
                $names[] = $user->display_name;
            }
        }
        $who = $names === [] ? '' : implode(', ', $names) . ' (owners of this scope) or ';
        // The core code, so clients treat it like every other 403; the message is what is new.
        return new \WP_Error(
            'rest_forbidden',
            sprintf('Only %sa user with the %s capability can restart %s.', $who, Plugin::CAP_MANAGE, $scope->to_string()),
            ['status' => 403, 'can_restart' => $names]
        );
    }

    /** @return list<int|null> */
    private function owners_of(Scope $scope): array
    {
        $catalog = $this->services->catalog;
        $slug = $scope->id;
        $owners = [];
        if ($scope->kind === Scope::AUTOMATION) {
            $automation = $catalog->automation($scope->id);
            $owners[] = $automation->owner_id;
            $slug = $automation->category;
        }
        $category = $catalog->category($slug);
        return [...$owners, $category->owner_id, $category->backup_owner_id, $category->policy->restart_owner_id];
    }
}
