<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Drills;

use SophMate\SafeMode\Domain\Drills\DrillBinding;
use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Exception\NotFound;
use SophMate\SafeMode\Domain\Identifier;
use SophMate\SafeMode\Plugin;
use SophMate\SafeMode\Rest\Controller;
use SophMate\SafeMode\Services;
use SophMate\SafeMode\Storage\TableDrillLog;

/** /drills: run a pause drill of a category, and read the drill history with each report. */
final class DrillsController extends Controller
{
    public function __construct(Services $services, private readonly DrillRunner $runner)
    {
        parent::__construct($services);
    }

    public function register_routes(): void
    {
        $this->rest_base = 'drills';
        register_rest_route($this->namespace, '/drills', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => [$this, 'get_items'],
                'permission_callback' => [$this, 'can_view'],
                'args' => self::pagination_args() + [
                    'category' => ['type' => 'string', 'description' => 'Only drills of this category.'],
                ],
            ],
            [
                'methods' => \WP_REST_Server::CREATABLE,
                'callback' => [$this, 'create_item'],
                'permission_callback' => [$this, 'can_drill'],
                'args' => [
                    'category' => ['type' => 'string', 'required' => true, 'description' => 'Slug of the category to drill.'],
                ],
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
        register_rest_route($this->namespace, '/drills/(?P<id>\d+)', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => [$this, 'get_item'],
                'permission_callback' => [$this, 'can_view'],
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
    }

    /**
     * A drill pauses the category for a moment, so it takes what pausing and restarting take:
     * the manage capability, or being the category's owner or backup owner.
     *
     * @param \WP_REST_Request $request
     */
    public function can_drill($request): bool|\WP_Error
    {
        if (current_user_can(Plugin::CAP_MANAGE)) {
            return true;
        }
        $user = get_current_user_id();
        $slug = $request->get_param('category');
        if ($user > 0 && is_string($slug) && $this->services->catalog->has_category($slug)) {
            $category = $this->services->catalog->category($slug);
            if (in_array($user, [$category->owner_id, $category->backup_owner_id], true)) {
                return true;
            }
        }
        return $this->forbidden();
    }

    /** @param \WP_REST_Request $request */
    public function create_item($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $slug = $request->get_param('category');
            if (!is_string($slug) || $slug === '') {
                throw new InvalidInput('sophmate_invalid_category', 'category must be the slug of a category, e.g. "marketing".');
            }
            Identifier::assert_valid($slug, 'category');
            $report = $this->runner->run($slug, $this->services->actors->current());
            $response = rest_ensure_response($report);
            $response->set_status(201);
            return $response;
        });
    }

    /** @param \WP_REST_Request $request */
    public function get_items($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $category = self::string_arg($request, 'category');
            if ($category !== null) {
                Identifier::assert_valid($category, 'category');
            }
            $per_page = (int) $request->get_param('per_page');
            $found = $this->services->drills->find($category, (int) $request->get_param('page'), $per_page);
            return $this->paginated(array_map([TableDrillLog::class, 'public_report'], $found['items']), $found['total'], $per_page);
        });
    }

    /** @param \WP_REST_Request $request */
    public function get_item($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $id = (int) $request->get_param('id');
            $row = $this->services->drills->get($id) ?? throw new NotFound('sophmate_unknown_drill', sprintf('There is no drill #%d.', $id));
            return TableDrillLog::public_report($row);
        });
    }

    /** @return array<string,mixed> */
    public function get_item_schema(): array
    {
        $person = ['type' => ['object', 'null'], 'properties' => ['id' => ['type' => 'integer'], 'login' => ['type' => 'string'], 'name' => ['type' => 'string']]];
        $strings = ['type' => 'array', 'items' => ['type' => 'string']];
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => 'sophmate-drill',
            'type' => 'object',
            'properties' => [
                'id' => ['type' => 'integer', 'readonly' => true],
                'category' => ['type' => 'string'],
                'category_label' => ['type' => 'string'],
                'outcome' => ['type' => 'string', 'enum' => ['running', 'passed', 'failed']],
                'environment' => ['type' => 'string', 'description' => 'wp_get_environment_type() where the drill ran.'],
                'started_at' => ['type' => 'string', 'format' => 'date-time'],
                'finished_at' => ['type' => ['string', 'null'], 'format' => 'date-time'],
                'actor' => $person,
                'automations' => $strings,
                'prior_state' => ['type' => ['string', 'null'], 'enum' => ['running', 'paused', 'trial', null]],
                'restored_state' => ['type' => ['string', 'null'], 'enum' => ['running', 'paused', 'trial', null]],
                'state_restored' => ['type' => 'boolean'],
                'bindings' => [
                    'type' => 'array',
                    'items' => [
                        'type' => 'object',
                        'properties' => [
                            'automation' => ['type' => 'string'],
                            'type' => ['type' => 'string', 'enum' => DrillBinding::TYPES],
                            'target' => ['type' => 'string'],
                            'exercised' => ['type' => 'boolean'],
                            'passed' => ['type' => ['boolean', 'null'], 'description' => 'null when the binding could not be exercised (see detail).'],
                            'detail' => ['type' => 'string'],
                        ],
                    ],
                ],
                'summary' => [
                    'type' => 'object',
                    'properties' => ['total' => ['type' => 'integer'], 'passed' => ['type' => 'integer'], 'failed' => ['type' => 'integer'], 'not_exercised' => ['type' => 'integer']],
                ],
                'paused_immediately' => $strings,
                'would_finish' => $strings,
                'needs_cleanup' => $strings,
                'restart' => [
                    'type' => 'object',
                    'properties' => ['owner' => $person, 'owners' => ['type' => 'array', 'items' => $person], 'detail' => ['type' => 'string']],
                ],
                'failure_reason' => ['type' => ['string', 'null']],
                'review_url' => ['type' => 'string', 'format' => 'uri'],
            ],
        ];
    }
}
