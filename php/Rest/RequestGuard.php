<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Rest;

/**
 * Requests WordPress' REST server lets through to our routes in an unhelpful way (a PHP warning,
 * a fatal error, or a different scope than the URL names), refused up front with a 400 and a
 * sophmate_ code, or made harmless:
 *
 * - a JSON body that is not an object (`"text"`, `5`, `[1,2]`): core then walks it as a parameter
 *   list and logs "foreach() argument must be of type array|object" on every such request;
 * - a form body (PUT/PATCH/DELETE, parsed by core with parse_str) with more fields than PHP's
 *   max_input_vars: parse_str logs a warning and silently drops the rest;
 * - a parameter in both the query and the body with different values: core validates only the one
 *   it uses but sanitizes both, so the other one reaches (string) casts unchecked (a warning);
 * - a body or query parameter that names a different id than the URL (`POST /categories/a/pause`
 *   with `?id=b`): core's get_param() prefers body and query over the URL, so the request would
 *   act on a scope other than the one its URL names (and that audit logs and proxies record);
 * - `?_method[]=…`: core passes the array to strtoupper() and dies with a TypeError (a 500); an
 *   override that is not a string is ignored, so the request keeps its real method.
 */
final class RequestGuard
{
    public function register(): void
    {
        add_action('rest_api_init', [$this, 'ignore_non_string_method_override'], 0);
        add_filter('rest_pre_dispatch', [$this, 'refuse_unparseable_bodies'], 10, 3);
        add_filter('rest_request_before_callbacks', [$this, 'refuse_contradicted_url_params'], 5, 3);
        add_filter('rest_post_dispatch', [$this, 'drop_oversized_body'], 5, 3);
    }

    public function ignore_non_string_method_override(): void
    {
        $wp = $GLOBALS['wp'] ?? null;
        $route = $wp instanceof \WP ? ($wp->query_vars['rest_route'] ?? null) : null;
        if (is_string($route) && self::in_namespace(untrailingslashit($route)) && isset($_GET['_method']) && !is_string($_GET['_method'])) {
            unset($_GET['_method']);
        }
    }

    /**
     * @param mixed $result
     * @return mixed
     */
    public function refuse_unparseable_bodies($result, \WP_REST_Server $server, \WP_REST_Request $request)
    {
        if ($result !== null || !self::ours($request)) {
            return $result;
        }
        if (self::over_input_limit($request)) {
            $limit = (int) ini_get('max_input_vars');
            return self::refusal(
                'sophmate_too_many_params',
                /* translators: %d: the most fields a request may carry */
                sprintf(__('The request body has more than %d fields.', 'sophmate-safe-mode'), $limit),
                ['status' => 400]
            );
        }
        $json = $request->get_json_params();
        if ($json !== null && (!is_array($json) || ($json !== [] && array_is_list($json)))) {
            return self::refusal(
                'sophmate_invalid_body',
                __('The request body must be a JSON object, such as {"reason": "…"}.', 'sophmate-safe-mode'),
                ['status' => 400]
            );
        }
        $request->get_params(); // Has core parse a PUT/PATCH/DELETE form body now, not later.
        $body = $json ?? $request->get_body_params();
        foreach ($request->get_query_params() as $name => $value) {
            if (is_string($name) && !str_starts_with($name, '_') && array_key_exists($name, $body) && $body[$name] !== $value) {
                return self::refusal(
                    'sophmate_conflicting_param',
                    /* translators: %s: parameter name */
                    sprintf(__('%s is given twice, in the query and in the body, with different values.', 'sophmate-safe-mode'), $name),
                    ['status' => 400, 'params' => [$name]]
                );
            }
        }
        return $result;
    }

    /**
     * Core reads the params once more after answering (rest_filter_response_fields, for _fields),
     * also when authentication failed and dispatch never ran: an oversized form body is dropped
     * first so it never reaches parse_str. The answer is an error by then in both cases.
     *
     * @param mixed $response
     * @return mixed
     */
    public function drop_oversized_body($response, \WP_REST_Server $server, \WP_REST_Request $request)
    {
        if (self::ours($request) && self::over_input_limit($request)) {
            $request->set_body('');
        }
        return $response;
    }

    /**
     * @param mixed $response
     * @param array<string,mixed> $handler
     * @return mixed
     */
    public function refuse_contradicted_url_params($response, $handler, \WP_REST_Request $request)
    {
        if (!self::ours($request)) {
            return $response;
        }
        $sources = [$request->get_json_params() ?? [], $request->get_body_params(), $request->get_query_params()];
        $conflict = null;
        foreach ($request->get_url_params() as $name => $value) {
            foreach ($sources as $params) {
                if (is_array($params) && array_key_exists($name, $params) && !self::same($params[$name], $value)) {
                    $conflict ??= (string) $name;
                    // Whatever reads the request after this (core calls every handler's permission
                    // callback for the Allow header, even on an error) sees the URL's value.
                    $request->set_param((string) $name, $value);
                }
            }
        }
        if ($conflict === null || $response instanceof \WP_Error) {
            return $response;
        }
        return new \WP_Error(
            'sophmate_conflicting_param',
            /* translators: %s: parameter name, such as id or slug */
            sprintf(__('%s is set by the URL; the body or query may not name a different one.', 'sophmate-safe-mode'), $conflict),
            ['status' => 400, 'params' => [$conflict => $request->get_url_params()[$conflict]]]
        );
    }

    /**
     * A refusal before dispatch, as a response: rest_do_request() hands a rest_pre_dispatch result
     * back as it is, and in-process callers (preloading, tests) expect a response.
     *
     * @param array<string,mixed> $data
     */
    private static function refusal(string $code, string $message, array $data): \WP_REST_Response
    {
        return rest_convert_error_to_response(new \WP_Error($code, $message, $data));
    }

    /** A form body core would parse with parse_str (not POST: PHP parsed that) with too many fields. */
    private static function over_input_limit(\WP_REST_Request $request): bool
    {
        $content_type = $request->get_content_type()['value'] ?? 'application/x-www-form-urlencoded';
        $limit = (int) ini_get('max_input_vars');
        return $request->get_method() !== 'POST'
            && $content_type === 'application/x-www-form-urlencoded'
            && $limit > 0
            && substr_count((string) $request->get_body(), '&') >= $limit;
    }

    /** The same id, whether it came as "5" or 5. */
    private static function same(mixed $given, mixed $url_value): bool
    {
        return is_scalar($given) && is_scalar($url_value) && (string) $given === (string) $url_value;
    }

    private static function ours(\WP_REST_Request $request): bool
    {
        return self::in_namespace($request->get_route());
    }

    /** Our routes and the namespace's own index, /sophmate-safe-mode/v1. */
    private static function in_namespace(string $route): bool
    {
        return $route === '/' . Controller::NS || str_starts_with($route, '/' . Controller::NS . '/');
    }
}
