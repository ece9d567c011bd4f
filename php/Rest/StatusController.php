<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Rest;

/** GET /status: every switch and what it means for each category and automation right now. */
final class StatusController extends Controller
{
    public function register_routes(): void
    {
        register_rest_route($this->namespace, '/status', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => fn () => $this->respond(fn () => $this->services->status->build()),
                'permission_callback' => [$this, 'can_view'],
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
    }

    /** @return array<string,mixed> */
    public function get_item_schema(): array
    {
        $state = ['type' => 'string', 'enum' => ['running', 'paused', 'trial']];
        $effective = ['type' => 'string', 'enum' => ['run', 'read_only', 'blocked']];
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => 'sophmate-status',
            'type' => 'object',
            'properties' => [
                'version' => ['type' => 'integer', 'description' => 'Switch state version; grows with every change.'],
                'state_error' => ['type' => ['string', 'null'], 'description' => 'Why switch state could not be read (automation is then held).'],
                'storage_error' => ['type' => ['string', 'null'], 'description' => 'What is wrong with the plugin\'s tables (missing, schema upgrade not completed); automation is held until it is repaired.'],
                'safe_mode' => Schemas::safe_mode(),
                'emergency' => [
                    'type' => 'object',
                    'properties' => [
                        'active' => ['type' => 'boolean'],
                        'mode' => ['type' => ['string', 'null'], 'enum' => ['paused', 'read_only', null]],
                        'via' => ['type' => ['string', 'null'], 'enum' => ['constant', 'file', 'network', null], 'description' => 'network: network safe mode (multisite), see network_safe_mode.'],
                        'flag_file' => ['type' => 'string'],
                    ],
                ],
                'problems' => \SophMate\SafeMode\Readiness\ReadinessSchemas::problems(),
                'network_safe_mode' => Schemas::safe_mode() + ['description' => 'Multisite only: network safe mode, set by a network administrator for every site (mode off when not in force).'],
                'categories' => [
                    'type' => 'array',
                    'items' => [
                        'type' => 'object',
                        'properties' => [
                            'slug' => ['type' => 'string'],
                            'label' => ['type' => 'string'],
                            'owner' => Schemas::actor(),
                            'state' => $state,
                            'paused' => ['type' => 'boolean'],
                            'effective' => $effective,
                            'switch' => Schemas::switch_record(),
                            'automation_count' => ['type' => 'integer'],
                            'ownerless' => ['type' => 'boolean', 'description' => 'No owner is set.'],
                            'last_run' => self::last_run_schema(),
                            'runs_24h' => ['type' => 'integer'],
                            'failed_24h' => ['type' => 'integer'],
                            'spend_24h' => ['type' => 'object', 'description' => 'Amount per unit over the last 24 hours.'],
                            'next_review_at' => ['type' => ['string', 'null'], 'format' => 'date-time', 'description' => 'Review cadence: when the next review is due (null: never ran, never reviewed).'],
                            'review_overdue' => ['type' => 'boolean', 'description' => 'Review cadence: the review is due now or past due.'],
                        ],
                    ],
                ],
                'automations' => [
                    'type' => 'array',
                    'items' => [
                        'type' => 'object',
                        'properties' => [
                            'id' => ['type' => 'string'],
                            'label' => ['type' => 'string'],
                            'kind' => ['type' => 'string', 'enum' => ['workflow', 'watcher', 'agent', 'playbook', 'custom_tool']],
                            'category' => ['type' => 'string'],
                            'owner' => Schemas::actor(),
                            'mode' => ['type' => 'string', 'enum' => ['draft', 'read_only', 'live']],
                            'state' => $state,
                            'paused' => ['type' => 'boolean'],
                            'effective' => $effective,
                            'decided_by' => ['type' => 'string'],
                            'reason' => ['type' => 'string'],
                            'switch' => Schemas::switch_record(),
                            'ownerless' => ['type' => 'boolean'],
                            'last_run' => self::last_run_schema(),
                            'readiness' => \SophMate\SafeMode\Readiness\ReadinessSchemas::readiness(),
                        ],
                    ],
                ],
            ],
        ];
    }

    /** @return array<string,mixed> the newest run of a category or automation, null before the first */
    private static function last_run_schema(): array
    {
        return [
            'type' => ['object', 'null'],
            'properties' => [
                'id' => ['type' => 'integer'],
                'status' => ['type' => 'string'],
                'started_at' => ['type' => 'string', 'format' => 'date-time'],
                'automation' => ['type' => 'string'],
                'failed_step' => ['type' => ['string', 'null']],
            ],
        ];
    }
}
