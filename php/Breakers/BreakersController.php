<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Breakers;

use SophMate\SafeMode\Rest\Controller;
use SophMate\SafeMode\Services;

/** POST /categories/{slug}/breakers/simulate: what the given (or current) breaker settings would have done over stored history. */
final class BreakersController extends Controller
{
    public function __construct(Services $services, private readonly BreakerSimulation $simulation)
    {
        parent::__construct($services);
    }

    public function register_routes(): void
    {
        $this->rest_base = 'categories';
        register_rest_route($this->namespace, '/categories/(?P<id>[^/]+)/breakers/simulate', [
            [
                'methods' => \WP_REST_Server::CREATABLE,
                'callback' => [$this, 'simulate'],
                'permission_callback' => [$this, 'can_view'],
                'args' => [
                    'breakers' => ['description' => 'Draft breaker settings (the shape of category.breakers); the category\'s current ones when absent.'],
                    'since' => ['type' => 'string', 'description' => 'Replay runs started since this ISO 8601 time (default 7 days ago, at most 90).'],
                ],
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
    }

    /** @param \WP_REST_Request $request */
    public function simulate($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $category = $this->services->catalog->category((string) $request->get_param('id'));
            $body = (array) ($request->get_json_params() ?: []);
            return $this->simulation->simulate($category, $body['breakers'] ?? null, self::time_arg($request, 'since'));
        });
    }

    /** @return array<string,mixed> */
    public function get_item_schema(): array
    {
        $number = ['type' => ['integer', 'number']];
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => 'sophmate-breaker-simulation',
            'type' => 'object',
            'properties' => [
                'trips' => ['type' => 'array', 'items' => ['type' => 'object', 'properties' => [
                    'at' => ['type' => 'string', 'format' => 'date-time'],
                    'scope' => ['type' => 'string'],
                    'signal' => ['type' => 'string'],
                    'reason' => ['type' => 'string'],
                    'breaker' => ['type' => 'string'],
                    'now' => ['type' => 'boolean', 'description' => 'True for a stale context check of the freshness source as it reads now (no history of past ages is kept); false for a replay of history.'],
                ]]],
                'runs_considered' => ['type' => 'integer'],
                'since' => ['type' => 'string', 'format' => 'date-time'],
                'truncated' => ['type' => 'boolean'],
                'config' => ['type' => 'object', 'properties' => ['failures' => ['type' => 'object', 'properties' => ['window_runs' => $number]]]],
            ],
        ];
    }
}
