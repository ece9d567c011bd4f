<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Notifications;

use SophMate\SafeMode\Domain\Notify\NotifyEvent;
use SophMate\SafeMode\Plugin;
use SophMate\SafeMode\Rest\Controller;
use SophMate\SafeMode\Services;

/**
 * /notifications: the delivery log of the outbox (with a retry button), the site-level targets
 * and signing secret, and a test message. The secret is write-only.
 */
final class NotificationsController extends Controller
{
    public function __construct(
        Services $services,
        private readonly Outbox $outbox,
        private readonly Dispatcher $dispatcher,
        private readonly NotificationSettings $settings,
        private readonly Notifier $notifier,
    ) {
        parent::__construct($services);
    }

    public function register_routes(): void
    {
        register_rest_route($this->namespace, '/notifications', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => [$this, 'get_items'],
                'permission_callback' => [$this, 'can_view'],
                'args' => self::pagination_args() + [
                    'status' => ['type' => 'string', 'enum' => Outbox::STATUSES, 'description' => 'Only deliveries in this status.'],
                    'event' => ['type' => 'string', 'enum' => NotifyEvent::values(), 'description' => 'Only this event.'],
                    'channel' => ['type' => 'string', 'enum' => Outbox::CHANNELS, 'description' => 'Only this channel.'],
                ],
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
        register_rest_route($this->namespace, '/notifications/(?P<id>\d+)/retry', [
            [
                'methods' => \WP_REST_Server::CREATABLE,
                'callback' => [$this, 'retry'],
                'permission_callback' => [$this, 'can_manage'],
                'args' => ['id' => ['type' => 'integer', 'minimum' => 1, 'required' => true]],
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
        register_rest_route($this->namespace, '/notifications/settings', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => fn () => $this->respond(fn () => $this->settings->public_view()),
                'permission_callback' => [$this, 'can_manage'],
            ],
            [
                'methods' => 'PUT, PATCH',
                'callback' => [$this, 'update_settings'],
                'permission_callback' => [$this, 'can_manage'],
                'args' => [
                    'emails' => ['type' => 'array', 'items' => ['type' => 'string'], 'description' => 'Site-level email targets: they hear about every event.'],
                    'webhooks' => ['type' => 'array', 'items' => ['type' => 'string'], 'description' => 'Site-level webhook URLs (http/https).'],
                    'webhook_secret' => ['type' => ['string', 'null'], 'description' => 'Signing secret (write-only); "" or null removes it.'],
                ],
            ],
            'schema' => [$this, 'get_settings_schema'],
        ]);
        register_rest_route($this->namespace, '/notifications/test', [
            [
                'methods' => \WP_REST_Server::CREATABLE,
                'callback' => [$this, 'send_test'],
                'permission_callback' => [$this, 'can_manage'],
            ],
            'schema' => [$this, 'get_test_schema'],
        ]);
    }

    /** @param \WP_REST_Request $request */
    public function get_items($request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $per_page = (int) ($request->get_param('per_page') ?? 50);
            $result = $this->outbox->find([
                'status' => self::string_arg($request, 'status'),
                'event' => self::string_arg($request, 'event'),
                'channel' => self::string_arg($request, 'channel'),
            ], (int) ($request->get_param('page') ?? 1), $per_page);
            $full = current_user_can(Plugin::CAP_MANAGE);
            return $this->paginated(array_map(static fn (array $row): array => self::view($row, $full), $result['items']), $result['total'], $per_page);
        });
    }

    public function retry(\WP_REST_Request $request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(fn () => self::view($this->dispatcher->retry_now((int) $request->get_param('id')), true));
    }

    public function update_settings(\WP_REST_Request $request): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () use ($request) {
            $input = (array) ($request->get_json_params() ?: $request->get_body_params());
            $this->settings->update(array_intersect_key($input, array_flip(['emails', 'webhooks', 'webhook_secret'])));
            return $this->settings->public_view();
        });
    }

    public function send_test(): \WP_REST_Response|\WP_Error
    {
        return $this->respond(function () {
            $rows = $this->notifier->send_test($this->settings->all(), $this->services->actors->current()->to_array());
            return ['deliveries' => array_map(static fn (array $row): array => self::view($row, true), $rows)];
        });
    }

    /**
     * One delivery as REST shows it. Webhook URLs often carry their own secret (a Slack
     * incoming-webhook path is one), so people who may only pause see scheme and host.
     *
     * @param array<string,mixed> $row
     * @return array<string,mixed>
     */
    public static function view(array $row, bool $full): array
    {
        $target = (string) $row['target'];
        if (!$full && $row['channel'] === 'webhook') {
            $parts = wp_parse_url($target);
            $target = sprintf('%s://%s/…', (string) ($parts['scheme'] ?? 'https'), (string) ($parts['host'] ?? '?'));
        }
        $time = static fn ($v): ?string => is_string($v) && $v !== '' ? str_replace(' ', 'T', $v) . 'Z' : null;
        return [
            'id' => (int) $row['id'],
            'created_at' => $time($row['created_at']),
            'event' => (string) $row['event'],
            'scope' => (string) $row['scope'],
            'channel' => (string) $row['channel'],
            'target' => $target,
            'subject' => (string) $row['subject'],
            'status' => (string) $row['status'],
            'attempts' => (int) $row['attempts'],
            'next_attempt_at' => in_array($row['status'], ['pending', 'retrying', 'sending'], true) ? $time($row['next_attempt_at']) : null,
            'last_error' => is_string($row['last_error']) && $row['last_error'] !== '' ? $row['last_error'] : null,
            'sent_at' => $time($row['sent_at']),
        ];
    }

    /** @return array<string,mixed> */
    public function get_item_schema(): array
    {
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => 'sophmate-notification',
            'type' => 'object',
            'properties' => [
                'id' => ['type' => 'integer'],
                'created_at' => ['type' => 'string', 'format' => 'date-time'],
                'event' => ['type' => 'string', 'enum' => NotifyEvent::values()],
                'scope' => ['type' => 'string'],
                'channel' => ['type' => 'string', 'enum' => Outbox::CHANNELS],
                'target' => ['type' => 'string'],
                'subject' => ['type' => 'string'],
                'status' => ['type' => 'string', 'enum' => Outbox::STATUSES],
                'attempts' => ['type' => 'integer'],
                'next_attempt_at' => ['type' => ['string', 'null'], 'format' => 'date-time'],
                'last_error' => ['type' => ['string', 'null']],
                'sent_at' => ['type' => ['string', 'null'], 'format' => 'date-time'],
            ],
        ];
    }

    /** @return array<string,mixed> */
    public function get_settings_schema(): array
    {
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => 'sophmate-notification-settings',
            'type' => 'object',
            'properties' => [
                'emails' => ['type' => 'array', 'items' => ['type' => 'string', 'format' => 'email']],
                'webhooks' => ['type' => 'array', 'items' => ['type' => 'string', 'format' => 'uri']],
                'webhook_secret_set' => ['type' => 'boolean', 'description' => 'Whether a signing secret is stored; the secret itself is never returned.'],
            ],
        ];
    }

    /** @return array<string,mixed> */
    public function get_test_schema(): array
    {
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => 'sophmate-notification-test',
            'type' => 'object',
            'properties' => [
                'deliveries' => ['type' => 'array', 'items' => $this->get_item_schema()],
            ],
        ];
    }
}
