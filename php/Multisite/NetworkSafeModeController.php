<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Multisite;

use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Exception\NotFound;
use SophMate\SafeMode\Domain\Switches\SafeModeMode;
use SophMate\SafeMode\Rest\Controller;
use SophMate\SafeMode\Rest\RequestSource;
use SophMate\SafeMode\Rest\Responses;
use SophMate\SafeMode\Rest\Schemas;
use SophMate\SafeMode\Services;

/**
 * GET and PUT /network/safe-mode (multisite only, on the main site, super admins only): network
 * safe mode and each site's own switches at a glance.
 */
final class NetworkSafeModeController extends Controller
{
    public const CAP = 'manage_network_options';

    public function __construct(Services $services, private readonly NetworkSafeMode $network, private readonly SitesOverview $sites)
    {
        parent::__construct($services);
    }

    public function register_routes(): void
    {
        register_rest_route($this->namespace, '/network/safe-mode', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => fn () => $this->respond(fn () => $this->main_site_only(fn () => $this->view())),
                'permission_callback' => [$this, 'can_manage_network'],
            ],
            [
                'methods' => \WP_REST_Server::EDITABLE,
                'callback' => [$this, 'update_item'],
                'permission_callback' => [$this, 'can_manage_network'],
                'args' => [
                    'mode' => ['type' => 'string', 'required' => true, 'description' => 'off, read_only or paused.'],
                    'reason' => ['type' => 'string', 'default' => '', 'description' => 'Required to turn network safe mode on.'],
                    'acknowledged' => ['type' => 'array', 'items' => ['type' => 'string'], 'default' => [], 'description' => 'All six review items, to turn it off.'],
                    'note' => ['type' => 'string', 'default' => '', 'description' => 'Required to turn it off: what was reviewed or fixed.'],
                ],
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
    }

    public function can_manage_network(): bool|\WP_Error
    {
        if (current_user_can(self::CAP)) {
            return true;
        }
        return is_user_logged_in()
            ? new \WP_Error('rest_forbidden', __('Only network administrators (manage_network_options) may read or change network safe mode.', 'sophmate-safe-mode'), ['status' => 403])
            : Responses::forbidden();
    }

    /** @param \WP_REST_Request $request */
    public function update_item($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(fn () => $this->main_site_only(function () use ($request): array {
            $mode = SafeModeMode::tryFrom((string) $request->get_param('mode'))
                ?? throw new InvalidInput('sophmate_invalid_mode', 'mode must be off, read_only or paused.');
            $text = $mode === SafeModeMode::Off ? (string) $request->get_param('note') : (string) $request->get_param('reason');
            $result = $this->network->set($mode, $text, $request->get_param('acknowledged'), $this->services->actors->current(), RequestSource::current());
            return [
                'changed' => $result['changed'],
                'before' => $result['before'],
                'audited_sites' => $result['audited_sites'],
                'audit_errors' => $result['audit_errors'],
                'network_safe_mode' => $result['state']->view(),
            ];
        }));
    }

    /**
     * @template T
     * @param callable():T $handler
     * @return T
     */
    private function main_site_only(callable $handler)
    {
        if (!is_main_site()) {
            throw new NotFound('sophmate_not_main_site', sprintf('Network safe mode is managed on the network\'s main site: %s', network_site_url('/wp-json/' . $this->namespace . '/network/safe-mode')));
        }
        return $handler();
    }

    /** @return array<string,mixed> */
    private function view(): array
    {
        return ['network_safe_mode' => $this->network->state()->view(), 'sites' => $this->sites->sites()];
    }

    /** @return array<string,mixed> */
    public function get_item_schema(): array
    {
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => 'sophmate-network-safe-mode',
            'type' => 'object',
            'properties' => [
                'network_safe_mode' => Schemas::safe_mode(),
                'changed' => ['type' => 'boolean'],
                'before' => ['type' => 'string'],
                'audited_sites' => ['type' => 'integer', 'description' => 'Sites whose own audit log got an entry for this change.'],
                'audit_errors' => ['type' => 'array', 'items' => ['type' => 'string']],
                'sites' => [
                    'type' => 'array',
                    'description' => 'Each site\'s own switches (first ' . SitesOverview::LISTED . ' sites).',
                    'items' => [
                        'type' => 'object',
                        'properties' => [
                            'id' => ['type' => 'integer'],
                            'name' => ['type' => 'string'],
                            'url' => ['type' => 'string'],
                            'set_up' => ['type' => 'boolean'],
                            'safe_mode' => ['type' => 'string', 'enum' => ['off', 'read_only', 'paused']],
                            'paused' => ['type' => 'integer'],
                            'trial' => ['type' => 'integer'],
                            'state_error' => ['type' => ['string', 'null']],
                        ],
                    ],
                ],
            ],
        ];
    }
}
