<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Rest;

/**
 * GET /cron-hooks: the WP-Cron hooks scheduled on this site, with the automations that govern
 * each, so an operator can pick another plugin's hook to bind.
 */
final class CronHooksController extends Controller
{
    public function register_routes(): void
    {
        register_rest_route($this->namespace, '/cron-hooks', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => fn () => $this->respond(fn () => $this->hooks()),
                'permission_callback' => [$this, 'can_view'],
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
    }

    /** @return list<array<string,mixed>> */
    private function hooks(): array
    {
        $hooks = [];
        foreach (_get_cron_array() ?: [] as $timestamp => $events) {
            foreach ($events as $hook => $instances) {
                if (str_starts_with((string) $hook, 'sophmate_safe_mode_')) {
                    continue; // The plugin's own upkeep and retries are not for binding.
                }
                foreach ($instances as $instance) {
                    $entry = $hooks[$hook] ?? [
                        'hook' => (string) $hook,
                        'next_run' => gmdate('Y-m-d\TH:i:s\Z', (int) $timestamp),
                        'schedule' => $instance['schedule'] ?: null,
                        'events' => 0,
                        'automations' => $this->services->catalog->automations_for_hook((string) $hook),
                    ];
                    $entry['events']++;
                    $hooks[$hook] = $entry;
                }
            }
        }
        ksort($hooks);
        return array_values($hooks);
    }

    /** @return array<string,mixed> */
    public function get_item_schema(): array
    {
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => 'sophmate-cron-hook',
            'type' => 'object',
            'properties' => [
                'hook' => ['type' => 'string'],
                'next_run' => ['type' => 'string', 'format' => 'date-time'],
                'schedule' => ['type' => ['string', 'null'], 'description' => 'Recurrence, or null for single events.'],
                'events' => ['type' => 'integer'],
                'automations' => ['type' => 'array', 'items' => ['type' => 'string'], 'description' => 'Automations bound to this hook.'],
            ],
        ];
    }
}
