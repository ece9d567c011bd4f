<?php

declare(strict_types=1);

namespace SophMate\SafeMode\ConfigTransfer;

use SophMate\SafeMode\Domain\Config\ConfigDocument;
use SophMate\SafeMode\Rest\Controller;
use SophMate\SafeMode\Rest\RequestSource;
use SophMate\SafeMode\Services;

/** /config: the site's configuration as a portable document, and importing one (staging → production). */
final class ConfigController extends Controller
{
    /** Bigger than any real configuration by far; refused before the body is parsed. */
    public const MAX_BYTES = 1048576;

    public function __construct(Services $services, private readonly ConfigTransfer $transfer)
    {
        parent::__construct($services);
    }

    public function register_routes(): void
    {
        $this->rest_base = 'config';
        register_rest_route($this->namespace, '/config', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => [$this, 'export'],
                'permission_callback' => [$this, 'can_manage'],
                'args' => [
                    'download' => ['type' => 'boolean', 'default' => false, 'description' => 'Answer with Content-Disposition: attachment and a file name.'],
                ],
            ],
            'schema' => [$this, 'get_document_schema'],
        ]);
        register_rest_route($this->namespace, '/config/environment', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => fn () => $this->respond(static fn () => ['environment' => wp_get_environment_type(), 'site' => home_url()]),
                'permission_callback' => [$this, 'can_manage'],
            ],
            'schema' => static fn (): array => [
                '$schema' => 'http://json-schema.org/draft-04/schema#',
                'title' => 'sophmate-config-environment',
                'type' => 'object',
                'properties' => [
                    'environment' => ['type' => 'string', 'enum' => ['local', 'development', 'staging', 'production']],
                    'site' => ['type' => 'string'],
                ],
            ],
        ]);
        register_rest_route($this->namespace, '/config/import', [
            [
                'methods' => \WP_REST_Server::CREATABLE,
                'callback' => [$this, 'import'],
                'permission_callback' => [$this, 'can_manage'],
                'args' => [
                    'config' => ['type' => 'object', 'required' => true, 'description' => 'A document exported by GET /config.'],
                    'dry_run' => ['type' => 'boolean', 'default' => false, 'description' => 'Validate and show the changes without applying them.'],
                    'changes_hash' => ['type' => 'string', 'description' => 'changes_hash of the dry run that was read: refuses (409) if the changes differ now.'],
                ],
            ],
            'schema' => [$this, 'get_import_schema'],
        ]);
    }

    /** Refuses an oversized import before WordPress decodes its JSON. */
    public function register(): void
    {
        add_filter('rest_pre_dispatch', [$this, 'refuse_oversized'], 10, 3);
    }

    /**
     * @param mixed $result
     * @return mixed
     */
    public function refuse_oversized($result, \WP_REST_Server $server, \WP_REST_Request $request)
    {
        if ($result === null && $request->get_route() === '/' . self::NS . '/config/import' && strlen((string) $request->get_body()) > self::MAX_BYTES) {
            return new \WP_Error('sophmate_config_too_large', sprintf(__('The configuration is larger than %d KB; this is not a file exported by SophMate Safe Mode.', 'sophmate-safe-mode'), self::MAX_BYTES / 1024), ['status' => 413]);
        }
        return $result;
    }

    public function export(\WP_REST_Request $request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $document = $this->transfer->export($this->services->actors->current(), RequestSource::current()->value);
            $response = rest_ensure_response($document);
            if ($request->get_param('download') === true) {
                $response->header('Content-Disposition', sprintf('attachment; filename="%s"', ConfigFileName::for($document)));
            }
            return $response;
        });
    }

    public function import(\WP_REST_Request $request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $body = (array) $request->get_json_params();
            return $this->transfer->import($body['config'] ?? null, $request->get_param('dry_run') === true, $this->services->actors->current(), RequestSource::current()->value, $request->get_param('changes_hash'));
        });
    }

    /** @return array<string,mixed> */
    public function get_document_schema(): array
    {
        $owner = ['type' => ['object', 'null'], 'properties' => ['login' => ['type' => 'string'], 'email' => ['type' => 'string']]];
        $strings = ['type' => 'array', 'items' => ['type' => 'string']];
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => 'sophmate-config',
            'type' => 'object',
            'properties' => [
                'format' => ['type' => 'string', 'enum' => [ConfigDocument::FORMAT]],
                'version' => ['type' => 'integer', 'enum' => [ConfigDocument::VERSION]],
                'exported_at' => ['type' => 'string', 'format' => 'date-time'],
                'environment' => ['type' => 'string', 'description' => 'wp_get_environment_type() of the exporting site.'],
                'site' => ['type' => 'string', 'description' => 'home_url() of the exporting site.'],
                'categories' => ['type' => 'array', 'items' => ['type' => 'object', 'properties' => [
                    'slug' => ['type' => 'string'],
                    'builtin' => ['type' => 'boolean'],
                    'label' => ['type' => 'string'],
                    'description' => ['type' => 'string'],
                    'owner' => $owner,
                    'backup_owner' => $owner,
                    'policy' => ['type' => 'object', 'properties' => [
                        'running' => ['type' => 'string'],
                        'queued' => ['type' => 'string'],
                        'scheduled' => ['type' => 'string'],
                        'retrying' => ['type' => 'string'],
                        'cleanup_notes' => ['type' => 'string'],
                        'restart_owner' => $owner,
                    ]],
                    'review_every_days' => ['type' => 'integer'],
                    'providers' => $strings,
                    'notify' => ['type' => 'object', 'properties' => ['emails' => $strings, 'webhooks' => $strings]],
                    'breakers' => ['type' => 'object'],
                ]]],
                'automations' => ['type' => 'array', 'items' => ['type' => 'object', 'properties' => [
                    'id' => ['type' => 'string'],
                    'origin' => ['type' => 'string', 'enum' => ['admin', 'code'], 'description' => 'code: only mode and checklist, reported but never applied.'],
                    'label' => ['type' => 'string'],
                    'kind' => ['type' => 'string'],
                    'category' => ['type' => 'string'],
                    'owner' => $owner,
                    'mode' => ['type' => 'string', 'enum' => ['draft', 'read_only', 'live']],
                    'cron_hooks' => $strings,
                    'rest_routes' => $strings,
                    'providers' => $strings,
                    'checklist' => ['type' => 'object'],
                    'retry' => ['type' => ['object', 'null']],
                    'breakers' => ['type' => ['object', 'null'], 'description' => 'admin: this automation\'s own breaker kinds (override its category\'s).'],
                    'freshness' => ['type' => ['object', 'null'], 'description' => 'admin: { option } or { filter } read by the stale-context breaker.'],
                    'customer_facing' => $strings,
                ]]],
                'providers' => ['type' => 'array', 'items' => ['type' => 'object', 'properties' => [
                    'slug' => ['type' => 'string'],
                    'label' => ['type' => 'string'],
                    'hosts' => $strings,
                    'status_url' => ['type' => ['string', 'null']],
                ]]],
                'settings' => ['type' => 'object', 'additionalProperties' => ['type' => 'integer']],
                'notifications' => ['type' => 'object', 'description' => 'Site-wide targets; never the webhook signing secret.', 'properties' => ['emails' => $strings, 'webhooks' => $strings]],
            ],
        ];
    }

    /** @return array<string,mixed> */
    public function get_import_schema(): array
    {
        $value = ['type' => ['string', 'integer', 'boolean', 'array', 'object', 'null']];
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => 'sophmate-config-import',
            'type' => 'object',
            'properties' => [
                'applied' => ['type' => 'boolean'],
                'dry_run' => ['type' => 'boolean'],
                'changes' => ['type' => 'array', 'items' => ['type' => 'object', 'properties' => [
                    'type' => ['type' => 'string', 'enum' => ['category', 'provider', 'automation', 'settings', 'notifications']],
                    'id' => ['type' => 'string'],
                    'change' => ['type' => 'string', 'enum' => ['added', 'changed', 'unchanged', 'skipped', 'not_in_file']],
                    'fields' => ['type' => 'array', 'items' => ['type' => 'object', 'properties' => ['path' => ['type' => 'string'], 'from' => $value, 'to' => $value]]],
                ]]],
                'changes_hash' => ['type' => 'string', 'description' => 'sha256 of changes; send it back with the real import.'],
                'summary' => ['type' => 'object', 'additionalProperties' => ['type' => 'integer']],
                'warnings' => ['type' => 'array', 'items' => ['type' => 'string']],
                'source' => ['type' => 'object', 'properties' => [
                    'environment' => ['type' => 'string'],
                    'site' => ['type' => 'string'],
                    'exported_at' => ['type' => 'string'],
                ]],
            ],
        ];
    }
}
