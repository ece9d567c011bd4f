<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\multisite;

use SophMate\SafeMode\Cli\SafeModeCommand;
use SophMate\SafeMode\Cli\StatusCommand;
use SophMate\SafeMode\Multisite\NetworkAdminPage;
use SophMate\SafeMode\Multisite\NetworkSafeMode;
use SophMate\SafeMode\Multisite\SitesOverview;

require_once dirname(__DIR__) . '/integration/Support/wp-cli-double.php';

/** WP-CLI --network, the Network Admin page, and the REST routes over real HTTP. */
final class NetworkSurfacesTest extends MultisiteTestCase
{
    protected function setUp(): void
    {
        parent::setUp();
        \WP_CLI::reset();
    }

    public function test_wp_cli_turns_network_safe_mode_on_and_off_with_the_network_flag(): void
    {
        $command = new SafeModeCommand($this->services);
        $command(['on'], ['network' => true, 'reason' => 'from the shell']);
        $this->forget();

        $state = NetworkSafeMode::from($this->services)->state();
        self::assertSame(['paused', 'from the shell', 'cli'], [$state->record->mode->value, $state->record->reason, $state->record->source?->value]);
        self::assertSame('off', $this->services->switch_store->load_fresh()->safe_mode->mode->value, 'the main site\'s own safe mode is untouched');
        self::assertStringContainsString('audited on 2 site(s)', \WP_CLI::$output[0][1]);

        $this->on_site($this->site2, function (): void {
            (new StatusCommand($this->services))([], []);
        });
        self::assertStringContainsString('NETWORK safe mode (paused)', implode("\n", array_column(\WP_CLI::$output, 1)));

        try {
            $command(['off'], ['network' => true, 'ack' => 'run_history']);
            self::fail('expected a refusal');
        } catch (\WP_CLI\ExitException $e) {
            self::assertStringContainsString('sophmate_review_incomplete', $e->getMessage());
        }
        $this->on_site($this->site2, function () use ($command): void {
            try {
                $command(['off'], ['network' => true, 'ack' => 'all-reviewed', 'note' => 'x']);
                self::fail('expected a refusal on a site that is not the main site');
            } catch (\WP_CLI\ExitException $e) {
                self::assertStringContainsString('main site', $e->getMessage());
            }
        });
        $command(['read-only'], ['network' => true, 'reason' => 'narrower']);
        $command(['off'], ['network' => true, 'ack' => 'all-reviewed', 'note' => 'rotated']);
        $this->forget();
        self::assertSame('off', NetworkSafeMode::from($this->services)->state()->record->mode->value);
    }

    public function test_the_network_admin_page_shows_the_state_the_forms_and_each_sites_own_switches(): void
    {
        self::assertNotFalse(has_action('network_admin_menu'), 'the page is added to the Network Admin menu');
        $page = new NetworkAdminPage($this->services, NetworkSafeMode::from($this->services), new SitesOverview($this->services));
        $this->on_site($this->site2, fn () => self::assertSame(200, $this->rest('POST', '/categories/marketing/pause', ['reason' => 'x'])->get_status()));

        $off = $this->render($page);
        self::assertStringContainsString('data-sophmate-network-state="off"', $off);
        self::assertStringContainsString('data-sophmate-form="on"', $off);
        self::assertStringNotContainsString('data-sophmate-form="off"', $off);
        self::assertMatchesRegularExpression('#<tr data-site-id="' . $this->site2 . '">.*?<td>off</td><td>1</td><td>0</td>#s', $off, 'site 2: own safe mode off, one paused scope');
        self::assertStringContainsString('name="_wpnonce"', $off);

        $result = $page->apply(['mode' => 'paused', 'reason' => 'Leaked <key>']);
        self::assertTrue($result['ok'], $result['message']);
        $this->forget();
        $on = $this->render($page);
        self::assertStringContainsString('Leaked &lt;key&gt;', $on);
        self::assertStringContainsString('data-sophmate-form="off"', $on);
        self::assertSame(6, substr_count($on, 'name="acknowledged[]"'));

        $refused = $page->apply(['mode' => 'off', 'acknowledged' => ['run_history'], 'note' => 'done']);
        self::assertFalse($refused['ok']);
        self::assertStringContainsString('failed_steps', $refused['message']);
        $done = $page->apply(['mode' => 'off', 'acknowledged' => \SophMate\SafeMode\Domain\Switches\Acknowledgements::REQUIRED, 'note' => 'done']);
        self::assertTrue($done['ok'], $done['message']);
    }

