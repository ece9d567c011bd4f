<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Rest;

/**
 * WordPress validates route args before our callbacks run and reports rest_invalid_param /
 * rest_missing_callback_param. On our routes those become sophmate_ codes (details kept), so a
 * client handles every refusal from this API by one prefix.
 */
final class ErrorCodes
{
    private const RENAMES = [
        'rest_invalid_param' => 'sophmate_invalid_param',
        'rest_missing_callback_param' => 'sophmate_missing_param',
    ];

    public function register(): void
    {
        add_filter('rest_request_before_callbacks', [$this, 'rename'], 10, 3);
    }

    /**
     * @param mixed $response
     * @param array<string,mixed> $handler
     * @return mixed
     */
    public function rename($response, $handler, \WP_REST_Request $request)
    {
        if (!$response instanceof \WP_Error || !str_starts_with($request->get_route(), '/' . Controller::NS . '/')) {
            return $response;
        }
        $code = $response->get_error_code();
        if (!isset(self::RENAMES[$code])) {
            return $response;
        }
        $renamed = new \WP_Error(self::RENAMES[$code], $response->get_error_message(), $response->get_error_data());
        return $renamed;
    }
}
