<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Rest;

use SophMate\SafeMode\Domain\Exception\NotFound;
use SophMate\SafeMode\Domain\Runs\RunQuery;
use SophMate\SafeMode\Domain\Runs\RunRecord;
use SophMate\SafeMode\Domain\Runs\RunStatus;

/** /runs: run history with filters, newest first. */
final class RunsController extends Controller
{
    public function register_routes(): void
    {
        register_rest_route($this->namespace, '/runs', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => [$this, 'get_items'],
                'permission_callback' => [$this, 'can_view'],
                'args' => self::pagination_args() + [
                    'category' => ['type' => 'string'],
                    'automation' => ['type' => 'string'],
                    'status' => ['type' => 'string', 'enum' => RunStatus::values()],
                    'since' => ['type' => 'string', 'description' => 'ISO 8601 time; runs started at or after it.'],
                    'until' => ['type' => 'string', 'description' => 'ISO 8601 time; runs started at or before it.'],
                ],
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
        register_rest_route($this->namespace, '/runs/(?P<id>\d+)', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => [$this, 'get_item'],
                'permission_callback' => [$this, 'can_view'],
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
    }

    /** @param \WP_REST_Request $request */
    public function get_items($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $per_page = (int) $request->get_param('per_page');
            $result = $this->services->runs->find(new RunQuery(
                self::string_arg($request, 'category'),
                self::string_arg($request, 'automation'),
                self::string_arg($request, 'status'),
                self::time_arg($request, 'since'),
                self::time_arg($request, 'until'),
                (int) $request->get_param('page'),
                $per_page,
            ));
            return $this->paginated(array_map(static fn (RunRecord $r): array => $r->to_array(), $result['items']), $result['total'], $per_page);
        });
    }

    /** @param \WP_REST_Request $request */
    public function get_item($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $run = $this->services->runs->get((int) $request->get_param('id'))
                ?? throw new NotFound('sophmate_unknown_run', sprintf('There is no run %d.', (int) $request->get_param('id')));
            return $run->to_array();
        });
    }

    /** @return array<string,mixed> */
    public function get_item_schema(): array
    {
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => 'sophmate-run',
            'type' => 'object',
            'properties' => [
                'id' => ['type' => 'integer'],
                'automation' => ['type' => 'string'],
                'category' => ['type' => 'string'],
                'trigger' => ['type' => 'string'],
                'status' => ['type' => 'string', 'enum' => RunStatus::values()],
                'started_at' => ['type' => 'string', 'format' => 'date-time'],
                'finished_at' => ['type' => ['string', 'null'], 'format' => 'date-time'],
                'read_only' => ['type' => 'boolean'],
                'attempt' => ['type' => 'integer'],
                'failed_step' => ['type' => ['string', 'null']],
                'error' => ['type' => ['string', 'null']],
                'spend' => ['type' => 'object', 'description' => 'Amount per unit.'],
                'decided_by' => ['type' => 'string'],
                'reason' => ['type' => 'string'],
                'affected_records' => ['type' => 'array', 'items' => ['type' => 'object']],
                'steps' => ['type' => 'array', 'items' => ['type' => 'object']],
            ],
        ];
    }
}