    public function test_over_http_the_main_site_changes_it_and_site_2_reports_it(): void
    {
        $site = self::site();
        $auth = ['Authorization' => 'Basic ' . base64_encode($site['admin_user'] . ':' . $site['app_password'])];
        $base = rtrim((string) $site['url'], '/');
        // The loopback request must not be refused by network safe mode's own outbound gate: it is on yet.
        $put = wp_remote_request($base . '/wp-json/sophmate-safe-mode/v1/network/safe-mode', [
            'method' => 'PUT',
            'headers' => $auth + ['Content-Type' => 'application/json'],
            'body' => (string) wp_json_encode(['mode' => 'paused', 'reason' => 'over http']),
            'timeout' => 20,
        ]);
        self::assertSame(200, wp_remote_retrieve_response_code($put), (string) wp_remote_retrieve_body($put));
        self::assertSame('rest', json_decode((string) wp_remote_retrieve_body($put), true)['network_safe_mode']['source'], 'application password: source rest');

        $status = wp_remote_get($base . '/site2/wp-json/sophmate-safe-mode/v1/status', ['headers' => $auth, 'timeout' => 20]);
        self::assertSame(200, wp_remote_retrieve_response_code($status));
        $data = json_decode((string) wp_remote_retrieve_body($status), true);
        self::assertSame(['network', 'over http'], [$data['emergency']['via'], $data['network_safe_mode']['reason']]);

        $anonymous = wp_remote_get($base . '/wp-json/sophmate-safe-mode/v1/network/safe-mode', ['timeout' => 20]);
        self::assertSame(401, wp_remote_retrieve_response_code($anonymous));
        self::assertStringNotContainsString('over http', (string) wp_remote_retrieve_body($anonymous));
    }

    public function test_the_network_admin_form_changes_it_with_a_valid_nonce_and_refuses_without_one(): void
    {
        $base = rtrim((string) self::site()['url'], '/');
        $expires = time() + 3600;
        $token = \WP_Session_Tokens::get_instance(self::admin_id())->create($expires);
        $cookies = [
            new \WP_Http_Cookie(['name' => AUTH_COOKIE, 'value' => wp_generate_auth_cookie(self::admin_id(), $expires, 'auth', $token)]),
            new \WP_Http_Cookie(['name' => LOGGED_IN_COOKIE, 'value' => wp_generate_auth_cookie(self::admin_id(), $expires, 'logged_in', $token)]),
        ];
        $page = wp_remote_get($base . '/wp-admin/network/admin.php?page=' . NetworkAdminPage::SLUG, ['cookies' => $cookies, 'timeout' => 30, 'redirection' => 0]);
        self::assertSame(200, wp_remote_retrieve_response_code($page), substr((string) wp_remote_retrieve_body($page), 0, 300));
        $html = (string) wp_remote_retrieve_body($page);
        self::assertStringContainsString('Automation Safety: network safe mode', $html);
        self::assertSame(1, preg_match('#data-sophmate-form="on">.*?name="_wpnonce" value="([0-9a-f]+)"#s', $html, $m), 'the on form carries a nonce');

        $post = static fn (array $body) => wp_remote_post($base . '/wp-admin/network/edit.php?action=sophmate_network_safe_mode', ['cookies' => $cookies, 'body' => $body, 'timeout' => 30, 'redirection' => 0]);
        $forged = $post(['mode' => 'paused', 'reason' => 'forged']);
        self::assertContains(wp_remote_retrieve_response_code($forged), [403], 'no nonce: refused');
        $this->forget();
        self::assertSame('off', NetworkSafeMode::from($this->services)->state()->record->mode->value, 'a request without the nonce changed nothing');

        $sent = $post(['_wpnonce' => $m[1], '_wp_http_referer' => '/wp-admin/network/admin.php?page=' . NetworkAdminPage::SLUG, 'mode' => 'paused', 'reason' => 'from the network admin']);
        self::assertSame(302, wp_remote_retrieve_response_code($sent));
        self::assertStringContainsString('page=' . NetworkAdminPage::SLUG, (string) wp_remote_retrieve_header($sent, 'location'));
        $this->forget();
        $state = NetworkSafeMode::from($this->services)->state();
        self::assertSame(['paused', 'from the network admin', 'admin'], [$state->record->mode->value, $state->record->reason, $state->record->source?->value]);

        $after = (string) wp_remote_retrieve_body(wp_remote_get($base . '/wp-admin/network/admin.php?page=' . NetworkAdminPage::SLUG, ['cookies' => $cookies, 'timeout' => 30]));
        self::assertStringContainsString('Network safe mode is now paused (was off)', $after, 'the result is shown once after the redirect');
        \WP_Session_Tokens::get_instance(self::admin_id())->destroy($token);
    }

    private function render(NetworkAdminPage $page): string
    {
        ob_start();
        $page->render();
        return (string) ob_get_clean();
    }
}
