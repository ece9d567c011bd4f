<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Rest;

use SophMate\SafeMode\Domain\Audit\AuditEntry;
use SophMate\SafeMode\Domain\Exception\NotFound;
use SophMate\SafeMode\Domain\Identifier;
use SophMate\SafeMode\Domain\Providers\Provider;

/** /providers: external services, their hosts (what the outbound gate refuses) and their status. */
final class ProvidersController extends Controller
{
    public function register_routes(): void
    {
        register_rest_route($this->namespace, '/providers', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => fn () => $this->respond(fn () => $this->paginated(array_map(static fn (Provider $p) => $p->to_array(), array_values($this->services->providers->all())), count($this->services->providers->all()), 200)),
                'permission_callback' => [$this, 'can_view'],
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
        register_rest_route($this->namespace, '/providers/(?P<slug>[^/]+)', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => fn (\WP_REST_Request $r) => $this->respond(fn () => ($this->services->providers->find(Identifier::assert_valid((string) $r->get_param('slug'), 'provider'))
                    ?? throw new NotFound('sophmate_unknown_provider', sprintf('There is no provider "%s".', (string) $r->get_param('slug'))))->to_array()),
                'permission_callback' => [$this, 'can_view'],
            ],
            [
                'methods' => \WP_REST_Server::EDITABLE,
                'callback' => [$this, 'update_item'],
                'permission_callback' => [$this, 'can_manage'],
                'args' => [
                    'label' => ['type' => 'string'],
                    'hosts' => ['type' => 'array', 'items' => ['type' => 'string']],
                    'status' => ['type' => 'string', 'enum' => Provider::STATUSES],
                    'status_url' => ['type' => ['string', 'null']],
                ],
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
    }

    /**
     * Creates or updates a provider (PUT is an upsert); a status change is audited.
     *
     * @param \WP_REST_Request $request
     */
    public function update_item($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $slug = (string) $request->get_param('slug');
            $base = $this->services->providers->find($slug);
            $input = array_intersect_key((array) ($request->get_json_params() ?: $request->get_body_params()), array_flip(['label', 'hosts', 'status', 'status_url']));
            $provider = Provider::from_input($slug, $input, $base, $this->services->clock->now());
            $this->services->providers->save($provider);
            $this->services->audit->append(new AuditEntry(
                $base === null ? 'provider_created' : 'provider_updated',
                'provider:' . $slug,
                $base->status ?? '',
                $provider->status,
                '',
                $this->services->actors->current(),
                RequestSource::current()->value,
                $this->services->clock->now(),
                ['fields' => array_keys($input)]
            ));
            return $provider->to_array();
        });
    }

    /** @return array<string,mixed> */
    public function get_item_schema(): array
    {
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => 'sophmate-provider',
            'type' => 'object',
            'properties' => [
                'slug' => ['type' => 'string'],
                'label' => ['type' => 'string'],
                'hosts' => ['type' => 'array', 'items' => ['type' => 'string']],
                'status' => ['type' => 'string', 'enum' => Provider::STATUSES],
                'status_url' => ['type' => ['string', 'null']],
                'checked_at' => ['type' => ['string', 'null'], 'format' => 'date-time'],
            ],
        ];
    }
}
