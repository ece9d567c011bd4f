<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Rest;

use SophMate\SafeMode\Plugin;

/**
 * GET /owners: the people who may be named owner, backup owner or restart owner of a category.
 * Only users who can pause automation are offered, because an owner who cannot reach the switch
 * cannot act on an incident in their own scope.
 */
final class OwnersController extends Controller
{
    // More than this many operators is not a picker any more; the UI then needs a search field.
    private const LIMIT = 500;

    public function register_routes(): void
    {
        register_rest_route($this->namespace, '/owners', [
            [
                'methods' => \WP_REST_Server::READABLE,
                'callback' => fn () => $this->respond(function () {
                    $owners = $this->owners();
                    return $this->paginated($owners, count($owners), self::LIMIT);
                }),
                'permission_callback' => [$this, 'can_list'],
            ],
            'schema' => [$this, 'get_public_item_schema'],
        ]);
    }

    /** The list names people, so it is for operators only (not for owners of a single scope). */
    public function can_list(): bool|\WP_Error
    {
        return current_user_can(Plugin::CAP_PAUSE) || current_user_can(Plugin::CAP_MANAGE) ? true : $this->forbidden();
    }

    /** @return list<array{id:int,name:string}> */
    private function owners(): array
    {
        $users = get_users([
            'capability' => Plugin::CAP_PAUSE,
            'orderby' => 'display_name',
            'order' => 'ASC',
            'number' => self::LIMIT,
            'fields' => ['ID', 'display_name', 'user_login'],
        ]);
        return array_map(
            static fn (object $user): array => [
                'id' => (int) $user->ID,
                'name' => (string) ($user->display_name !== '' ? $user->display_name : $user->user_login),
            ],
            $users
        );
    }

    /** @return array<string,mixed> */
    public function get_item_schema(): array
    {
        return [
            '$schema' => 'http://json-schema.org/draft-04/schema#',
            'title' => 'sophmate-owner',
            'type' => 'object',
            'properties' => [
                'id' => ['type' => 'integer', 'readonly' => true],
                'name' => ['type' => 'string', 'readonly' => true],
            ],
        ];
    }
}
