<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Breakers\Events\EventBreakersModule;
use SophMate\SafeMode\Domain\Switches\Acknowledgements;
use SophMate\SafeMode\Tests\integration\Support\TripAssertions;

/**
 * The event and time breakers from real signals: a plugin update through WordPress' own upgrader,
 * a provider marked down through PUT /providers/{slug}, an option timestamp left in the past.
 * Each trip: the automation stops, the reason is exact, one audit event, one notification, and a
 * restart needs the normal review.
 */
final class EventBreakersTest extends IntegrationTestCase
{
    use TripAssertions;

    private const FIXTURE_PLUGIN = 'sophmate-eb-fixture';
    private const FIXTURE_THEME = 'sophmate-eb-theme';
    private const SYNC_OPTION = 'sophmate_eb_last_sync';

    /** @var list<array{string,string,string}> scope, reason, source of every sophmate_safe_mode_tripped */
    private array $trips = [];

    /** @var list<string> */
    private array $registered = [];

    protected function setUp(): void
    {
        parent::setUp();
        EventBreakersModule::unschedule();
        require_once ABSPATH . 'wp-admin/includes/admin.php';
        require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
        // WordPress' own reactions to an update ask wordpress.org, which this site cannot reach.
        foreach (['wp_version_check', 'wp_update_plugins', 'wp_update_themes'] as $check) {
            remove_action('upgrader_process_complete', $check, 10);
        }
        remove_action('upgrader_process_complete', ['Language_Pack_Upgrader', 'async_upgrade'], 20);
        $this->trips = [];
        add_action('sophmate_safe_mode_tripped', [$this, 'capture_trip'], 10, 5);
    }

    protected function tearDown(): void
    {
        remove_action('sophmate_safe_mode_tripped', [$this, 'capture_trip'], 10);
        remove_all_filters('sophmate_eb_freshness');
        remove_all_filters('filesystem_method');
        foreach ($this->registered as $id) {
            $this->services->catalog->remove_automation($id);
        }
        delete_option(self::SYNC_OPTION);
        self::remove_dir(WP_PLUGIN_DIR . '/' . self::FIXTURE_PLUGIN);
        self::remove_dir(get_theme_root() . '/' . self::FIXTURE_THEME);
        delete_site_transient('update_plugins');
        delete_site_transient('update_themes');
        wp_clean_plugins_cache(false);
        parent::tearDown();
    }

    /** @param mixed $context */
    public function capture_trip(string $scope, string $state, $actor, string $reason, $context = []): void
    {
        $this->trips[] = [$scope, $reason, (string) (is_array($context) ? ($context['source'] ?? '') : '')];
    }

    /** @param array<string,mixed> $args */
    private function automation(string $id, string $category, array $args = []): void
    {
        sophmate_safe_mode_register_automation($id, $args + ['label' => $id, 'kind' => 'workflow', 'category' => $category, 'owner' => 'admin']);
        $this->registered[] = $id;
    }

    /** @param array<string,mixed> $breakers */
    private function breakers(string $category, array $breakers): void
    {
        $response = $this->rest('PATCH', '/categories/' . $category, ['breakers' => $breakers]);
        self::assertSame(200, $response->get_status(), (string) wp_json_encode($this->data($response)));
    }

    /** @return list<array<string,mixed>> */
    private function outbox_of(string $scope, string $event): array
    {
        return array_values(array_filter($this->outbox($scope), static fn (array $row): bool => $row['event'] === $event));
    }

    /** @return array<string,string> category slug => state */
    private function category_states(): array
    {
        $states = [];
        foreach ($this->data($this->rest('GET', '/status'))['categories'] as $category) {
            $states[$category['slug']] = $category['state'];
        }
        return $states;
    }

