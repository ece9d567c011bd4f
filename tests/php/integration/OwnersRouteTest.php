<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Plugin;

/** GET /owners: who the category form offers as owner, backup owner and restart owner. */
final class OwnersRouteTest extends IntegrationTestCase
{
    public function test_lists_everyone_who_may_pause_automation_and_nobody_else(): void
    {
        $pauser = $this->user_with_role('editor');
        (new \WP_User($pauser))->add_cap(Plugin::CAP_PAUSE);
        wp_update_user(['ID' => $pauser, 'display_name' => 'Pia Pauser']);
        $editor = $this->user_with_role('editor');

        $response = $this->rest('GET', '/owners');
        self::assertSame(200, $response->get_status());
        $owners = array_column($this->data($response), 'name', 'id');
        self::assertArrayHasKey(self::admin_id(), $owners, 'administrators may pause, so they may own');
        self::assertSame('Pia Pauser', $owners[$pauser] ?? null, 'a capability granted to one user counts, by display name');
        self::assertArrayNotHasKey($editor, $owners, 'an editor without the capability is not offered');
        foreach ($this->data($response) as $owner) {
            self::assertSame(['id', 'name'], array_keys($owner), 'only id and name: no logins or emails');
            self::assertIsInt($owner['id']);
        }
        self::assertSame((string) count($owners), $response->get_headers()['X-WP-Total'] ?? null);
    }

    public function test_a_pauser_may_read_it_but_a_scope_owner_subscriber_and_visitor_may_not(): void
    {
        $pauser = $this->user_with_role('author');
        (new \WP_User($pauser))->add_cap(Plugin::CAP_PAUSE);
        wp_set_current_user($pauser);
        self::assertSame(200, $this->rest('GET', '/owners')->get_status());

        $owner = $this->user_with_role('subscriber');
        wp_set_current_user(self::admin_id());
        self::assertSame(200, $this->rest('PATCH', '/categories/marketing', ['owner_id' => $owner])->get_status());
        wp_set_current_user($owner);
        $this->assertError($this->rest('GET', '/owners'), 403, 'rest_forbidden');

        wp_set_current_user(0);
        $this->assertError($this->rest('GET', '/owners'), 401, 'rest_forbidden');
    }

    public function test_an_owner_given_as_text_that_names_no_user_is_refused_without_a_php_notice(): void
    {
        $notices = [];
        set_error_handler(static function (int $severity, string $message) use (&$notices): bool {
            $notices[] = $message;
            return true;
        });
        try {
            foreach (['<script>alert(1)</script>', '???', 'not-an-email@', 'nobody@example.test'] as $owner) {
                self::assertNull($this->services->actors->resolve_owner($owner), $owner);
            }
            self::assertSame(1, $this->services->actors->resolve_owner('admin'));
            self::assertSame(1, $this->services->actors->resolve_owner((string) get_userdata(1)->user_email));
        } finally {
            restore_error_handler();
        }
        self::assertSame([], $notices, 'core was never asked to look up an empty cache key');
    }
}
