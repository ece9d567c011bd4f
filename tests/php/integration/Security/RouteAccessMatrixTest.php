<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration\Security;

use SophMate\SafeMode\Rest\Controller;
use SophMate\SafeMode\Tests\integration\IntegrationTestCase;

/**
 * Every route of the plugin's namespace, read from the live REST server (so a route added later is
 * checked without anyone remembering to), answers anonymous callers 401 and users without the
 * plugin's capabilities 403, with nothing in the body but the error. Owners of one category may
 * pause and review that category only.
 */
final class RouteAccessMatrixTest extends IntegrationTestCase
{
    /** Routes anyone may read: the namespace index is WordPress' own discovery document. */
    private const PUBLIC_ROUTES = ['/' . Controller::NS];

    private const AUTOMATION = 'sec-matrix-bot';

    protected function setUp(): void
    {
        parent::setUp();
        sophmate_safe_mode_register_automation(self::AUTOMATION, ['label' => 'Matrix bot', 'kind' => 'workflow', 'category' => 'support', 'owner' => 'admin']);
    }

    /**
     * Each (route, method) of the namespace with a concrete path and a body that passes the route's
     * argument validation, so the request reaches the permission check (WordPress validates
     * arguments first: an empty body would be refused with 400 before anyone asks who is calling).
     *
     * @return list<array{string,string,string,array<string,mixed>}> [pattern, method, path, body]
     */
    private function endpoints(): array
    {
        $endpoints = [];
        foreach (rest_get_server()->get_routes(Controller::NS) as $pattern => $handlers) {
            if (in_array($pattern, self::PUBLIC_ROUTES, true)) {
                continue;
            }
            $path = $this->concrete_path($pattern);
            foreach ($handlers as $handler) {
                foreach (array_keys($handler['methods']) as $method) {
                    $endpoints[] = [$pattern, $method, $path, $method === 'GET' ? [] : self::valid_body($handler['args'] ?? [])];
                }
            }
        }
        return $endpoints;
    }

    private function concrete_path(string $pattern): string
    {
        $path = substr($pattern, strlen('/' . Controller::NS));
        return (string) preg_replace_callback('#(?<=/)([a-z-]+)/\(\?P<(\w+)>([^)]+)\)#', static function (array $m): string {
            $sample = match (true) {
                $m[3] === '\d+' => '1',
                $m[1] === 'categories' => 'marketing',
                $m[1] === 'automations' => self::AUTOMATION,
                $m[1] === 'providers' => 'sec-provider',
                default => 'x',
            };
            return $m[1] . '/' . $sample;
        }, $path);
    }

    /**
     * @param array<string,array<string,mixed>> $args
     * @return array<string,mixed>
     */
    private static function valid_body(array $args): array
    {
        $body = [];
        foreach ($args as $name => $arg) {
            if (empty($arg['required'])) {
                continue;
            }
            $type = is_array($arg['type'] ?? null) ? $arg['type'][0] : ($arg['type'] ?? 'string');
            $body[$name] = isset($arg['enum']) ? $arg['enum'][0] : match ($type) {
                'integer', 'number' => 1,
                'boolean' => true,
                'array' => [],
                'object' => new \stdClass(),
                default => 'security matrix',
            };
        }
        return $body;
    }

    private function call(string $method, string $path, array $body): \WP_REST_Response
    {
        $request = new \WP_REST_Request($method, '/' . Controller::NS . $path);
        if ($body !== []) {
            $request->set_header('Content-Type', 'application/json');
            $request->set_body((string) wp_json_encode($body));
        }
        $this->forget_caches();
        return rest_do_request($request);
    }

    /** A refusal carries the error and its status, nothing of what the route would have returned. */
    private function assertRefusedWithoutData(\WP_REST_Response $response, int $status, array $codes, string $label): void
    {
        $data = $this->data($response);
        self::assertSame($status, $response->get_status(), $label . ': ' . wp_json_encode($data));
        self::assertContains($data['code'] ?? null, $codes, $label);
        self::assertSame([], array_diff(array_keys($data), ['code', 'message', 'data']), $label . ': only code, message, data');
        self::assertSame(['status'], array_keys((array) ($data['data'] ?? [])), $label . ': data holds the status only');
    }

    public function test_the_matrix_covers_every_route_and_method_the_live_server_has(): void
    {
        $live = 0;
        foreach (rest_get_server()->get_routes(Controller::NS) as $pattern => $handlers) {
            foreach ($handlers as $handler) {
                $live += count($handler['methods']);
            }
        }
        $checked = count($this->endpoints());
        // The namespace index (GET only) is the one public route.
        self::assertSame($live - 1, $checked);
        self::assertGreaterThanOrEqual(50, $checked, 'the namespace has at least the contract routes');
        // And the index the public sees lists nothing the matrix skipped.
        $index = $this->data(rest_do_request(new \WP_REST_Request('GET', '/' . Controller::NS)));
        foreach (array_keys($index['routes'] ?? []) as $pattern) {
            self::assertArrayHasKey($pattern, rest_get_server()->get_routes(Controller::NS));
        }
        foreach ($this->endpoints() as [$pattern, , $path]) {
            self::assertDoesNotMatchRegularExpression('#\(\?P<#', $path, $pattern . ' got a concrete path');
        }
    }