    /**
     * One trip, told exactly once: the pause audit entry with the breaker's context, the
     * sophmate_safe_mode_tripped action, one trip notification; and a restart needs the review.
     *
     * @return array<string,mixed> the audit context
     */
    private function assertTrippedOnce(string $scope, string $reason, string $source, string $signal): array
    {
        $pauses = $this->pauses($scope);
        self::assertCount(1, $pauses, 'one audit event for ' . $scope);
        self::assertSame([$reason, $source, 'breaker', 'paused'], [$pauses[0]['reason'], $pauses[0]['source'], $pauses[0]['actor_login'], $pauses[0]['after_state']]);
        $context = json_decode((string) $pauses[0]['context'], true);
        self::assertSame($signal, $context['signal'] ?? null);
        self::assertArrayHasKey('value', $context);
        self::assertArrayHasKey('threshold', $context);
        self::assertArrayHasKey('breaker', $context);

        $trips = array_values(array_filter($this->trips, static fn (array $t): bool => $t[0] === $scope));
        self::assertSame([[$scope, $reason, $source]], $trips, 'one sophmate_safe_mode_tripped');

        $outbox = $this->outbox($scope);
        self::assertCount(1, $outbox, 'one notification (the owner) for ' . $scope);
        self::assertSame('trip', $outbox[0]['event']);

        [$kind, $id] = explode(':', $scope, 2);
        $path = '/' . ($kind === 'category' ? 'categories' : 'automations') . '/' . $id . '/restart';
        $this->assertError($this->rest('POST', $path, ['note' => 'Looks fine', 'scope' => ['max_runs' => 1]]), 422, 'sophmate_review_incomplete');
        self::assertSame('paused', $this->services->switch_store->load_fresh()->state_of(\SophMate\SafeMode\Domain\Scope::parse($scope))->value, 'a breaker never restarts anything');
        return $context;
    }

    private static function write_plugin(string $version): void
    {
        $dir = WP_PLUGIN_DIR . '/' . self::FIXTURE_PLUGIN;
        wp_mkdir_p($dir);
        file_put_contents($dir . '/' . self::FIXTURE_PLUGIN . '.php', self::plugin_source($version));
    }

    private static function plugin_source(string $version): string
    {
        return "<?php\n/**\n * Plugin Name: SophMate event breaker fixture\n * Version: {$version}\n */\n";
    }

    private static function remove_dir(string $dir): void
    {
        if (!is_dir($dir)) {
            return;
        }
        foreach (new \RecursiveIteratorIterator(new \RecursiveDirectoryIterator($dir, \FilesystemIterator::SKIP_DOTS), \RecursiveIteratorIterator::CHILD_FIRST) as $item) {
            $item->isDir() ? rmdir($item->getPathname()) : unlink($item->getPathname());
        }
        rmdir($dir);
    }

    public function test_a_plugin_update_through_the_real_upgrader_pauses_only_the_categories_that_pause_on_updates(): void
    {
        $this->breakers('commerce', ['updates' => ['enabled' => true]]);
        $this->automation('eb-orders', 'commerce');
        $this->automation('eb-posts', 'content');
        $before = $this->category_states();
        self::assertTrue($this->allowed('eb-orders'));

        // A plugin nothing here depends on, updated from 1.0 to 1.1 by WordPress' Plugin_Upgrader
        // from a local package, exactly as an admin's "Update now" would.
        self::write_plugin('1.0');
        $zip_path = wp_tempnam('sophmate-eb') . '.zip';
        $zip = new \ZipArchive();
        self::assertTrue($zip->open($zip_path, \ZipArchive::CREATE | \ZipArchive::OVERWRITE));
        $zip->addFromString(self::FIXTURE_PLUGIN . '/' . self::FIXTURE_PLUGIN . '.php', self::plugin_source('1.1'));
        $zip->close();
        $file = self::FIXTURE_PLUGIN . '/' . self::FIXTURE_PLUGIN . '.php';
        set_site_transient('update_plugins', (object) [
            'last_checked' => time(),
            'checked' => [$file => '1.0'],
            'response' => [$file => (object) ['slug' => self::FIXTURE_PLUGIN, 'plugin' => $file, 'new_version' => '1.1', 'package' => $zip_path]],
        ]);
        add_filter('filesystem_method', static fn (): string => 'direct');
        $upgraded = (new \Plugin_Upgrader(new \Automatic_Upgrader_Skin()))->upgrade($file);
        self::assertTrue($upgraded, 'the upgrader ran: ' . wp_json_encode($upgraded));
        self::assertStringContainsString('Version: 1.1', (string) file_get_contents(WP_PLUGIN_DIR . '/' . $file));

        $reason = 'plugin update: sophmate-eb-fixture 1.0 → 1.1';
        $context = $this->assertTrippedOnce('category:commerce', $reason, 'update', 'update');
        self::assertSame(['sophmate-eb-fixture 1.0 → 1.1', 'updates'], [$context['value'], $context['breaker']]);
        self::assertFalse($this->allowed('eb-orders'), 'the automation stops');
        self::assertStringContainsString($reason, sophmate_safe_mode_decide('eb-orders')->reason());
        self::assertTrue($this->allowed('eb-posts'), 'content does not pause on updates (the default)');
        $after = $this->category_states();
        self::assertSame('paused', $after['commerce']);
        unset($before['commerce'], $after['commerce']);
        self::assertSame($before, $after, 'no other category changed');
    }

