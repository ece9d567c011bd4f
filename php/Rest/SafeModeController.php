<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Rest;

use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\SafeModeMode;
use SophMate\SafeMode\Plugin;

/** GET and PUT /safe-mode: the global switch. */
final class SafeModeController extends Controller
{
    public function register_routes(): void
    {
        register_rest_route($this->namespace, '/safe-mode', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => fn () => $this->respond(fn () => $this->view()),
                'permission_callback' => [$this, 'can_view'],
            ],
            [
                'methods' => \WP_REST_Server::EDITABLE,
                'callback' => [$this, 'update_item'],
                'permission_callback' => [$this, 'update_item_permissions_check'],
                'args' => [
                    'mode' => ['type' => 'string', 'required' => true, 'description' => 'off, read_only or paused.'],
                    'reason' => ['type' => 'string', 'default' => '', 'description' => 'Required to turn safe mode on.'],
                    'incident_url' => ['type' => 'string'],
                    'acknowledged' => ['type' => 'array', 'items' => ['type' => 'string'], 'default' => [], 'description' => 'All six review items, to turn safe mode off.'],
                    'note' => ['type' => 'string', 'default' => ''],
                    'override_reason' => ['type' => 'string', 'description' => 'Turn safe mode off although a provider is in outage, and why.'],
                    'review_hash' => ['type' => 'string', 'pattern' => '^[0-9a-f]{64}$', 'description' => 'snapshot.hash of the review (GET /safe-mode/review) the operator looked at.'],
                ],
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
        register_rest_route($this->namespace, '/safe-mode/review', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => fn () => $this->respond(fn () => $this->services->evidence->collect(Scope::global())->to_array()),
                'permission_callback' => [$this, 'can_view'],
            ],
            'schema' => static fn () => Schemas::review('sophmate-safe-mode-review'),
        ]);
    }

    /**
     * Turning safe mode on is a pause (pausers may do it); turning it off is a restart (managers only).
     *
     * @param \WP_REST_Request $request
     */
    public function update_item_permissions_check($request): bool|\WP_Error
    {
        if (current_user_can(Plugin::CAP_MANAGE)) {
            return true;
        }
        // Pausers may only make safe mode stricter (off → read_only → paused), never looser.
        $strictness = ['off' => 0, 'read_only' => 1, 'paused' => 2];
        // Core also calls this for the Allow header of a request whose params failed validation.
        $mode = $request->get_param('mode');
        $wanted = is_string($mode) ? $strictness[$mode] ?? null : null;
        $current = $strictness[$this->services->switch_store->load()->safe_mode->mode->value];
        if (current_user_can(Plugin::CAP_PAUSE) && ($wanted === null || $wanted > $current)) {
            return true;
        }
        return $this->forbidden();
    }

    /** @param \WP_REST_Request $request */
    public function update_item($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request): array {
            $mode = SafeModeMode::tryFrom((string) $request->get_param('mode'))
                ?? throw new InvalidInput('sophmate_invalid_mode', 'mode must be off, read_only or paused.');
            $text = $mode === SafeModeMode::Off ? (string) $request->get_param('note') : (string) $request->get_param('reason');
            $result = $this->services->switches->set_safe_mode(
                $mode,
                $text,
                $request->get_param('acknowledged'),
                $this->services->actors->current(),
                RequestSource::current(),
                $request->get_param('incident_url') !== null ? (string) $request->get_param('incident_url') : null,
                $mode === SafeModeMode::Off ? $this->services->restart_review(Scope::global(), $request->get_param('override_reason'), $request->get_param('review_hash')) : null
            );
            return ['changed' => $result->changed, 'before' => $result->before] + $this->view($result->board->safe_mode->to_array());
        });
    }

    /**
     * @param array<string,mixed>|null $safe_mode
     * @return array<string,mixed>
     */
    private function view(?array $safe_mode = null): array
    {
        return [
            'safe_mode' => $safe_mode ?? $this->services->switch_store->load()->safe_mode->to_array(),
            'emergency' => $this->services->emergency->state()->to_array(),
        ];
    }

    /** @return array<string,mixed> */
    public function get_item_schema(): array
    {
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => 'sophmate-safe-mode',
            'type' => 'object',
            'properties' => [
                'changed' => ['type' => 'boolean'],
                'before' => ['type' => 'string'],
                'safe_mode' => Schemas::safe_mode(),
                'emergency' => ['type' => 'object'],
            ],
        ];
    }
}
