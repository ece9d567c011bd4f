<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Drills;

use SophMate\SafeMode\Domain\Drills\BindingResult;
use SophMate\SafeMode\Domain\Drills\DrillBinding;

/**
 * The inbound REST plane: a request to the bound route goes through rest_do_request(), where the
 * inbound gate must answer 503. A probe at rest_pre_dispatch right after the gate answers instead
 * of the route, so a gate that fails reaches the probe, never the route's real callback.
 */
final class RestProbe implements BindingProbe
{
    /** What a named group may be filled with, tried in order until the route pattern matches. */
    private const SAMPLES = ['1', 'sophmate-drill', 'sophmate_drill', 'drill'];

    public function exercise(DrillBinding $binding, int $drill_id): BindingResult
    {
        $route = self::instantiate($binding->target);
        if ($route === null) {
            return BindingResult::not_exercised($binding, sprintf(
                'Not exercised: the route pattern %s has parts no sample path can fill, so no request could be made to it. Bind a literal route or one with simple named groups to have it drilled.',
                $binding->target
            ));
        }
        $fired = false;
        $probe = static function ($result) use (&$fired) {
            if ($result !== null) {
                return $result;
            }
            $fired = true;
            return new \WP_Error('sophmate_drill_probe', 'Pause drill probe: the request got past the inbound gate.', ['status' => 418]);
        };
        add_filter('rest_pre_dispatch', $probe, 6, 1);
        try {
            $request = new \WP_REST_Request('POST', $route);
            $request->set_header('Content-Type', 'application/json');
            $request->set_body((string) wp_json_encode(['sophmate_drill' => $drill_id]));
            $response = rest_do_request($request);
            // dispatch() hands back a rest_pre_dispatch answer as it is, an error included.
            $response = $response instanceof \WP_Error ? rest_convert_error_to_response($response) : $response;
        } finally {
            remove_filter('rest_pre_dispatch', $probe, 6);
        }
        $data = $response->get_data();
        $code = is_array($data) ? (string) ($data['code'] ?? '') : '';
        if ($fired) {
            return BindingResult::got_through($binding, sprintf('POST %s got past the inbound gate (answered %d): the route\'s callback would have run.', $route, $response->get_status()));
        }
        if ($response->get_status() !== 503 || $code !== 'sophmate_paused') {
            return BindingResult::got_through($binding, sprintf('POST %s answered %d %s instead of 503 sophmate_paused.', $route, $response->get_status(), $code));
        }
        return BindingResult::held($binding, sprintf('POST %s answered 503 (sophmate_paused) with Retry-After; the route\'s callback did not run.', $route));
    }

    /** A concrete path for a route pattern, or null when its regular expression cannot be filled. */
    public static function instantiate(string $pattern): ?string
    {
        $groups = [];
        $skeleton = preg_replace_callback('/\(\?P<([A-Za-z_][A-Za-z0-9_]*)>((?:[^()\\\\]|\\\\.)*)\)/', static function (array $m) use (&$groups): string {
            $groups[] = $m[2];
            return "\0" . (count($groups) - 1) . "\0";
        }, $pattern);
        if (!is_string($skeleton) || preg_match('/[()\[\]*+?|^$\\\\{}]/', str_replace('.', '', $skeleton)) === 1) {
            return null;
        }
        $route = preg_replace_callback('/\x00(\d+)\x00/', static function (array $m) use ($groups): string {
            foreach (self::SAMPLES as $sample) {
                if (@preg_match('@^(?:' . $groups[(int) $m[1]] . ')$@', $sample) === 1) {
                    return $sample;
                }
            }
            return "\0";
        }, $skeleton);
        if (!is_string($route) || str_contains($route, "\0") || @preg_match('@^' . $pattern . '$@i', $route) !== 1) {
            return null;
        }
        return $route;
    }
}