    public function test_theme_and_core_updates_name_what_was_updated_and_translations_pause_nothing(): void
    {
        $this->breakers('marketing', ['updates' => ['enabled' => true]]);
        $this->automation('eb-newsletter', 'marketing');

        do_action('upgrader_process_complete', null, ['action' => 'update', 'type' => 'translation', 'bulk' => true, 'translations' => [['language' => 'de_DE', 'type' => 'core', 'slug' => 'default', 'version' => '6.4']]]);
        do_action('upgrader_process_complete', null, ['action' => 'install', 'type' => 'plugin']);
        self::assertTrue($this->allowed('eb-newsletter'), 'a translation update or a fresh install changes no running code');
        self::assertSame([], $this->trips);

        $theme_dir = get_theme_root() . '/' . self::FIXTURE_THEME;
        wp_mkdir_p($theme_dir);
        file_put_contents($theme_dir . '/style.css', "/*\nTheme Name: EB fixture\nVersion: 2.1\n*/\n");
        set_site_transient('update_themes', (object) ['last_checked' => time(), 'checked' => [self::FIXTURE_THEME => '2.0'], 'response' => []]);
        do_action('upgrader_process_complete', null, ['action' => 'update', 'type' => 'theme', 'bulk' => true, 'themes' => [self::FIXTURE_THEME]]);
        $this->assertTrippedOnce('category:marketing', 'theme update: sophmate-eb-theme 2.0 → 2.1', 'update', 'update');
        self::assertFalse($this->allowed('eb-newsletter'));

        // Already paused: the core update is the same incident; only the update itself is audited.
        $audit = count($this->audit_rows());
        do_action('upgrader_process_complete', null, ['action' => 'update', 'type' => 'core']);
        self::assertCount($audit + 1, $this->audit_rows());
        self::assertSame('update_installed', array_reverse($this->audit_rows())[0]['action'] ?? null);
        self::assertCount(1, $this->trips);

        $this->breakers('support', ['updates' => ['enabled' => true]]);
        $this->automation('eb-helpdesk', 'support');
        do_action('upgrader_process_complete', null, ['action' => 'update', 'type' => 'core']);
        $this->assertTrippedOnce('category:support', 'core update: WordPress ' . get_bloginfo('version'), 'update', 'update');
    }

