<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

/** House rule: every route declares its schema and every write checks permission itself. */
final class RouteSchemasTest extends IntegrationTestCase
{
    public function test_every_route_declares_a_schema_and_a_real_permission_check(): void
    {
        $routes = rest_get_server()->get_routes('sophmate-safe-mode/v1');
        self::assertGreaterThan(15, count($routes));
        foreach ($routes as $route => $endpoints) {
            if ($route === '/sophmate-safe-mode/v1') {
                continue;
            }
            $data = rest_get_server()->get_data_for_route($route, $endpoints, 'help');
            self::assertNotEmpty($data['schema'] ?? null, "$route declares a schema");
            foreach ($endpoints as $endpoint) {
                self::assertArrayHasKey('permission_callback', $endpoint, $route);
                self::assertNotSame('__return_true', $endpoint['permission_callback'], "$route has a real permission check");
            }
        }
    }
}
