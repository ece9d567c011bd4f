<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Rest;

use SophMate\SafeMode\Domain\Exception\SafeModeException;

/** How every route answers: domain refusals become sophmate_ errors; nothing leaks a stack trace. */
final class Responses
{
    /**
     * Runs a handler, mapping domain exceptions to WP_Error with the status they carry. Anything
     * else is a bug: it is logged and reported as a 500 with a generic sophmate_ code.
     *
     * @param callable():(\WP_REST_Response|array<mixed>) $handler
     */
    public static function wrap(callable $handler): \WP_REST_Response|\WP_Error
    {
        try {
            $result = $handler();
            return $result instanceof \WP_REST_Response ? $result : rest_ensure_response($result);
        } catch (SafeModeException $e) {
            return self::error($e);
        } catch (\Throwable $e) {
            error_log('SophMate Safe Mode: ' . get_class($e) . ': ' . $e->getMessage() . ' in ' . $e->getFile() . ':' . $e->getLine()); // phpcs:ignore
            return new \WP_Error('sophmate_internal_error', __('Something went wrong on the server; the error was logged.', 'sophmate-safe-mode'), ['status' => 500]);
        }
    }

    public static function error(SafeModeException $e): \WP_Error
    {
        return new \WP_Error($e->error_code(), $e->getMessage(), ['status' => $e->status()] + $e->data());
    }

    public static function forbidden(): \WP_Error
    {
        return new \WP_Error(
            'rest_forbidden',
            is_user_logged_in()
                ? __('You are not allowed to do this. Ask someone with the "sophmate_manage_automation" capability.', 'sophmate-safe-mode')
                : __('You must be logged in (cookie with nonce, or an application password).', 'sophmate-safe-mode'),
            ['status' => rest_authorization_required_code()]
        );
    }
}