    public function test_a_provider_outage_pauses_its_dependents_degraded_does_not_and_a_second_outage_writes_nothing(): void
    {
        self::assertSame(201, $this->rest('PUT', '/providers/eb-ai', ['label' => 'EB AI', 'hosts' => ['api.eb-ai.test']])->get_status());
        self::assertSame(200, $this->rest('PATCH', '/categories/support', ['providers' => ['eb-ai']])->get_status());
        $this->automation('eb-helpdesk', 'support');
        // content depends on it through one automation only; marketing does not depend on it.
        $this->automation('eb-writer', 'content', ['providers' => ['eb-ai']]);
        $this->automation('eb-newsletter', 'marketing');
        // An automation may opt out for itself, but its category's pause still holds it.
        $this->breakers('commerce', ['provider_outage' => ['enabled' => false]]);
        $this->automation('eb-checkout', 'commerce', ['providers' => ['eb-ai']]);

        self::assertSame(200, $this->rest('PUT', '/providers/eb-ai', ['status' => 'degraded'])->get_status());
        self::assertTrue($this->allowed('eb-helpdesk'), 'degraded does not trip');
        self::assertSame([], $this->trips);

        self::assertSame(200, $this->rest('PUT', '/providers/eb-ai', ['status' => 'outage'])->get_status());
        $reason = 'provider eb-ai: outage';
        $context = $this->assertTrippedOnce('category:support', $reason, 'breaker', 'provider_outage');
        self::assertSame(['outage', 'outage', 'provider_outage', 'eb-ai'], [$context['value'], $context['threshold'], $context['breaker'], $context['provider']]);
        $this->assertTrippedOnce('category:content', $reason, 'breaker', 'provider_outage');
        self::assertFalse($this->allowed('eb-helpdesk'));
        self::assertFalse($this->allowed('eb-writer'));
        self::assertTrue($this->allowed('eb-newsletter'), 'not a dependent');
        self::assertTrue($this->allowed('eb-checkout'), 'commerce turned the outage breaker off');
        self::assertSame([], $this->pauses('category:commerce'));

        // The status page flaps: back up and down again while still paused. Nothing new is paused,
        // audited as a pause or notified.
        $audit = count(array_filter($this->audit_rows(), static fn (array $r): bool => $r['action'] === 'pause'));
        $outbox = count($this->outbox('category:support')) + count($this->outbox('category:content'));
        $this->rest('PUT', '/providers/eb-ai', ['status' => 'operational']);
        $this->rest('PUT', '/providers/eb-ai', ['status' => 'outage']);
        do_action('sophmate_safe_mode_provider_changed', 'eb-ai', 'status', ['status' => 'degraded'], ['status' => 'outage']);
        self::assertCount($audit, array_filter($this->audit_rows(), static fn (array $r): bool => $r['action'] === 'pause'));
        self::assertSame($outbox, count($this->outbox('category:support')) + count($this->outbox('category:content')));
        self::assertCount(2, $this->trips);
    }

    public function test_a_provider_configuration_change_pauses_the_dependents_that_pause_on_updates(): void
    {
        self::assertSame(201, $this->rest('PUT', '/providers/eb-pay', ['label' => 'EB Pay', 'hosts' => ['api.eb-pay.test']])->get_status());
        self::assertSame(200, $this->rest('PATCH', '/categories/commerce', ['providers' => ['eb-pay']])->get_status());
        self::assertSame(200, $this->rest('PATCH', '/categories/support', ['providers' => ['eb-pay']])->get_status());
        $this->breakers('commerce', ['updates' => ['enabled' => true]]);
        $this->automation('eb-orders', 'commerce');
        $this->automation('eb-helpdesk', 'support');

        self::assertSame(200, $this->rest('PUT', '/providers/eb-pay', ['label' => 'EB Payments'])->get_status());
        self::assertTrue($this->allowed('eb-orders'), 'a new label changes nothing automation does');
        self::assertSame([], $this->trips);

        self::assertSame(200, $this->rest('PUT', '/providers/eb-pay', ['hosts' => ['api.eb-pay.test', 'v2.eb-pay.test']])->get_status());
        $context = $this->assertTrippedOnce('category:commerce', 'provider eb-pay: configuration changed (hosts)', 'update', 'provider_config');
        self::assertSame(['hosts'], $context['fields']);
        self::assertFalse($this->allowed('eb-orders'));
        self::assertTrue($this->allowed('eb-helpdesk'), 'support does not pause on updates');
    }

