<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Rest;

use SophMate\SafeMode\Domain\Exception\SafeModeException;
use SophMate\SafeMode\Plugin;
use SophMate\SafeMode\Services;

/**
 * What every controller shares: the namespace, turning domain refusals into sophmate_ errors with
 * the right status, pagination headers, and the capability checks.
 */
abstract class Controller extends \WP_REST_Controller
{
    public const NS = 'sophmate-safe-mode/v1';

    public function __construct(protected readonly Services $services)
    {
        $this->namespace = self::NS;
    }

    public function can_manage(): bool|\WP_Error
    {
        return current_user_can(Plugin::CAP_MANAGE) ? true : $this->forbidden();
    }

    public function can_view(): bool|\WP_Error
    {
        return current_user_can(Plugin::CAP_MANAGE) || current_user_can(Plugin::CAP_PAUSE) || $this->owns_anything()
            ? true
            : $this->forbidden();
    }

    /** @param callable():(\WP_REST_Response|array<mixed>) $handler */
    protected function respond(callable $handler): \WP_REST_Response|\WP_Error
    {
        return Responses::wrap($handler);
    }

    /** @param list<mixed> $items */
    protected function paginated(array $items, int $total, int $per_page): \WP_REST_Response
    {
        $response = rest_ensure_response($items);
        $response->header('X-WP-Total', (string) $total);
        $response->header('X-WP-TotalPages', (string) max(1, (int) ceil($total / max(1, $per_page))));
        return $response;
    }

    protected function forbidden(): \WP_Error
    {
        return Responses::forbidden();
    }

    private function owns_anything(): bool
    {
        $user = get_current_user_id();
        if ($user === 0) {
            return false;
        }
        foreach ($this->services->catalog->categories() as $category) {
            if (in_array($user, [$category->owner_id, $category->backup_owner_id, $category->policy->restart_owner_id], true)) {
                return true;
            }
        }
        foreach ($this->services->catalog->automations() as $automation) {
            if ($automation->owner_id === $user) {
                return true;
            }
        }
        return false;
    }

    /** @return array<string,array<string,mixed>> */
    protected static function pagination_args(): array
    {
        return [
            'page' => ['type' => 'integer', 'default' => 1, 'minimum' => 1, 'description' => 'Page of results.'],
            'per_page' => ['type' => 'integer', 'default' => 50, 'minimum' => 1, 'maximum' => 200, 'description' => 'Items per page.'],
        ];
    }

    /** A filter argument as a non-empty string, or null when absent. */
    protected static function string_arg(\WP_REST_Request $request, string $name): ?string
    {
        $value = $request->get_param($name);
        return is_string($value) && $value !== '' ? $value : null;
    }

    protected static function time_arg(\WP_REST_Request $request, string $name): ?\DateTimeImmutable
    {
        $value = $request->get_param($name);
        if ($value === null || $value === '') {
            return null;
        }
        // ISO 8601 only: DateTime alone also takes words ("a" is a military time zone, "now", "+1 day").
        $iso = '/^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d{1,6})?)?(?:Z|[+-]\d\d:?\d\d)?)?$/iD';
        try {
            if (!is_string($value) || preg_match($iso, $value) !== 1) {
                throw new \Exception('not ISO 8601');
            }
            return (new \DateTimeImmutable($value))->setTimezone(new \DateTimeZone('UTC'));
        } catch (\Exception) {
            throw new \SophMate\SafeMode\Domain\Exception\InvalidInput('sophmate_invalid_time', sprintf('%s must be an ISO 8601 time such as 2026-01-31T12:00:00Z.', $name));
        }
    }
}