    public function test_anonymous_callers_get_401_on_every_route(): void
    {
        wp_set_current_user(0);
        foreach ($this->endpoints() as [$pattern, $method, $path, $body]) {
            $this->assertRefusedWithoutData($this->call($method, $path, $body), 401, ['rest_forbidden', 'rest_not_logged_in'], "anonymous {$method} {$pattern}");
        }
    }

    public function test_a_route_added_without_a_permission_check_fails_the_matrix(): void
    {
        register_rest_route(Controller::NS, '/sec-forgotten', ['methods' => 'POST', 'callback' => static fn () => ['secret' => 'leaked'], 'permission_callback' => '__return_true']);
        wp_set_current_user(0);
        try {
            $this->test_anonymous_callers_get_401_on_every_route();
        } catch (\PHPUnit\Framework\AssertionFailedError $e) {
            self::assertStringContainsString('/sec-forgotten', $e->getMessage());
            return;
        } finally {
            // The server keeps routes for the whole process: take the probe out again.
            $endpoints = new \ReflectionProperty(\WP_REST_Server::class, 'endpoints');
            $endpoints->setAccessible(true);
            $routes = $endpoints->getValue(rest_get_server());
            unset($routes['/' . Controller::NS . '/sec-forgotten']);
            $endpoints->setValue(rest_get_server(), $routes);
        }
        self::fail('an open route went unnoticed');
    }

    public function test_subscribers_and_editors_get_403_on_every_route(): void
    {
        $this->rest('POST', '/categories/marketing/pause', ['reason' => 'something to see']);
        foreach (['subscriber', 'editor', 'author'] as $role) {
            wp_set_current_user($this->user_with_role($role));
            foreach ($this->endpoints() as [$pattern, $method, $path, $body]) {
                $this->assertRefusedWithoutData($this->call($method, $path, $body), 403, ['rest_forbidden'], "{$role} {$method} {$pattern}");
            }
        }
        wp_set_current_user(self::admin_id());
        self::assertCount(1, $this->audit_rows(), 'nobody without the capability changed anything');
    }

    public function test_an_owner_pauses_and_reviews_only_their_own_category(): void
    {
        $owner = $this->user_with_role('subscriber');
        $patch = $this->rest('PATCH', '/categories/marketing', ['owner_id' => $owner]);
        self::assertSame(200, $patch->get_status(), (string) wp_json_encode($this->data($patch)));
        wp_set_current_user($owner);
        self::assertFalse(current_user_can('sophmate_manage_automation') || current_user_can('sophmate_pause_automation'));

        self::assertSame(200, $this->call('POST', '/categories/marketing/pause', ['reason' => 'my scope'])->get_status());
        self::assertSame(200, $this->call('GET', '/categories/marketing/review', [])->get_status());
        // Restarting their own scope passes the permission check; the review rules answer.
        $this->assertError($this->call('POST', '/categories/marketing/restart', ['acknowledged' => []]), 422, 'sophmate_review_incomplete');

        foreach (['commerce', 'support', 'no-such-category'] as $other) {
            foreach ([['POST', "/categories/{$other}/pause", ['reason' => 'not mine']], ['GET', "/categories/{$other}/review", []], ['POST', "/categories/{$other}/restart", []], ['POST', "/categories/{$other}/promote", []]] as [$method, $path, $body]) {
                $this->assertRefusedWithoutData($this->call($method, $path, $body), 403, ['rest_forbidden'], "owner {$method} {$path}");
            }
        }
        // The automation lives in support, which they do not own.
        $this->assertRefusedWithoutData($this->call('POST', '/automations/' . self::AUTOMATION . '/pause', ['reason' => 'not mine']), 403, ['rest_forbidden'], 'owner pauses another category\'s automation');
        // Configuration stays with managers, even for the owned category.
        $this->assertRefusedWithoutData($this->call('PATCH', '/categories/marketing', ['label' => 'Mine now']), 403, ['rest_forbidden'], 'owner edits their category');
        $this->assertRefusedWithoutData($this->call('PUT', '/safe-mode', ['mode' => 'paused', 'reason' => 'x']), 403, ['rest_forbidden'], 'owner turns on safe mode');

        wp_set_current_user(self::admin_id());
        $scopes = array_column($this->audit_rows(), 'scope');
        self::assertSame(['category:marketing'], array_values(array_unique($scopes)), 'only the owned scope changed');
    }

    public function test_an_automation_owner_pauses_their_automation_but_not_its_neighbours(): void
    {
        $owner = $this->user_with_role('subscriber');
        sophmate_safe_mode_register_automation('sec-owned-bot', ['label' => 'Owned bot', 'kind' => 'workflow', 'category' => 'support', 'owner' => $owner]);
        wp_set_current_user($owner);
        self::assertSame(200, $this->call('POST', '/automations/sec-owned-bot/pause', ['reason' => 'mine'])->get_status());
        self::assertSame(200, $this->call('GET', '/automations/sec-owned-bot/review', [])->get_status());
        $this->assertRefusedWithoutData($this->call('POST', '/automations/' . self::AUTOMATION . '/pause', ['reason' => 'neighbour']), 403, ['rest_forbidden'], 'neighbour automation');
        $this->assertRefusedWithoutData($this->call('POST', '/categories/support/pause', ['reason' => 'whole category']), 403, ['rest_forbidden'], 'the category it belongs to');
    }
}