    public function test_the_dry_run_replays_audited_outages_provider_changes_and_updates_and_checks_stale_context_now(): void
    {
        $this->breakers('agent', ['provider_outage' => ['enabled' => false], 'updates' => ['enabled' => false]]);
        self::assertSame(201, $this->rest('PUT', '/providers/eb-sim', ['label' => 'EB Sim', 'hosts' => ['api.eb-sim.test']])->get_status());
        self::assertSame(200, $this->rest('PATCH', '/categories/agent', ['providers' => ['eb-sim']])->get_status());
        $this->automation('eb-agent', 'agent', ['freshness' => ['option' => self::SYNC_OPTION]]);
        update_option(self::SYNC_OPTION, time() - 3 * 3600, false);

        // With every one of these breakers off, nothing trips, but history keeps what happened.
        self::assertSame(200, $this->rest('PUT', '/providers/eb-sim', ['status' => 'outage'])->get_status());
        self::assertSame(200, $this->rest('PUT', '/providers/eb-sim', ['hosts' => ['api2.eb-sim.test']])->get_status());
        self::write_plugin('1.0');
        do_action('upgrader_process_complete', null, ['action' => 'update', 'type' => 'plugin', 'plugins' => [self::FIXTURE_PLUGIN . '/' . self::FIXTURE_PLUGIN . '.php']]);
        do_action(EventBreakersModule::FRESHNESS_HOOK);
        self::assertSame([], $this->trips);
        self::assertTrue($this->allowed('eb-agent'));
        $updates = array_values(array_filter($this->audit_rows(), static fn (array $row): bool => $row['action'] === 'update_installed'));
        self::assertCount(1, $updates, 'every update is audited, paused or not');
        self::assertSame(['site', 'plugin update: sophmate-eb-fixture 1.0', 'update'], [$updates[0]['scope'], $updates[0]['reason'], $updates[0]['source']]);

        $draft = ['provider_outage' => ['enabled' => true], 'updates' => ['enabled' => true], 'stale_context' => ['enabled' => true, 'max_age_minutes' => 60]];
        $response = $this->rest('POST', '/categories/agent/breakers/simulate', ['breakers' => $draft]);
        self::assertSame(200, $response->get_status(), (string) wp_json_encode($this->data($response)));
        self::assertSame([
            ['category:agent', 'provider_outage', 'provider eb-sim: outage', false],
            ['category:agent', 'provider_config', 'provider eb-sim: configuration changed (hosts)', false],
            ['category:agent', 'update', 'plugin update: sophmate-eb-fixture 1.0', false],
            ['automation:eb-agent', 'stale_context', 'context 3h old ≥ 1h (option ' . self::SYNC_OPTION . ')', true],
        ], array_map(static fn (array $t): array => [$t['scope'], $t['signal'], $t['reason'], $t['now']], $this->data($response)['trips']));
        self::assertSame([], $this->data($this->rest('POST', '/categories/agent/breakers/simulate'))['trips'], 'the current settings (all off) would not have tripped');
        self::assertSame([], $this->trips, 'a simulation pauses nothing');
    }

    public function test_an_option_timestamp_in_the_past_trips_the_stale_context_breaker_on_the_five_minute_check(): void
    {
        $this->automation('eb-sync', 'support', [
            'freshness' => ['option' => self::SYNC_OPTION],
            'breakers' => ['stale_context' => ['enabled' => true, 'max_age_minutes' => 120]],
        ]);
        // Same category, its own source is fresh (a date string this time).
        $this->automation('eb-fresh', 'support', [
            'freshness' => ['filter' => 'sophmate_eb_freshness'],
            'breakers' => ['stale_context' => ['enabled' => true, 'max_age_minutes' => 120]],
        ]);
        add_filter('sophmate_eb_freshness', static fn (): string => gmdate('Y-m-d H:i:s', time() - 300));
        update_option(self::SYNC_OPTION, time() - 100 * 60, false);

        do_action(EventBreakersModule::FRESHNESS_HOOK);
        self::assertSame([], $this->trips, '1h 40m old is within 2h');
        self::assertTrue($this->allowed('eb-sync'));

        update_option(self::SYNC_OPTION, time() - (3 * 3600 + 10 * 60 + 30), false);
        do_action(EventBreakersModule::FRESHNESS_HOOK);
        $context = $this->assertTrippedOnce('automation:eb-sync', 'context 3h 10m old ≥ 2h (option sophmate_eb_last_sync)', 'breaker', 'stale_context');
        self::assertSame([190, 120, 'stale_context', 'option sophmate_eb_last_sync'], [$context['value'], $context['threshold'], $context['breaker'], $context['freshness']]);
        self::assertFalse($this->allowed('eb-sync'), 'the automation stops');
        self::assertTrue($this->allowed('eb-fresh'), 'its neighbour with fresh context runs');
        self::assertSame('running', $this->category_states()['support'], 'only the stale automation is paused');

        // Still stale five minutes later: the same incident, nothing written.
        $audit = count($this->audit_rows());
        do_action(EventBreakersModule::FRESHNESS_HOOK);
        self::assertCount($audit, $this->audit_rows());
        self::assertCount(1, $this->trips);
    }

