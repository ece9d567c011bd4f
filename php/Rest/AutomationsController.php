<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Rest;

use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Scope;

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
            'schema' => [$this, 'get_public_item_schema'],
        ]);
        register_rest_route($this->namespace, '/automations/' . self::ID, [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => [$this, 'get_item'],
                'permission_callback' => [$this, 'can_view'],
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
            return $this->paginated(array_map([$this, 'view'], $page), count($all), $per_page);
        });
    }

    /** @param \WP_REST_Request $request */
    public function get_item($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(fn () => $this->view($this->services->catalog->automation($this->existing((string) $request->get_param('id'))->id)));
    }

    private function existing(string $id): Scope
    {
        $scope = Scope::automation($id);
        $this->services->catalog->automation($id);
        return $scope;
    }

    /** @return array<string,mixed> */
    private function view(AutomationDefinition $automation): array
    {
        $decision = $this->services->gate->decide_for($automation);
        return $automation->to_array() + [
            'owner' => $this->services->actors->by_id($automation->owner_id)?->to_array(),
            'state' => $this->services->switch_store->load()->state_of(Scope::automation($automation->id))->value,
            'effective' => $decision->effect(),
            'decided_by' => $decision->scope(),
            'reason' => $decision->reason(),
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
                'state' => ['type' => 'string', 'enum' => ['running', 'paused', 'trial']],
                'effective' => ['type' => 'string', 'enum' => ['run', 'read_only', 'blocked']],
                'decided_by' => ['type' => 'string'],
                'reason' => ['type' => 'string'],
            ],
        ];
    }
}
