<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\multisite;

use SophMate\SafeMode\Domain\Switches\Acknowledgements;
use SophMate\SafeMode\Multisite\NetworkSafeModeStore;

/**
 * Network safe mode forces safe mode on every site through the same planes as the last-resort
 * switch (cooperative API, cron gate, inbound REST gate, outbound HTTP gate), is audited on every
 * site, and leaves each site's own switches as they were.
 */
final class NetworkSafeModeTest extends MultisiteTestCase
{
    private const HOOK = 'ms_test_sync';

    /** @var list<string> */
    public static array $calls = [];
    /** @var list<array<int,mixed>> */
    private array $fired = [];

    protected function setUp(): void
    {
        parent::setUp();
        self::$calls = [];
        $this->fired = [];
        sophmate_safe_mode_register_automation('ms-writer', ['label' => 'Writer', 'kind' => 'agent', 'category' => 'agent', 'owner' => 'admin']);
        sophmate_safe_mode_register_automation('ms-sync', ['label' => 'Sync', 'kind' => 'workflow', 'category' => 'marketing', 'owner' => 'admin', 'cron_hooks' => [self::HOOK]]);
        remove_all_actions(self::HOOK);
        add_action(self::HOOK, static function (): void {
            self::$calls[] = self::HOOK;
        });
        foreach (['sophmate_safe_mode_paused', 'sophmate_safe_mode_restarted'] as $hook) {
            add_action($hook, function (...$args) use ($hook): void {
                $this->fired[] = [$hook, ...$args];
            }, 10, 5);
        }
    }

    protected function tearDown(): void
    {
        remove_all_actions('sophmate_safe_mode_paused', 10);
        remove_all_actions('sophmate_safe_mode_restarted', 10);
        parent::tearDown();
    }

    public function test_network_safe_mode_blocks_runs_on_every_site_and_says_why(): void
    {
        foreach ([1, $this->site2] as $id) {
            $this->on_site($id, static fn () => self::assertTrue(sophmate_safe_mode_decide('ms-writer')->allows_run(), "site {$id} runs before"));
        }

        $this->network_on('paused', 'Provider key leaked');

        foreach ([1, $this->site2] as $id) {
            $this->on_site($id, function () use ($id): void {
                $decision = sophmate_safe_mode_decide('ms-writer');
                self::assertFalse($decision->allows_run(), "site {$id}");
                self::assertSame('emergency', $decision->scope());
                self::assertStringContainsString('Network safe mode is on: Provider key leaked', $decision->reason());
                $run = sophmate_safe_mode_start_run('ms-writer');
                self::assertFalse($run->is_allowed());
                self::assertSame('skipped', $run->status());
            });
        }
        // A fresh request to site 2 (another process, nothing of this one's state) sees it too.
        $out = $this->php_on_site('/site2/', 'sophmate_safe_mode_register_automation("ms-writer", ["label" => "W", "kind" => "agent", "category" => "agent"]); $d = sophmate_safe_mode_decide("ms-writer"); echo "blog=", get_current_blog_id(), " ", $d->allows_run() ? "run" : "blocked", " ", $d->scope();');
        self::assertStringContainsString('blog=' . $this->site2 . ' blocked emergency', $out);
    }

