<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Rest;

use SophMate\SafeMode\Domain\Runs\RunStatus;

/**
 * GET /stats: runs per hour by status and spend per day, for the last 24 hours or 7 days, for
 * the whole site or one category. Every hour of the window is present (zeros included), so a
 * chart needs no gap filling.
 */
final class StatsController extends Controller
{
    private const WINDOWS = ['24h' => 24, '7d' => 168];

    public function register_routes(): void
    {
        register_rest_route($this->namespace, '/stats', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => [$this, 'get_item'],
                'permission_callback' => [$this, 'can_view'],
                'args' => [
                    'window' => ['type' => 'string', 'enum' => array_keys(self::WINDOWS), 'default' => '24h'],
                    'category' => ['type' => 'string', 'description' => 'Only this category.'],
                ],
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
    }

    /** @param \WP_REST_Request $request */
    public function get_item($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request): array {
            $category = self::string_arg($request, 'category');
            if ($category !== null) {
                $this->services->catalog->category($category);
            }
            $window = (string) $request->get_param('window');
            $hours = self::WINDOWS[$window];
            $now = $this->services->clock->now();
            $first = $now->setTime((int) $now->format('H'), 0)->modify('-' . ($hours - 1) . ' hours');
            $empty = array_fill_keys(RunStatus::values(), 0);
            $series = [];
            for ($i = 0; $i < $hours; $i++) {
                $series[$first->modify("+$i hours")->format('Y-m-d\TH:i:s\Z')] = $empty;
            }
            $totals = $empty;
            foreach ($this->services->runs->counts_per_hour($first, $category) as $row) {
                if (isset($series[$row['hour']][$row['status']])) {
                    $series[$row['hour']][$row['status']] += $row['count'];
                    $totals[$row['status']] += $row['count'];
                }
            }
            $hourly = [];
            foreach ($series as $hour => $counts) {
                $hourly[] = ['hour' => $hour] + $counts;
            }
            return [
                'window' => $window,
                'category' => $category,
                'since' => $first->format('Y-m-d\TH:i:s\Z'),
                'totals' => $totals,
                'runs_per_hour' => $hourly,
                'spend_per_day' => $this->services->runs->spend_per_day($first->setTime(0, 0), $category),
            ];
        });
    }

    /** @return array<string,mixed> */
    public function get_item_schema(): array
    {
        $counts = array_fill_keys(RunStatus::values(), ['type' => 'integer']);
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => 'sophmate-stats',
            'type' => 'object',
            'properties' => [
                'window' => ['type' => 'string', 'enum' => array_keys(self::WINDOWS)],
                'category' => ['type' => ['string', 'null']],
                'since' => ['type' => 'string', 'format' => 'date-time'],
                'totals' => ['type' => 'object', 'properties' => $counts],
                'runs_per_hour' => ['type' => 'array', 'items' => ['type' => 'object', 'properties' => ['hour' => ['type' => 'string', 'format' => 'date-time']] + $counts]],
                'spend_per_day' => ['type' => 'array', 'items' => ['type' => 'object', 'properties' => [
                    'day' => ['type' => 'string', 'format' => 'date'],
                    'category' => ['type' => 'string'],
                    'unit' => ['type' => 'string'],
                    'amount' => ['type' => 'number'],
                ]]],
            ],
        ];
    }
}
