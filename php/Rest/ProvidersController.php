<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Rest;

use SophMate\SafeMode\Domain\Exception\NotFound;
use SophMate\SafeMode\Domain\Identifier;
use SophMate\SafeMode\Domain\Providers\Provider;
use SophMate\SafeMode\Domain\Text;
use SophMate\SafeMode\Providers\ProviderChangeRecorder;
use SophMate\SafeMode\Providers\ProviderDependents;
use SophMate\SafeMode\Providers\StatusPoller;

/**
 * /providers: external services, their hosts (what the outbound gate refuses), their status (set
 * by hand or polled from a status URL) and who depends on them.
 */
final class ProvidersController extends Controller
{
    public function register_routes(): void
    {
        register_rest_route($this->namespace, '/providers', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => fn () => $this->respond(function () {
                    $items = array_map(fn (Provider $p): array => $this->view($p), array_values($this->services->providers->all()));
                    return $this->paginated($items, count($items), 200);
                }),
                'permission_callback' => [$this, 'can_view'],
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
        $slug = ['slug' => ['type' => 'string', 'description' => 'Provider slug.']];
        register_rest_route($this->namespace, '/providers/(?P<slug>[^/]+)', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => fn (\WP_REST_Request $r) => $this->respond(fn () => $this->view($this->existing($r))),
                'permission_callback' => [$this, 'can_view'],
                'args' => $slug,
            ],
            [
                'methods' => \WP_REST_Server::EDITABLE,
                'callback' => [$this, 'update_item'],
                'permission_callback' => [$this, 'can_manage'],
                'args' => $slug + [
                    'label' => ['type' => 'string', 'description' => 'Name shown to operators, 1-100 characters.'],
                    'hosts' => ['type' => 'array', 'items' => ['type' => 'string'], 'description' => 'Hosts the outbound gate refuses while paused: api.example.com or *.example.com.'],
                    'status' => ['type' => 'string', 'enum' => Provider::STATUSES, 'description' => 'Sets the status by hand (status_source becomes manual).'],
                    'status_url' => ['type' => ['string', 'null'], 'description' => 'http(s) URL of a Statuspage-style status.json to poll; null or "" stops polling.'],
                    'reason' => ['type' => 'string', 'description' => 'Why the status was set by hand (audited).'],
                ],
            ],
            [
                'methods' => \WP_REST_Server::DELETABLE,
                'callback' => [$this, 'delete_item'],
                'permission_callback' => [$this, 'can_manage'],
                'args' => $slug,
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
        register_rest_route($this->namespace, '/providers/(?P<slug>[^/]+)/check', [
            [
                'methods' => \WP_REST_Server::CREATABLE,
                'callback' => [$this, 'check'],
                'permission_callback' => [$this, 'can_manage'],
                'args' => $slug,
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
    }

    /**
     * Creates or updates a provider (PUT is an upsert). Status and config changes are audited and
     * announced separately; a PUT that changes nothing records nothing.
     *
     * @param \WP_REST_Request $request
     */
    public function update_item($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $slug = Identifier::assert_valid((string) $request->get_param('slug'), 'provider');
            $base = $this->services->providers->find($slug);
            $body = (array) ($request->get_json_params() ?: $request->get_body_params());
            $input = array_intersect_key($body, array_flip(['label', 'hosts', 'status', 'status_url']));
            $reason = Text::reason(is_string($body['reason'] ?? null) ? $body['reason'] : '', false);
            $provider = Provider::from_input($slug, $input, $base, $this->services->clock->now());
            $change = (new ProviderChangeRecorder($this->services))->record($base, $provider, $this->services->actors->current(), RequestSource::current()->value, $reason);
            $response = rest_ensure_response($this->view($provider) + ['changed' => $change->kinds()]);
            $response->set_status($base === null ? 201 : 200);
            return $response;
        });
    }

    /**
     * Deletes a provider nothing names any more (409 otherwise, naming who still does).
     *
     * @param \WP_REST_Request $request
     */
    public function delete_item($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $provider = $this->existing($request);
            (new ProviderDependents($this->services->catalog))->assert_unused($provider->slug);
            (new ProviderChangeRecorder($this->services))->record($provider, null, $this->services->actors->current(), RequestSource::current()->value);
            return ['deleted' => true, 'previous' => $provider->to_array()];
        });
    }

    /**
     * Polls the provider's status URL now and answers the provider as recorded.
     *
     * @param \WP_REST_Request $request
     */
    public function check(\WP_REST_Request $request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $provider = (new StatusPoller($this->services))->poll($this->existing($request), $this->services->actors->current(), RequestSource::current()->value);
            return $this->view($provider);
        });
    }

    private function existing(\WP_REST_Request $request): Provider
    {
        $slug = Identifier::assert_valid((string) $request->get_param('slug'), 'provider');
        return $this->services->providers->find($slug)
            ?? throw new NotFound('sophmate_unknown_provider', sprintf('There is no provider "%s".', $slug));
    }

    /** @return array<string,mixed> */
    private function view(Provider $provider): array
    {
        return $provider->to_array() + ['used_by' => (new ProviderDependents($this->services->catalog))->of($provider->slug)];
    }

    /** @return array<string,mixed> */
    public function get_item_schema(): array
    {
        $time = ['type' => ['string', 'null'], 'format' => 'date-time'];
        $list = ['type' => 'array', 'items' => ['type' => 'string']];
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => 'sophmate-provider',
            'type' => 'object',
            'properties' => [
                'slug' => ['type' => 'string'],
                'label' => ['type' => 'string'],
                'hosts' => $list,
                'status' => ['type' => 'string', 'enum' => Provider::STATUSES],
                'status_url' => ['type' => ['string', 'null']],
                'checked_at' => $time + ['description' => 'When the status was last set by hand or changed by a poll.'],
                'status_source' => ['type' => 'string', 'enum' => Provider::SOURCES, 'description' => 'Whether the status was set by hand or read from the status URL.'],
                'status_description' => ['type' => ['string', 'null'], 'description' => 'What the status page said, e.g. "Partial System Outage".'],
                'last_polled_at' => $time + ['description' => 'When the status URL was last fetched, successfully or not.'],
                'last_error' => ['type' => ['string', 'null'], 'description' => 'Why the last poll failed; null when it worked.'],
                'polled_status' => ['type' => ['string', 'null'], 'enum' => [...Provider::STATUSES, null], 'description' => 'What the last successful poll read.'],
                'used_by' => [
                    'type' => 'object',
                    'description' => 'Categories and automations that name this provider.',
                    'properties' => ['categories' => $list, 'automations' => $list],
                ],
                'changed' => ['type' => 'array', 'items' => ['type' => 'string', 'enum' => ['config', 'status']], 'description' => 'PUT only: which kinds of change it made.'],
            ],
        ];
    }
}