    public function test_a_run_on_site_2_stops_at_its_next_checkpoint_when_another_process_turns_it_on(): void
    {
        $this->on_site($this->site2, function (): void {
            $run = sophmate_safe_mode_start_run('ms-writer');
            self::assertTrue($run->is_allowed());
            self::assertTrue($run->checkpoint(), 'nothing stops it yet');

            // Another request (another PHP worker or web node) turns network safe mode on.
            $out = $this->php_on_site('/', '$s = \\SophMate\\SafeMode\\Plugin::services();
                $r = \\SophMate\\SafeMode\\Multisite\\NetworkSafeMode::from($s)->set(\\SophMate\\SafeMode\\Domain\\Switches\\SafeModeMode::Paused, "from another worker", null, $s->actors->current(), \\SophMate\\SafeMode\\Domain\\Switches\\Source::Api);
                echo $r["changed"] ? "changed" : "unchanged";');
            self::assertSame('changed', trim($out));

            self::assertFalse($run->checkpoint(), 'stopped at the next checkpoint, without waiting for a new request');
            self::assertSame('cancelled', $run->status());
        });
    }

    public function test_two_administrators_turning_it_on_at_once_make_one_change_and_one_audit_entry_per_site(): void
    {
        $site = self::site();
        $host = (string) parse_url((string) $site['url'], PHP_URL_HOST) . ':' . (string) parse_url((string) $site['url'], PHP_URL_PORT);
        $processes = [];
        foreach (['first worker', 'second worker'] as $reason) {
            $script = sprintf(
                'define("DISABLE_WP_CRON", true); $_SERVER["HTTP_HOST"] = %s; $_SERVER["REQUEST_URI"] = "/"; require %s;
                $s = \\SophMate\\SafeMode\\Plugin::services();
                $r = \\SophMate\\SafeMode\\Multisite\\NetworkSafeMode::from($s)->set(\\SophMate\\SafeMode\\Domain\\Switches\\SafeModeMode::Paused, %s, null, $s->actors->current(), \\SophMate\\SafeMode\\Domain\\Switches\\Source::Api);
                echo $r["changed"] ? "changed" : "unchanged";',
                var_export($host, true),
                var_export(ABSPATH . 'wp-load.php', true),
                var_export($reason, true)
            );
            $processes[] = proc_open([PHP_BINARY, '-r', $script], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
            $outputs[] = $pipes;
        }
        $results = [];
        foreach ($processes as $i => $process) {
            $results[] = trim((string) stream_get_contents($outputs[$i][1]) . (string) stream_get_contents($outputs[$i][2]));
            proc_close($process);
        }
        sort($results);

        self::assertSame(['changed', 'unchanged'], $results);
        foreach ([1, $this->site2] as $id) {
            self::assertCount(1, array_filter($this->audit_rows($id), static fn (array $row): bool => $row['scope'] === 'network'), "site {$id}: one audit entry");
        }
        $this->forget();
        self::assertSame(1, $this->data($this->rest('GET', '/network/safe-mode'))['network_safe_mode']['version']);
    }

    public function test_read_only_network_safe_mode_lets_runs_read_and_refuses_writes(): void
    {
        $this->network_on('read_only', 'Audit in progress');

        $this->on_site($this->site2, static function (): void {
            $decision = sophmate_safe_mode_decide('ms-writer');
            self::assertTrue($decision->allows_run());
            self::assertTrue($decision->is_read_only());
            self::assertStringContainsString('Network safe mode is read-only: Audit in progress', $decision->reason());
        });
    }

    public function test_the_cron_gate_holds_bound_hooks_on_site_2_until_network_safe_mode_is_off(): void
    {
        $this->network_on();
        $this->on_site($this->site2, function (): void {
            wp_clear_scheduled_hook(self::HOOK);
            wp_schedule_single_event(time() - 10, self::HOOK);
            $this->tick();
            self::assertSame([], self::$calls, 'the bound hook did not run');
            $statuses = $this->db->get_col("SELECT status FROM {$this->services->schema->runs_table()} ORDER BY id");
            self::assertCount(1, $statuses);
            self::assertContains($statuses[0], ['skipped', 'held', 'cancelled'], 'the occurrence is recorded as not run (per marketing\'s policy)');
        });

        $this->network_off();

        $this->on_site($this->site2, function (): void {
            wp_clear_scheduled_hook(self::HOOK);
            wp_schedule_single_event(time() - 5, self::HOOK, ['again']);
            $this->tick();
            self::assertSame([self::HOOK], self::$calls, 'runs again once network safe mode is off');
        });
    }

    public function test_inbound_webhooks_and_outbound_provider_calls_are_refused_on_site_2(): void
    {
        $sent = [];
        $fake = static function ($pre, $args, $url) use (&$sent) {
            if ($pre !== false) {
                return $pre;
            }
            $sent[] = $url;
            return ['headers' => [], 'body' => '{}', 'response' => ['code' => 200, 'message' => 'OK'], 'cookies' => [], 'filename' => null];
        };
        add_filter('pre_http_request', $fake, 999, 3);
        try {
            $this->on_site($this->site2, function (): void {
                delete_option('sophmate_safe_mode_providers');
                $this->services->providers->forget();
                sophmate_safe_mode_register_provider('ms-ai', ['label' => 'MS AI', 'hosts' => ['api.ms-ai.test']]);
                sophmate_safe_mode_register_automation('ms-hook', ['label' => 'Hook', 'kind' => 'workflow', 'category' => 'commerce', 'owner' => 'admin', 'rest_routes' => ['/ms-test/v1/orders'], 'providers' => ['ms-ai']]);
                rest_get_server();
                register_rest_route('ms-test/v1', '/orders', ['methods' => 'POST', 'callback' => static fn () => ['ok' => true], 'permission_callback' => '__return_true'], true);
                self::assertSame(200, rest_do_request(new \WP_REST_Request('POST', '/ms-test/v1/orders'))->get_status());
            });

            $this->network_on();

            $this->on_site($this->site2, function () use (&$sent): void {
                $this->services->providers->forget();
                $request = new \WP_REST_Request('POST', '/ms-test/v1/orders');
                $response = rest_get_server()->dispatch($request);
                $response = apply_filters('rest_post_dispatch', is_wp_error($response) ? rest_convert_error_to_response($response) : $response, rest_get_server(), $request);
                self::assertSame(503, $response->get_status());
                self::assertSame('sophmate_paused', $response->get_data()['code']);

                $call = wp_remote_get('https://api.ms-ai.test/v1/models');
                self::assertInstanceOf(\WP_Error::class, $call);
                self::assertSame('sophmate_paused', $call->get_error_code());
                self::assertSame([], $sent, 'nothing reached the network');
            });
        } finally {
            remove_filter('pre_http_request', $fake, 999);
        }
    }

    public function test_status_on_site_2_shows_network_safe_mode_with_who_and_why(): void
    {
        $this->network_on('paused', 'Provider key leaked');

        $status = $this->on_site($this->site2, fn () => $this->data($this->rest('GET', '/status')));

        self::assertSame(['active' => true, 'mode' => 'paused', 'via' => 'network'], array_intersect_key($status['emergency'], array_flip(['active', 'mode', 'via'])));
        self::assertSame('paused', $status['network_safe_mode']['mode']);
        self::assertSame('Provider key leaked', $status['network_safe_mode']['reason']);
        self::assertSame('admin', $status['network_safe_mode']['actor']['login']);
        self::assertSame('off', $status['safe_mode']['mode'], "the site's own safe mode is untouched");
        self::assertSame(['blocked'], array_values(array_unique(array_column($status['categories'], 'effective'))));
    }

    public function test_each_sites_own_switches_work_underneath_and_are_back_when_network_safe_mode_goes_off(): void
    {
        $this->on_site($this->site2, fn () => self::assertSame(200, $this->rest('POST', '/categories/marketing/pause', ['reason' => 'site 2 newsletter bug'])->get_status()));
        $this->on_site(1, fn () => self::assertSame(200, $this->rest('PUT', '/safe-mode', ['mode' => 'read_only', 'reason' => 'site 1 audit'])->get_status()));
        $this->on_site(1, static fn () => self::assertTrue(sophmate_safe_mode_decide('ms-sync')->is_read_only(), 'site 1: its own read-only safe mode'));
        $this->on_site($this->site2, static function (): void {
            self::assertSame('category:marketing', sophmate_safe_mode_decide('ms-sync')->scope(), 'site 2: marketing paused');
            self::assertTrue(sophmate_safe_mode_decide('ms-writer')->allows_run(), 'site 2: other categories run');
        });

        $this->network_on();
        $this->network_off();

        $this->on_site(1, function (): void {
            $decision = sophmate_safe_mode_decide('ms-sync');
            self::assertSame(['global', true], [$decision->scope(), $decision->is_read_only()]);
            self::assertSame('read_only', $this->services->switch_store->load_fresh()->safe_mode->mode->value);
        });
        $this->on_site($this->site2, function (): void {
            self::assertSame('category:marketing', sophmate_safe_mode_decide('ms-sync')->scope());
            self::assertTrue(sophmate_safe_mode_decide('ms-writer')->allows_run());
            self::assertSame('off', $this->services->switch_store->load_fresh()->safe_mode->mode->value);
        });
    }

    public function test_turning_it_on_needs_a_reason_and_off_needs_the_review_and_a_note(): void
    {
        $this->assertError($this->rest('PUT', '/network/safe-mode', ['mode' => 'paused', 'reason' => '  ']), 400, 'sophmate_invalid_reason');
        $this->assertError($this->rest('PUT', '/network/safe-mode', ['mode' => 'everything', 'reason' => 'x']), 400, 'sophmate_invalid_mode');
        $this->network_on();

        $partial = $this->rest('PUT', '/network/safe-mode', ['mode' => 'off', 'acknowledged' => ['run_history', 'failed_steps'], 'note' => 'done']);
        $this->assertError($partial, 422, 'sophmate_review_incomplete');
        self::assertSame(['audit_records', 'pending_approvals', 'provider_status', 'affected_records'], $this->data($partial)['data']['missing']);
        $this->assertError($this->rest('PUT', '/network/safe-mode', ['mode' => 'off', 'acknowledged' => Acknowledgements::REQUIRED, 'note' => '']), 400, 'sophmate_invalid_note');
        $bad = $this->rest('PUT', '/network/safe-mode', ['mode' => 'off', 'acknowledged' => 'all']);
        self::assertSame(400, $bad->get_status());
        self::assertContains($this->data($bad)['code'], ['sophmate_invalid_param', 'rest_invalid_param', 'sophmate_invalid_acknowledgements']);
        self::assertSame('paused', $this->data($this->rest('GET', '/network/safe-mode'))['network_safe_mode']['mode'], 'still on');

        $again = $this->network_on('paused', 'again');
        self::assertFalse($again['changed'], 'pausing a paused network changes nothing');
        self::assertCount(1, array_filter($this->audit_rows(1), static fn (array $row): bool => $row['scope'] === 'network'), 'and writes no audit entry');
    }

    public function test_every_change_is_audited_on_every_site_and_announced_once(): void
    {
        $this->network_on('paused', 'Provider key leaked');
        $this->network_off();

        foreach ([1, $this->site2] as $id) {
            $rows = array_values(array_filter($this->audit_rows($id), static fn (array $row): bool => $row['scope'] === 'network'));
            self::assertSame(
                [['pause', 'off', 'paused', 'Provider key leaked', 'admin'], ['restart', 'paused', 'off', 'Keys rotated on every site', 'admin']],
                array_map(static fn (array $r): array => [$r['action'], $r['before_state'], $r['after_state'], $r['reason'], $r['source']], $rows),
                "site {$id}"
            );
            self::assertSame(Acknowledgements::REQUIRED, json_decode($rows[1]['context'], true)['acknowledged']);
            $this->on_site($id, fn () => self::assertTrue($this->services->audit->verify()->ok, "site {$id}: audit chain verifies"));
        }
        self::assertSame(
            [['sophmate_safe_mode_paused', 'network', 'paused', 'Provider key leaked'], ['sophmate_safe_mode_restarted', 'network', 'off', 'Keys rotated on every site']],
            array_map(static fn (array $f): array => [$f[0], $f[1], $f[2], $f[4]], $this->fired)
        );
        self::assertSame('admin', $this->fired[0][3]['login']);
    }

    public function test_a_change_is_notified_once_through_the_main_sites_targets_saying_what_holds_every_site(): void
    {
        $outbox = fn (): array => $this->db->get_results("SELECT event, scope, payload FROM {$this->services->schema->notifications_table()} ORDER BY id", ARRAY_A) ?: []; // phpcs:ignore
        $before = ['main' => count($outbox()), 'site2' => $this->on_site($this->site2, fn (): int => count($outbox()))];
        $this->network_on('paused', 'Provider key leaked');

        $queued = array_slice($outbox(), $before['main']);
        self::assertNotSame([], $queued, 'the main site queues the message');
        self::assertSame(['safe_mode'], array_values(array_unique(array_column($queued, 'event'))));
        $payload = (string) $queued[0]['payload'];
        self::assertStringContainsString('Network safe mode went from \"off\" to \"paused\"', $payload);
        self::assertStringContainsString('Provider key leaked', $payload);
        self::assertStringContainsString('network safe mode', $payload, 'the state line says what holds automation');
        self::assertSame($before['site2'], $this->on_site($this->site2, fn (): int => count($outbox())), 'once for the network, not once per site');
    }

    public function test_only_super_admins_on_the_main_site_may_read_or_change_it(): void
    {
        wp_set_current_user(0);
        $this->assertError($this->rest('GET', '/network/safe-mode'), 401, 'rest_forbidden');
        $this->assertError($this->rest('PUT', '/network/safe-mode', ['mode' => 'paused', 'reason' => 'x']), 401, 'rest_forbidden');

        $login = 'site2admin_' . wp_generate_password(6, false, false);
        $user = wpmu_create_user($login, wp_generate_password(), $login . '@example.test');
        self::assertIsInt($user);
        add_user_to_blog($this->site2, $user, 'administrator');
        wp_set_current_user($user);
        foreach ([1, $this->site2] as $id) {
            $this->on_site($id, function () use ($id): void {
                $get = $this->rest('GET', '/network/safe-mode');
                $this->assertError($get, 403, 'rest_forbidden');
                self::assertArrayNotHasKey('network_safe_mode', $this->data($get), "site {$id}: no data in a refusal");
                $this->assertError($this->rest('PUT', '/network/safe-mode', ['mode' => 'paused', 'reason' => 'x']), 403, 'rest_forbidden');
            });
        }
        $this->on_site($this->site2, fn () => self::assertTrue(current_user_can(\SophMate\SafeMode\Plugin::CAP_MANAGE), 'a site admin still manages its own site'));

        wp_set_current_user(self::admin_id());
        $this->on_site($this->site2, fn () => $this->assertError($this->rest('PUT', '/network/safe-mode', ['mode' => 'paused', 'reason' => 'x']), 404, 'sophmate_not_main_site'));
        self::assertSame('off', $this->data($this->rest('GET', '/network/safe-mode'))['network_safe_mode']['mode'], 'nothing was changed');
        wpmu_delete_user($user);
    }

    public function test_an_unreadable_network_state_holds_every_site_until_it_is_set_again(): void
    {
        $this->db->insert($this->db->sitemeta, ['site_id' => get_current_network_id(), 'meta_key' => NetworkSafeModeStore::OPTION, 'meta_value' => '{"version":3,"safe_mo']);
        $this->forget();

        $this->on_site($this->site2, static function (): void {
            $decision = sophmate_safe_mode_decide('ms-writer');
            self::assertFalse($decision->allows_run());
            self::assertStringContainsString('unreadable', $decision->reason());
        });
        self::assertNotNull($this->data($this->rest('GET', '/network/safe-mode'))['network_safe_mode']['state_error']);

        $this->network_on('paused', 'repairing');
        $this->network_off();
        $this->on_site($this->site2, static fn () => self::assertTrue(sophmate_safe_mode_decide('ms-writer')->allows_run()));
    }

    public function test_every_sites_wp_admin_shows_who_set_it_and_why_escaped(): void
    {
        $this->network_on('paused', '<script>alert(1)</script> "leaked" key ✓');

        $html = $this->on_site($this->site2, static function (): string {
            ob_start();
            do_action('admin_notices');
            return (string) ob_get_clean();
        });

        self::assertStringContainsString('data-sophmate-notice="network"', $html);
        self::assertStringContainsString('Network safe mode is on (paused)', $html);
        self::assertStringContainsString('&lt;script&gt;alert(1)&lt;/script&gt; &quot;leaked&quot; key ✓', $html);
        self::assertStringNotContainsString('<script>alert', $html);
        self::assertStringContainsString('Set by admin (admin)', $html);
        self::assertStringNotContainsString('data-sophmate-notice="emergency"', $html, 'not mistaken for the wp-config/flag file switch');
    }

    /** Runs due events of the test hook as wp-cron.php does (see tests/php/integration/CronGateTest). */
    private function tick(): void
    {
        $this->forget();
        add_filter('wp_doing_cron', '__return_true');
        try {
            foreach (_get_cron_array() ?: [] as $timestamp => $hooks) {
                if ($timestamp > time()) {
                    break;
                }
                foreach ($hooks[self::HOOK] ?? [] as $event) {
                    wp_unschedule_event($timestamp, self::HOOK, $event['args'], true);
                    do_action_ref_array(self::HOOK, $event['args']);
                }
            }
        } finally {
            remove_filter('wp_doing_cron', '__return_true');
        }
    }
}
