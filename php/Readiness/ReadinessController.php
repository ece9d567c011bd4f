<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Readiness;

use SophMate\SafeMode\Domain\Runs\RunRecord;
use SophMate\SafeMode\Rest\Controller;
use SophMate\SafeMode\Rest\RequestSource;

/**
 * POST /automations/{id}/mode: the readiness gate's door (draft → read_only → live, or down).
 * GET /automations/{id}/readiness: what is missing, plus the read-only runs to review.
 */
final class ReadinessController extends Controller
{
    private const ID = '(?P<id>[^/]+)';

    public function register_routes(): void
    {
        register_rest_route($this->namespace, '/automations/' . self::ID . '/mode', [
            [
                'methods' => \WP_REST_Server::CREATABLE,
                'callback' => [$this, 'change_mode'],
                'permission_callback' => [$this, 'can_manage'],
                'args' => [
                    'mode' => ['type' => 'string', 'required' => true, 'enum' => ['draft', 'read_only', 'live'], 'description' => 'The mode to move to.'],
                    'reviewed_runs' => ['type' => 'array', 'items' => ['type' => 'integer'], 'description' => 'Ids of the succeeded read-only runs the operator reviewed (needed to go live).'],
                    'note' => ['type' => 'string', 'description' => 'Why; kept in the audit log.'],
                ],
            ],
            'schema' => [$this, 'get_mode_schema'],
        ]);
        register_rest_route($this->namespace, '/automations/' . self::ID . '/readiness', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => [$this, 'get_readiness'],
                'permission_callback' => [$this, 'can_view'],
            ],
            'schema' => [$this, 'get_readiness_schema'],
        ]);
    }

    /** @param \WP_REST_Request $request */
    public function change_mode($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $service = new ReadinessService($this->services);
            $result = $service->change_mode(
                (string) $request->get_param('id'),
                (string) $request->get_param('mode'),
                $request->get_param('reviewed_runs'),
                (string) ($request->get_param('note') ?? ''),
                $this->services->actors->current(),
                RequestSource::current()->value
            );
            $automation = $result['automation'];
            return [
                'id' => $automation->id,
                'changed' => $result['changed'],
                'before' => $result['before'],
                'mode' => $automation->mode->value,
                'readiness' => (new ReadinessService($this->services))->view($automation),
            ];
        });
    }

    /** @param \WP_REST_Request $request */
    public function get_readiness($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $automation = $this->services->catalog->automation((string) $request->get_param('id'));
            $service = new ReadinessService($this->services);
            return ['id' => $automation->id] + $service->view($automation) + [
                'candidates' => array_map(static fn (RunRecord $run): array => [
                    'id' => $run->id,
                    'trigger' => $run->trigger,
                    'started_at' => $run->started_at->format('Y-m-d\TH:i:s\Z'),
                    'finished_at' => $run->finished_at?->format('Y-m-d\TH:i:s\Z'),
                    'steps' => count($run->steps),
                    'affected_records' => count($run->affected_records),
                ], $service->runs()->candidates($automation->id)),
            ];
        });
    }

    /** @return array<string,mixed> */
    public function get_mode_schema(): array
    {
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => 'sophmate-automation-mode',
            'type' => 'object',
            'properties' => [
                'id' => ['type' => 'string'],
                'changed' => ['type' => 'boolean'],
                'before' => ['type' => 'string', 'enum' => ['draft', 'read_only', 'live']],
                'mode' => ['type' => 'string', 'enum' => ['draft', 'read_only', 'live']],
                'readiness' => ReadinessSchemas::readiness(),
            ],
        ];
    }

    /** @return array<string,mixed> */
    public function get_readiness_schema(): array
    {
        $schema = ReadinessSchemas::readiness();
        $schema['properties']['id'] = ['type' => 'string'];
        $schema['properties']['candidates'] = [
            'type' => 'array',
            'description' => 'The newest succeeded read-only runs (up to 50): what to review before going live.',
            'items' => [
                'type' => 'object',
                'properties' => [
                    'id' => ['type' => 'integer'],
                    'trigger' => ['type' => 'string'],
                    'started_at' => ['type' => 'string', 'format' => 'date-time'],
                    'finished_at' => ['type' => ['string', 'null'], 'format' => 'date-time'],
                    'steps' => ['type' => 'integer'],
                    'affected_records' => ['type' => 'integer'],
                ],
            ],
        ];
        return ['$schema' => 'http://json-schema.org/draft-04/schema#', 'title' => 'sophmate-automation-readiness'] + $schema;
    }
}
