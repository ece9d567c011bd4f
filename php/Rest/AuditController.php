<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Rest;

use SophMate\SafeMode\Domain\Audit\AuditEntry;
use SophMate\SafeMode\Domain\Audit\AuditQuery;
use SophMate\SafeMode\Support\CsvCell;

/** /audit: the append-only log, as JSON or CSV, and verification of its hash chain. */
final class AuditController extends Controller
{
    public function register_routes(): void
    {
        register_rest_route($this->namespace, '/audit', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => [$this, 'get_items'],
                'permission_callback' => [$this, 'can_view'],
                'args' => self::pagination_args() + [
                    'scope' => ['type' => 'string'],
                    'action' => ['type' => 'string'],
                    'actor' => ['type' => 'integer', 'description' => 'User id.'],
                    'since' => ['type' => 'string'],
                    'until' => ['type' => 'string'],
                    'format' => ['type' => 'string', 'enum' => ['json', 'csv'], 'default' => 'json'],
                ],
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
        register_rest_route($this->namespace, '/audit/verify', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => fn () => $this->respond(fn () => $this->services->audit->verify()->to_array()),
                'permission_callback' => [$this, 'can_view'],
            ],
            // The route's own schema (WordPress reads 'schema' only beside the endpoint list).
            'schema' => static fn () => [
                '$schema' => 'http://json-schema.org/draft-04/schema#',
                'title' => 'sophmate-audit-verification',
                'type' => 'object',
                'properties' => [
                    'ok' => ['type' => 'boolean'],
                    'checked' => ['type' => 'integer'],
                    'first_bad_id' => ['type' => ['integer', 'null']],
                ],
            ],
        ]);
    }

    /** @param \WP_REST_Request $request */
    public function get_items($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $csv = $request->get_param('format') === 'csv';
            $per_page = $csv ? 10000 : (int) $request->get_param('per_page');
            $result = $this->services->audit->find(new AuditQuery(
                self::string_arg($request, 'scope'),
                self::string_arg($request, 'action'),
                $request->get_param('actor') !== null ? (int) $request->get_param('actor') : null,
                self::time_arg($request, 'since'),
                self::time_arg($request, 'until'),
                $csv ? 1 : (int) $request->get_param('page'),
                $per_page,
            ));
            $items = array_map(static fn (AuditEntry $e): array => $e->to_array(), $result['items']);
            return $csv ? $this->csv($items) : $this->paginated($items, $result['total'], $per_page);
        });
    }

    /** @param list<array<string,mixed>> $items */
    private function csv(array $items): \WP_REST_Response
    {
        $out = fopen('php://temp', 'r+');
        fputcsv($out, ['id', 'created_at', 'action', 'scope', 'before', 'after', 'reason', 'actor_id', 'actor_login', 'source', 'context', 'hash']);
        foreach ($items as $item) {
            $actor = $item['actor'] ?? null;
            fputcsv($out, CsvCell::row([
                $item['id'], $item['created_at'], $item['action'], $item['scope'], $item['before'], $item['after'], $item['reason'],
                $actor['id'] ?? 0, $actor['login'] ?? 'system', $item['source'], wp_json_encode($item['context']), $item['hash'],
            ]));
        }
        rewind($out);
        $body = (string) stream_get_contents($out);
        fclose($out);
        // The REST server would JSON-encode a string body; serve the CSV bytes as they are instead.
        add_filter('rest_pre_serve_request', static function ($served) use ($body) {
            if (!$served) {
                echo $body; // phpcs:ignore -- CSV download, cells made formula-safe above
            }
            return true;
        });
        $response = new \WP_REST_Response($body);
        $response->header('Content-Type', 'text/csv; charset=utf-8');
        $response->header('Content-Disposition', 'attachment; filename="sophmate-audit.csv"');
        return $response;
    }

    /** @return array<string,mixed> */
    public function get_item_schema(): array
    {
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => 'sophmate-audit-event',
            'type' => 'object',
            'properties' => [
                'id' => ['type' => 'integer'],
                'created_at' => ['type' => 'string', 'format' => 'date-time'],
                'action' => ['type' => 'string'],
                'scope' => ['type' => 'string'],
                'before' => ['type' => 'string'],
                'after' => ['type' => 'string'],
                'reason' => ['type' => 'string'],
                'actor' => Schemas::actor(),
                'source' => ['type' => 'string'],
                'context' => ['type' => 'object'],
                'hash' => ['type' => 'string'],
            ],
        ];
    }
}
