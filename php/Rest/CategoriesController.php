<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Rest;

use SophMate\SafeMode\Domain\Audit\AuditEntry;
use SophMate\SafeMode\Domain\Config\Category;
use SophMate\SafeMode\Domain\Config\CategoryChanges;
use SophMate\SafeMode\Domain\Exception\Conflict;
use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Identifier;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Notifications\WebhookUrlGuard;

/** /categories: configuration of each category, and its pause / restart / promote routes. */
final class CategoriesController extends Controller
{
    private const ID = '(?P<id>[^/]+)';

    public function register_routes(): void
    {
        $this->rest_base = 'categories';
        register_rest_route($this->namespace, '/categories', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => [$this, 'get_items'],
                'permission_callback' => [$this, 'can_view'],
                'args' => self::pagination_args(),
            ],
            [
                'methods' => \WP_REST_Server::CREATABLE,
                'callback' => [$this, 'create_item'],
                'permission_callback' => [$this, 'can_manage'],
                'args' => ['slug' => ['type' => 'string', 'required' => true]] + $this->get_endpoint_args_for_item_schema(\WP_REST_Server::CREATABLE),
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
        register_rest_route($this->namespace, '/categories/' . self::ID, [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => [$this, 'get_item'],
                'permission_callback' => [$this, 'can_view'],
            ],
            [
                'methods' => 'PATCH',
                'callback' => [$this, 'update_item'],
                'permission_callback' => [$this, 'can_manage'],
                'args' => $this->get_endpoint_args_for_item_schema(\WP_REST_Server::EDITABLE),
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
        (new SwitchRoutes($this->services, 'categories', self::ID, fn (string $id): Scope => $this->existing($id)))->register();
    }

    /** @param \WP_REST_Request $request */
    public function get_items($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $all = array_values($this->services->catalog->categories());
            $per_page = (int) $request->get_param('per_page');
            $page = array_slice($all, ((int) $request->get_param('page') - 1) * $per_page, $per_page);
            return $this->paginated(array_map([$this, 'view'], $page), count($all), $per_page);
        });
    }

    /** @param \WP_REST_Request $request */
    public function get_item($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $category = $this->services->catalog->category($this->existing((string) $request->get_param('id'))->id);
            $drill = $this->services->drills->latest($category->slug);
            return $this->view($category) + ['breaker_state' => \SophMate\SafeMode\Breakers\BreakerState::from_services($this->services)->of($category), 'last_drill' => $drill === null ? null : [
                'id' => $drill->id,
                'outcome' => $drill->passed ? 'passed' : 'failed',
                'finished_at' => $drill->finished_at->format('Y-m-d\\TH:i:s\\Z'),
                'environment' => $drill->environment,
            ]];
        });
    }

    /** @param \WP_REST_Request $request */
    public function create_item($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $slug = Identifier::assert_valid((string) $request->get_param('slug'), 'category');
            if ($this->services->catalog->has_category($slug)) {
                throw new Conflict('sophmate_category_exists', sprintf('A category "%s" already exists; change it with PATCH /categories/%s.', $slug, $slug));
            }
            $category = CategoryChanges::create($slug, $this->input($request), [self::class, 'user_exists']);
            $this->save($category, 'category_created', array_keys($this->input($request)));
            $response = rest_ensure_response($this->view($category));
            $response->set_status(201);
            return $response;
        });
    }

    /** @param \WP_REST_Request $request */
    public function update_item($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $base = $this->services->catalog->category($this->existing((string) $request->get_param('id'))->id);
            [$category, $changed] = CategoryChanges::apply($base, $this->input($request), [self::class, 'user_exists']);
            if ($changed !== []) {
                $this->save($category, 'category_updated', $changed);
            }
            return $this->view($category) + ['changed' => $changed];
        });
    }

    public static function user_exists(int $id): bool
    {
        return get_userdata($id) instanceof \WP_User;
    }

    private function existing(string $slug): Scope
    {
        $scope = Scope::category($slug);
        $this->services->catalog->category($slug);
        return $scope;
    }

    /** @param list<string> $fields */
    private function save(Category $category, string $action, array $fields): void
    {
        // Refused here, with the reason, rather than failing at every delivery later.
        $guard = new WebhookUrlGuard();
        foreach ($category->notify['webhooks'] as $url) {
            $refusal = $guard->refusal($url);
            if ($refusal !== null) {
                throw new InvalidInput('sophmate_invalid_notify', sprintf('notify.webhooks: %s %s.', $url, $refusal));
            }
        }
        $this->services->categories->save($category);
        $this->services->catalog->forget_categories();
        $this->services->audit->append(new AuditEntry(
            $action,
            'category:' . $category->slug,
            '',
            '',
            '',
            $this->services->actors->current(),
            RequestSource::current()->value,
            $this->services->clock->now(),
            ['fields' => $fields]
        ));
    }

    /** @return array<string,mixed> */
    private function input(\WP_REST_Request $request): array
    {
        $body = $request->get_json_params() ?: $request->get_body_params();
        return array_intersect_key((array) $body, array_flip(CategoryChanges::FIELDS));
    }

    /** @return array<string,mixed> */
    private function view(Category $category): array
    {
        $scope = Scope::category($category->slug);
        return $category->to_array() + [
            'state' => $this->services->switch_store->load()->state_of($scope)->value,
            'effective' => $this->services->gate->decide_category($category->slug)->effect(),
            'automations' => array_map(static fn ($a) => $a->id, $this->services->catalog->automations_in($category->slug)),
        ];
    }

    /** @return array<string,mixed> */
    public function get_item_schema(): array
    {
        $user = ['type' => ['integer', 'null'], 'minimum' => 0];
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => 'sophmate-category',
            'type' => 'object',
            'properties' => [
                'slug' => ['type' => 'string', 'readonly' => true, 'context' => ['view', 'edit']],
                'label' => ['type' => 'string', 'maxLength' => 100],
                'description' => ['type' => 'string'],
                'builtin' => ['type' => 'boolean', 'readonly' => true],
                'owner_id' => $user,
                'backup_owner_id' => $user,
                'policy' => [
                    'type' => 'object',
                    'properties' => [
                        'running' => ['type' => 'string', 'enum' => ['finish', 'stop_at_checkpoint']],
                        'queued' => ['type' => 'string', 'enum' => ['hold', 'cancel']],
                        'scheduled' => ['type' => 'string', 'enum' => ['skip', 'hold']],
                        'retrying' => ['type' => 'string', 'enum' => ['hold', 'cancel']],
                        'cleanup_notes' => ['type' => 'string'],
                        'restart_owner_id' => $user,
                    ],
                ],
                'review_every_days' => ['type' => 'integer', 'minimum' => 1, 'maximum' => 3650],
                'providers' => ['type' => 'array', 'items' => ['type' => 'string']],
                'notify' => [
                    'type' => 'object',
                    'properties' => [
                        'emails' => ['type' => 'array', 'items' => ['type' => 'string']],
                        'webhooks' => ['type' => 'array', 'items' => ['type' => 'string']],
                    ],
                ],
                'breakers' => ['type' => 'object'],
                'state' => ['type' => 'string', 'enum' => ['running', 'paused', 'trial'], 'readonly' => true],
                'effective' => ['type' => 'string', 'enum' => ['run', 'read_only', 'blocked'], 'readonly' => true],
                'automations' => ['type' => 'array', 'items' => ['type' => 'string'], 'readonly' => true],
                'breaker_state' => [
                    'type' => 'object',
                    'readonly' => true,
                    'description' => 'Each breaker\'s current value next to its threshold, and the last trip (GET /categories/{slug} only).',
                    'properties' => [
                        'failures' => ['type' => 'object'],
                        'spend' => ['type' => 'array', 'items' => ['type' => 'object']],
                        'customer_impact' => ['type' => 'object'],
                        'stale_context' => ['type' => 'array', 'items' => ['type' => 'object']],
                        'last_trip' => ['type' => ['object', 'null']],
                    ],
                ],
                'last_drill' => [
                    'type' => ['object', 'null'],
                    'readonly' => true,
                    'description' => 'The latest finished pause drill (GET /categories/{slug} only).',
                    'properties' => ['id' => ['type' => 'integer'], 'outcome' => ['type' => 'string'], 'finished_at' => ['type' => 'string', 'format' => 'date-time'], 'environment' => ['type' => 'string']],
                ],
            ],
        ];
    }
}
