<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Rest;

use SophMate\SafeMode\Domain\Audit\AuditEntry;
use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Config\AutomationMode;
use SophMate\SafeMode\Domain\Exception\Conflict;
use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Identifier;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Readiness\ReadinessSchemas;
use SophMate\SafeMode\Readiness\ReadinessService;

/** /automations: what is governed, and each automation's pause / restart / promote routes. */
final class AutomationsController extends Controller
{
    private const ID = '(?P<id>[^/]+)';

    public function register_routes(): void
    {
        $this->rest_base = 'automations';
        register_rest_route($this->namespace, '/automations', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => [$this, 'get_items'],
                'permission_callback' => [$this, 'can_view'],
                'args' => self::pagination_args() + [
                    'category' => ['type' => 'string', 'description' => 'Only automations in this category.'],
                ],
            ],
            [
                'methods' => \WP_REST_Server::CREATABLE,
                'callback' => [$this, 'create_item'],
                'permission_callback' => [$this, 'can_manage'],
                'args' => self::write_args(true),
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
        register_rest_route($this->namespace, '/automations/' . self::ID, [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => [$this, 'get_item'],
                'permission_callback' => [$this, 'can_view'],
            ],
            [
                'methods' => 'PATCH',
                'callback' => [$this, 'update_item'],
                'permission_callback' => [$this, 'can_manage'],
                'args' => self::write_args(false),
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
        (new SwitchRoutes($this->services, 'automations', self::ID, fn (string $id): Scope => $this->existing($id)))->register();
    }

    /** @param \WP_REST_Request $request */
    public function get_items($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $category = $request->get_param('category');
            $all = is_string($category) && $category !== ''
                ? $this->services->catalog->automations_in($category)
                : array_values($this->services->catalog->automations());
            $per_page = (int) $request->get_param('per_page');
            $page = array_slice($all, ((int) $request->get_param('page') - 1) * $per_page, $per_page);
            $readiness = new ReadinessService($this->services);
            return $this->paginated(array_map(fn (AutomationDefinition $a): array => $this->view($a, $readiness), $page), count($all), $per_page);
        });
    }

    /** @param \WP_REST_Request $request */
    public function get_item($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(fn () => $this->view($this->services->catalog->automation($this->existing((string) $request->get_param('id'))->id)));
    }

    /**
     * Creates an automation, typically to govern an existing cron hook of another plugin.
     *
     * @param \WP_REST_Request $request
     */
    public function create_item($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            // A new automation starts as a draft; asking for more goes through the readiness gate.
            $input = $this->input($request) + ['mode' => AutomationMode::Draft->value];
            $id = Identifier::assert_valid((string) $request->get_param('id'), 'automation');
            if ($this->services->catalog->has_automation($id)) {
                throw new Conflict('sophmate_automation_exists', sprintf('An automation "%s" already exists.', $id));
            }
            $automation = $this->build($id, $input, null);
            $readiness = new ReadinessService($this->services);
            $reviewed = $readiness->check($automation, AutomationMode::Draft, $request->get_param('reviewed_runs'));
            $this->services->catalog->add_automation($automation);
            $this->services->stored_automations->save($automation);
            $this->audit('automation_created', $automation, array_keys($input));
            if ($automation->mode !== AutomationMode::Draft) {
                $readiness->audit_mode(AutomationMode::Draft, $automation, $reviewed, (string) ($request->get_param('note') ?? ''), $this->services->actors->current(), RequestSource::current()->value);
            }
            $response = rest_ensure_response($this->view($automation) + ['warnings' => $this->warnings($automation)]);
            $response->set_status(201);
            return $response;
        });
    }

    /** @param \WP_REST_Request $request */
    public function update_item($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $base = $this->services->catalog->automation($this->existing((string) $request->get_param('id'))->id);
            if ($base->origin !== 'admin') {
                throw new Conflict('sophmate_automation_from_code', sprintf('"%s" is registered by code; change it where it is registered.', $base->id));
            }
            $input = $this->input($request);
            $automation = $this->build($base->id, $input, $base);
            // A mode change here goes through the same readiness gate as POST …/mode.
            $readiness = new ReadinessService($this->services);
            $reviewed = $automation->mode !== $base->mode ? $readiness->check($automation, $base->mode, $request->get_param('reviewed_runs')) : [];
            $this->services->catalog->remove_automation($base->id);
            $this->services->catalog->add_automation($automation);
            $this->services->stored_automations->save($automation);
            $this->audit('automation_updated', $automation, array_keys($input));
            if ($automation->mode !== $base->mode) {
                $readiness->audit_mode($base->mode, $automation, $reviewed, (string) ($request->get_param('note') ?? ''), $this->services->actors->current(), RequestSource::current()->value);
            }
            return $this->view($automation) + ['warnings' => $this->warnings($automation)];
        });
    }

    /** @param array<string,mixed> $input */
    private function build(string $id, array $input, ?AutomationDefinition $base): AutomationDefinition
    {
        $args = array_merge($base?->to_array() ?? [], $input);
        $owner = $args['owner'] ?? $args['owner_id'] ?? null;
        $owner_id = $owner === null ? null : $this->services->actors->resolve_owner($owner);
        if ($owner !== null && $owner_id === null) {
            throw new InvalidInput('sophmate_invalid_owner', 'owner must be the id or login of a user of this site.');
        }
        $automation = AutomationDefinition::from_args($id, $args, $owner_id, 'admin');
        $this->services->catalog->category($automation->category);
        return $automation;
    }

    /** @return list<string> things worth knowing that are not errors */
    private function warnings(AutomationDefinition $automation): array
    {
        $warnings = [];
        foreach ($automation->cron_hooks as $hook) {
            if (wp_next_scheduled($hook) === false && !$this->hook_has_any_event($hook)) {
                $warnings[] = sprintf('No event of the cron hook "%s" is scheduled right now; it will be governed once one is.', $hook);
            }
        }
        return $warnings;
    }

    private function hook_has_any_event(string $hook): bool
    {
        foreach (_get_cron_array() ?: [] as $hooks) {
            if (isset($hooks[$hook])) {
                return true;
            }
        }
        return false;
    }

    /** @param list<string> $fields */
    private function audit(string $action, AutomationDefinition $automation, array $fields): void
    {
        $this->services->audit->append(new AuditEntry(
            $action,
            'automation:' . $automation->id,
            '',
            $automation->mode->value,
            '',
            $this->services->actors->current(),
            RequestSource::current()->value,
            $this->services->clock->now(),
            ['fields' => $fields, 'cron_hooks' => $automation->cron_hooks]
        ));
    }

    /** @return array<string,mixed> */
    private function input(\WP_REST_Request $request): array
    {
        $body = (array) ($request->get_json_params() ?: $request->get_body_params());
        return array_intersect_key($body, array_flip(['label', 'kind', 'category', 'owner', 'owner_id', 'mode', 'cron_hooks', 'rest_routes', 'providers', 'checklist', 'retry', 'breakers', 'freshness', 'customer_facing']));
    }

    /** @return array<string,array<string,mixed>> */
    private static function write_args(bool $creating): array
    {
        $args = [
            'label' => ['type' => 'string'],
            'kind' => ['type' => 'string', 'enum' => ['workflow', 'watcher', 'agent', 'playbook', 'custom_tool']],
            'category' => ['type' => 'string'],
            'owner' => ['type' => ['integer', 'string'], 'description' => 'User id or login.'],
            'mode' => ['type' => 'string', 'enum' => ['draft', 'read_only', 'live']],
            'cron_hooks' => ['type' => 'array', 'items' => ['type' => 'string']],
            'rest_routes' => ['type' => 'array', 'items' => ['type' => 'string']],
            'providers' => ['type' => 'array', 'items' => ['type' => 'string']],
            'checklist' => ['type' => 'object'],
            'retry' => ['type' => ['object', 'null']],
            'breakers' => ['type' => ['object', 'null'], 'description' => 'This automation\'s own breaker kinds; each overrides the category\'s.'],
            'freshness' => ['type' => ['object', 'null'], 'description' => '{ option } or { filter } holding the time of the last successful sync (stale-context breaker).'],
            'customer_facing' => ['type' => 'array', 'items' => ['type' => 'string'], 'description' => '"type:action" pairs of touched() calls that reach customers.'],
            'reviewed_runs' => ['type' => 'array', 'items' => ['type' => 'integer'], 'description' => 'Succeeded read-only runs reviewed, when the mode goes live.'],
            'note' => ['type' => 'string', 'description' => 'Why the mode changes; kept in the audit log.'],
        ];
        if ($creating) {
            $args['id'] = ['type' => 'string', 'required' => true];
            $args['kind']['required'] = true;
            $args['category']['required'] = true;
        }
        return $args;
    }

    private function existing(string $id): Scope
    {
        $scope = Scope::automation($id);
        $this->services->catalog->automation($id);
        return $scope;
    }

    /** @return array<string,mixed> */
    private function view(AutomationDefinition $automation, ?ReadinessService $readiness = null): array
    {
        $decision = $this->services->gate->decide_for($automation);
        return $automation->to_array() + [
            'owner' => $this->services->actors->by_id($automation->owner_id)?->to_array(),
            'state' => $this->services->switch_store->load()->state_of(Scope::automation($automation->id))->value,
            'effective' => $decision->effect(),
            'decided_by' => $decision->scope(),
            'reason' => $decision->reason(),
            'readiness' => ($readiness ?? new ReadinessService($this->services))->view($automation),
        ];
    }

    /** @return array<string,mixed> */
    public function get_item_schema(): array
    {
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => 'sophmate-automation',
            'type' => 'object',
            'properties' => [
                'id' => ['type' => 'string'],
                'label' => ['type' => 'string'],
                'kind' => ['type' => 'string', 'enum' => ['workflow', 'watcher', 'agent', 'playbook', 'custom_tool']],
                'category' => ['type' => 'string'],
                'owner_id' => ['type' => ['integer', 'null']],
                'owner' => Schemas::actor(),
                'mode' => ['type' => 'string', 'enum' => ['draft', 'read_only', 'live']],
                'cron_hooks' => ['type' => 'array', 'items' => ['type' => 'string']],
                'rest_routes' => ['type' => 'array', 'items' => ['type' => 'string']],
                'providers' => ['type' => 'array', 'items' => ['type' => 'string']],
                'checklist' => ['type' => 'object'],
                'origin' => ['type' => 'string', 'enum' => ['code', 'admin']],
                'retry' => ['type' => ['object', 'null']],
                'breakers' => ['type' => ['object', 'null']],
                'freshness' => ['type' => ['object', 'null']],
                'customer_facing' => ['type' => 'array', 'items' => ['type' => 'string']],
                'state' => ['type' => 'string', 'enum' => ['running', 'paused', 'trial']],
                'effective' => ['type' => 'string', 'enum' => ['run', 'read_only', 'blocked']],
                'decided_by' => ['type' => 'string'],
                'reason' => ['type' => 'string'],
                'readiness' => ReadinessSchemas::readiness(),
            ],
        ];
    }
}
