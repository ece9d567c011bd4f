<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Readiness;

/** REST schema fragments for readiness and ownership problems, shared by the routes that carry them. */
final class ReadinessSchemas
{
    /** @return array<string,mixed> */
    public static function readiness(): array
    {
        $item = ['type' => 'object', 'properties' => ['id' => ['type' => 'string'], 'label' => ['type' => 'string']]];
        return [
            'type' => 'object',
            'description' => 'Where the automation stands on draft → read_only → live and what it lacks for the next step.',
            'properties' => [
                'mode' => ['type' => 'string', 'enum' => ['draft', 'read_only', 'live']],
                'next' => ['type' => ['string', 'null'], 'enum' => ['read_only', 'live', null]],
                'ready' => ['type' => 'boolean'],
                'missing' => ['type' => 'array', 'items' => $item],
                'read_only_runs' => [
                    'type' => 'object',
                    'properties' => ['succeeded' => ['type' => 'integer'], 'required' => ['type' => 'integer']],
                ],
                'drill' => [
                    'type' => ['object', 'null'],
                    'properties' => [
                        'id' => ['type' => 'integer'],
                        'passed' => ['type' => 'boolean'],
                        'covers' => ['type' => 'boolean'],
                        'finished_at' => ['type' => 'string', 'format' => 'date-time'],
                        'environment' => ['type' => 'string'],
                    ],
                ],
                'environment' => ['type' => 'string'],
                'mode_from_code' => ['type' => 'boolean'],
            ],
        ];
    }

    /** @return array<string,mixed> */
    public static function problems(): array
    {
        return [
            'type' => 'array',
            'description' => 'Ownership gaps: categories without an owner, owners who no longer exist or cannot pause, live automations without an owner.',
            'items' => [
                'type' => 'object',
                'properties' => [
                    'kind' => ['type' => 'string', 'enum' => ['category_without_owner', 'owner_deleted', 'owner_cannot_pause', 'live_without_owner']],
                    'scope' => ['type' => 'string'],
                    'role' => ['type' => 'string', 'enum' => ['owner', 'backup_owner', 'restart_owner']],
                    'detail' => ['type' => 'string'],
                ],
            ],
        ];
    }
}