    public function test_a_run_starting_on_stale_context_is_refused_and_a_missing_source_counts_as_stale(): void
    {
        $this->breakers('commerce', ['stale_context' => ['enabled' => true, 'max_age_minutes' => 30]]);
        $this->automation('eb-feed', 'commerce', ['freshness' => ['filter' => 'sophmate_eb_freshness']]);
        $this->automation('eb-orders', 'commerce');
        $synced = time() - 10 * 60;
        add_filter('sophmate_eb_freshness', static function () use (&$synced) {
            return $synced;
        });

        $run = sophmate_safe_mode_start_run('eb-feed');
        self::assertTrue($run->is_allowed(), '10 minutes old is fresh enough');
        $run->succeed();

        $synced = null; // the feed's source lost its value
        $this->forget_caches();
        $run = sophmate_safe_mode_start_run('eb-feed');
        self::assertFalse($run->is_allowed(), 'the run that would have used stale context is refused');
        self::assertSame('skipped', $run->status());
        $reason = 'context age unknown: filter sophmate_eb_freshness is missing or holds no readable time ≥ 30m';
        $context = $this->assertTrippedOnce('automation:eb-feed', $reason, 'breaker', 'stale_context');
        self::assertSame(['unknown', 30, 'filter sophmate_eb_freshness'], [$context['value'], $context['threshold'], $context['freshness']]);
        self::assertTrue($this->allowed('eb-orders'), 'no freshness source declared: nothing to check');

        // A reviewed restart while the source is still broken: the trial's first run is a new incident.
        $restart = ['acknowledged' => Acknowledgements::REQUIRED, 'note' => 'Feed checked', 'scope' => ['max_runs' => 2]];
        self::assertSame(200, $this->rest('POST', '/automations/eb-feed/restart', $restart)->get_status());
        $this->forget_caches();
        self::assertFalse(sophmate_safe_mode_start_run('eb-feed')->is_allowed());
        self::assertCount(2, $this->pauses('automation:eb-feed'));
        self::assertCount(2, $this->outbox_of('automation:eb-feed', 'trip'));

        // Fixed, reviewed and restarted: the trial run goes through and nothing trips.
        $synced = gmdate('Y-m-d H:i:s');
        self::assertSame(200, $this->rest('POST', '/automations/eb-feed/restart', $restart)->get_status());
        $this->forget_caches();
        $run = sophmate_safe_mode_start_run('eb-feed');
        self::assertTrue($run->is_allowed());
        $run->succeed();
        self::assertCount(2, $this->pauses('automation:eb-feed'));
    }

    public function test_a_due_cron_event_of_an_automation_with_stale_context_does_not_run(): void
    {
        $calls = 0;
        add_action('sophmate_eb_cron_sync', static function () use (&$calls): void {
            $calls++;
        });
        $this->automation('eb-cron-sync', 'marketing', [
            'cron_hooks' => ['sophmate_eb_cron_sync'],
            'freshness' => ['option' => self::SYNC_OPTION],
            'breakers' => ['stale_context' => ['enabled' => true, 'max_age_minutes' => 60]],
        ]);
        update_option(self::SYNC_OPTION, gmdate('c', time() - 2 * 3600 - 5 * 60), false);
        wp_schedule_single_event(time() - 5, 'sophmate_eb_cron_sync');

        // As wp-cron.php runs a due event.
        $this->forget_caches();
        add_filter('wp_doing_cron', '__return_true');
        try {
            $timestamp = (int) wp_next_scheduled('sophmate_eb_cron_sync');
            wp_unschedule_event($timestamp, 'sophmate_eb_cron_sync', [], true);
            do_action('sophmate_eb_cron_sync');
        } finally {
            remove_filter('wp_doing_cron', '__return_true');
            remove_all_actions('sophmate_eb_cron_sync');
            wp_clear_scheduled_hook('sophmate_eb_cron_sync');
        }

        self::assertSame(0, $calls, 'the callback did not run on stale context');
        $this->assertTrippedOnce('automation:eb-cron-sync', 'context 2h 5m old ≥ 1h (option sophmate_eb_last_sync)', 'breaker', 'stale_context');
    }
}
