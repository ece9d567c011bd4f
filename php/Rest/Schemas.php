<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Rest;

/** JSON Schema fragments shared by several routes, so the same shape is described once. */
final class Schemas
{
    /** @return array<string,mixed> */
    public static function actor(): array
    {
        return [
            'type' => ['object', 'null'],
            'properties' => [
                'id' => ['type' => 'integer'],
                'login' => ['type' => 'string'],
                'name' => ['type' => 'string'],
            ],
        ];
    }

    /** @return array<string,mixed> */
    public static function switch_record(): array
    {
        return [
            'type' => ['object', 'null'],
            'properties' => [
                'state' => ['type' => 'string', 'enum' => ['running', 'paused', 'trial']],
                'reason' => ['type' => 'string'],
                'actor' => self::actor(),
                'source' => ['type' => 'string'],
                'since' => ['type' => 'string', 'format' => 'date-time'],
                'incident_url' => ['type' => ['string', 'null']],
                'trip' => [
                    'type' => ['object', 'null'],
                    'description' => 'Set when a breaker made this pause (source breaker or update): the signal, its value and the threshold.',
                    'properties' => [
                        'signal' => ['type' => 'string'],
                        'value' => ['type' => ['string', 'number', 'null']],
                        'threshold' => ['type' => ['string', 'number', 'null']],
                    ],
                ],
                'trial' => [
                    'type' => ['object', 'null'],
                    'properties' => [
                        'automations' => ['type' => 'array', 'items' => ['type' => 'string']],
                        'max_runs' => ['type' => ['integer', 'null']],
                        'read_only' => ['type' => 'boolean'],
                        'note' => ['type' => 'string'],
                        'runs_used' => ['type' => 'integer', 'description' => 'GET /status only: runs started since the restart.'],
                        'succeeded' => ['type' => 'integer', 'description' => 'GET /status only: trial runs that succeeded.'],
                        'failed' => ['type' => 'integer', 'description' => 'GET /status only: trial runs that failed.'],
                    ],
                ],
            ],
        ];
    }

    /** @return array<string,mixed> */
    public static function safe_mode(): array
    {
        return [
            'type' => 'object',
            'properties' => [
                'mode' => ['type' => 'string', 'enum' => ['off', 'read_only', 'paused']],
                'reason' => ['type' => 'string'],
                'actor' => self::actor(),
                'source' => ['type' => ['string', 'null']],
                'since' => ['type' => ['string', 'null'], 'format' => 'date-time'],
                'incident_url' => ['type' => ['string', 'null']],
            ],
        ];
    }

    /** @return array<string,mixed> the response of pause, restart and promote */
    public static function change_result(string $title): array
    {
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => $title,
            'type' => 'object',
            'properties' => [
                'changed' => ['type' => 'boolean', 'description' => 'False when the scope was already in the requested state; nothing was written.'],
                'scope' => ['type' => 'string'],
                'before' => ['type' => 'string'],
                'state' => ['type' => 'string', 'enum' => ['running', 'paused', 'trial']],
                'switch' => self::switch_record(),
                'audit_id' => ['type' => ['integer', 'null']],
            ],
        ];
    }

    /** @return array<string,array<string,mixed>> */
    public static function pause_args(): array
    {
        return [
            'reason' => ['type' => 'string', 'required' => true, 'description' => 'Why it is paused (1-500 characters).'],
            'incident_url' => ['type' => 'string', 'description' => 'Link to the incident, ticket or chat thread.'],
        ];
    }

    /** @return array<string,array<string,mixed>> */
    public static function restart_args(): array
    {
        return [
            'acknowledged' => [
                'type' => 'array',
                'items' => ['type' => 'string'],
                'default' => [],
                'description' => 'All six review items: run_history, failed_steps, audit_records, pending_approvals, provider_status, affected_records.',
            ],
            'note' => ['type' => 'string', 'default' => '', 'description' => 'What was reviewed and why it is safe to restart.'],
            'scope' => [
                'type' => 'object',
                'default' => [],
                'description' => 'The narrow trial scope.',
                'properties' => [
                    'automations' => ['type' => 'array', 'items' => ['type' => 'string']],
                    'max_runs' => ['type' => 'integer', 'minimum' => 1, 'maximum' => 10000],
                    'read_only' => ['type' => 'boolean'],
                ],
            ],
            'override_reason' => ['type' => 'string', 'description' => 'Why restarting while a provider the scope depends on is in outage is right anyway.'],
            'review_hash' => ['type' => 'string', 'pattern' => '^[0-9a-f]{64}$', 'description' => 'snapshot.hash of the review the operator looked at; stored with the restart.'],
        ];
    }

    /** @return array<string,mixed> the evidence bundle of GET …/review */
    public static function review(string $title): array
    {
        $list = static fn (array $properties): array => ['type' => 'array', 'items' => ['type' => 'object', 'properties' => $properties]];
        $counts = ['type' => 'object', 'description' => 'Runs per status, and total.'];
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => $title,
            'type' => 'object',
            'properties' => [
                'scope' => ['type' => 'string'],
                'state' => ['type' => 'string'],
                'since' => ['type' => ['string', 'null'], 'format' => 'date-time', 'description' => 'When the scope was paused (or its trial began).'],
                'window_start' => ['type' => 'string', 'format' => 'date-time'],
                'generated_at' => ['type' => 'string', 'format' => 'date-time'],
                'runs' => $counts,
                'runs_since_pause' => $counts,
                'failed_steps' => $list(['run_id' => ['type' => 'integer'], 'automation' => ['type' => 'string'], 'step' => ['type' => ['string', 'null']], 'error' => ['type' => ['string', 'null']], 'at' => ['type' => 'string'], 'since_pause' => ['type' => 'boolean']]),
                'audit' => ['type' => 'array', 'items' => ['type' => 'object']],
                'pending_approvals' => $list(['source' => ['type' => 'string'], 'id' => ['type' => 'string'], 'label' => ['type' => 'string'], 'run_id' => ['type' => ['integer', 'null']], 'url' => ['type' => ['string', 'null']]]),
                'providers' => $list(['slug' => ['type' => 'string'], 'label' => ['type' => 'string'], 'status' => ['type' => 'string'], 'checked_at' => ['type' => ['string', 'null']]]),
                'affected_records' => $list(['type' => ['type' => 'string'], 'id' => ['type' => 'string'], 'action' => ['type' => 'string'], 'run_id' => ['type' => 'integer'], 'at' => ['type' => 'string'], 'since_pause' => ['type' => 'boolean']]),
                'checks' => $list(['id' => ['type' => 'string'], 'label' => ['type' => 'string'], 'ok' => ['type' => 'boolean'], 'detail' => ['type' => 'string']]),
                'snapshot' => ['type' => 'object', 'properties' => ['counts' => ['type' => 'object'], 'hash' => ['type' => 'string']]],
            ],
        ];
    }
}
