<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Cadence\CadenceService;
use SophMate\SafeMode\Cadence\CadenceStore;
use SophMate\SafeMode\Cadence\DailyReview;
use SophMate\SafeMode\Cli\ReviewsCommand;

require_once __DIR__ . '/Support/wp-cli-double.php';

/** Review cadence and escalation against the real site: due dates from runs and provider changes, marking done, the daily digest. */
final class ReviewCadenceTest extends IntegrationTestCase
{
    /** @var list<array<string,mixed>> */
    private array $digests = [];
    private ?\Closure $capture = null;

    protected function setUp(): void
    {
        parent::setUp();
        \WP_CLI::reset();
        $this->digests = [];
        $this->capture = function (array $digest): void {
            $this->digests[] = $digest;
        };
        add_action(DailyReview::DIGEST_ACTION, $this->capture);
        // Settings outlive the per-test reset: start from the defaults this test relies on.
        $this->services->settings->update(['review_after_failed_runs' => 3, 'escalate_to_backup_after_days' => 2, 'escalate_to_admins_after_days' => 5]);
        sophmate_safe_mode_register_automation('cadence-mailer', ['label' => 'Cadence mailer', 'kind' => 'workflow', 'category' => 'marketing', 'owner' => 'admin', 'providers' => ['openai']]);
        // These tests fail runs on purpose to drive the cadence; the failures breaker would pause marketing.
        self::assertSame(200, $this->rest('PATCH', '/categories/marketing', ['breakers' => ['failures' => ['enabled' => false]]])->get_status());
    }

    protected function tearDown(): void
    {
        remove_action(DailyReview::DIGEST_ACTION, $this->capture);
        $this->services->settings->update(['review_after_failed_runs' => 3]);
        parent::tearDown();
    }

    private function run_once(bool $fail = false, bool $touch = false): void
    {
        $this->forget_caches();
        $run = sophmate_safe_mode_start_run('cadence-mailer', ['trigger' => 'manual']);
        self::assertTrue($run->is_allowed());
        if ($touch) {
            $run->touched('post', 42, 'update');
        }
        $fail ? $run->fail('SMTP refused') : $run->succeed();
    }

    /** @return array<string,mixed> */
    private function cadence(string $slug = 'marketing'): array
    {
        $response = $this->rest('GET', "/categories/{$slug}/cadence");
        self::assertSame(200, $response->get_status(), (string) wp_json_encode($this->data($response)));
        return $this->data($response);
    }

    /** @return list<array<string,mixed>> */
    private function audit_of(string $action): array
    {
        return array_values(array_filter($this->audit_rows(), static fn (array $row): bool => $row['action'] === $action));
    }

    private static function iso(string $modifier): string
    {
        return gmdate('Y-m-d\TH:i:s\Z', (int) strtotime($modifier));
    }

    /** Times the server computed from "now" may be a second or two off the test's own "now". */
    private static function assertNear(string $modifier, ?string $actual): void
    {
        self::assertNotNull($actual);
        self::assertEqualsWithDelta((int) strtotime($modifier), (int) strtotime($actual), 3, "$actual is about $modifier");
    }

    /** @param array<string,mixed> $schedule */
    private function store_schedule(string $slug, array $schedule): void
    {
        $stored = get_option(CadenceStore::OPTION, []);
        $stored[$slug] = $schedule + ['first_run_at' => null, 'due' => [], 'last_review' => null, 'scheduled_due_noted' => null];
        update_option(CadenceStore::OPTION, $stored, false);
        wp_cache_flush();
    }

    private function daily(): DailyReview
    {
        $store = new CadenceStore();
        return new DailyReview($this->services, new CadenceService($this->services, $store), $store);
    }

    public function test_the_first_run_makes_the_review_due_at_once_audited_once_and_shown_in_status(): void
    {
        $before = $this->cadence();
        self::assertNull($before['next_review_at']);
        self::assertFalse($before['overdue']);

        $this->run_once();
        $this->run_once();

        $after = $this->cadence();
        self::assertTrue($after['overdue']);
        self::assertSame(['first_run'], array_column($after['due_reasons'], 'reason'));
        self::assertNotNull($after['next_review_at']);
        $due = $this->audit_of('review_due');
        self::assertCount(1, $due, 'the second run writes nothing');
        self::assertSame('category:marketing', $due[0]['scope']);

        $status = $this->data($this->rest('GET', '/status'));
        $rows = array_column($status['categories'], null, 'slug');
        self::assertSame($after['next_review_at'], $rows['marketing']['next_review_at']);
        self::assertTrue($rows['marketing']['review_overdue']);
        self::assertNull($rows['content']['next_review_at']);
        self::assertFalse($rows['content']['review_overdue']);
    }

    public function test_failed_runs_reaching_the_threshold_make_the_review_due(): void
    {
        $this->run_once();
        self::assertSame(200, $this->rest('POST', '/categories/marketing/reviews', ['note' => 'First run looked fine'])->get_status());
        sleep(1); // Runs are stored to the second; one in the second of a review counts as reviewed.
        $this->run_once(true);
        $this->run_once(true);
        self::assertFalse($this->cadence()['overdue'], 'two failures are below the default threshold of 3');
        $this->run_once(true);
        $cadence = $this->cadence();
        self::assertTrue($cadence['overdue']);
        self::assertSame(['failed_runs'], array_column($cadence['due_reasons'], 'reason'));
        self::assertStringContainsString('3 failed runs in the last 24 hours', $cadence['due_reasons'][0]['detail']);
        $this->run_once(true);
        self::assertCount(2, $this->audit_of('review_due'), 'first run and the threshold, not every failure');

        self::assertSame(200, $this->rest('POST', '/categories/marketing/reviews', ['note' => 'Fixed SMTP'])->get_status());
        sleep(1); // Runs are stored to the second: the next ones must start after the review.
        $this->run_once(true);
        $this->run_once(true);
        self::assertFalse($this->cadence()['overdue'], 'failures the review already covered do not count again');
        $this->run_once(true);
        self::assertTrue($this->cadence()['overdue'], 'three new failures do');

        $this->services->settings->update(['review_after_failed_runs' => 10]);
        self::assertSame(200, $this->rest('POST', '/categories/marketing/reviews', ['note' => 'Fixed SMTP again'])->get_status());
        sleep(1);
        foreach (range(1, 3) as $_) {
            $this->run_once(true);
        }
        self::assertFalse($this->cadence()['overdue'], 'the threshold is a setting');
    }

    public function test_a_provider_change_makes_every_dependent_category_due(): void
    {
        self::assertSame(200, $this->rest('PATCH', '/categories/content', ['providers' => ['openai']])->get_status());
        $this->forget_caches();
        do_action('sophmate_safe_mode_provider_changed', 'openai', 'status', ['slug' => 'openai', 'status' => 'operational'], ['slug' => 'openai', 'status' => 'outage']);
        do_action('sophmate_safe_mode_provider_changed', 'openai', 'status', ['slug' => 'openai', 'status' => 'operational'], ['slug' => 'openai', 'status' => 'outage']);
        do_action('sophmate_safe_mode_provider_changed', 'stripe', 'config', [], ['slug' => 'stripe']);

        foreach (['marketing', 'content'] as $slug) {
            $cadence = $this->cadence($slug);
            self::assertTrue($cadence['overdue'], $slug);
            self::assertSame('provider_change', $cadence['due_reasons'][0]['reason']);
            self::assertStringContainsString('operational → outage', $cadence['due_reasons'][0]['detail']);
        }
        self::assertFalse($this->cadence('system')['overdue']);
        self::assertCount(2, $this->audit_of('review_due'), 'one per dependent category; the repeat adds nothing');
    }

    public function test_the_review_is_due_review_every_days_after_the_last_one(): void
    {
        $this->store_schedule('marketing', [
            'first_run_at' => self::iso('-90 days'),
            'last_review' => ['at' => self::iso('-31 days'), 'actor' => ['id' => 1, 'login' => 'admin', 'name' => 'Admin'], 'note' => 'ok', 'reviewed' => ['runs']],
        ]);
        $cadence = $this->cadence();
        self::assertTrue($cadence['overdue']);
        self::assertSame('scheduled', $cadence['due_reasons'][0]['reason']);
        self::assertNear('-1 day', $cadence['next_review_at']);

        $this->daily()->run();
        $this->daily()->run();
        self::assertCount(1, $this->audit_of('review_due'), 'the daily job announces a passed date once');

        self::assertSame(200, $this->rest('PATCH', '/categories/marketing', ['review_every_days' => 60])->get_status());
        $cadence = $this->cadence();
        self::assertFalse($cadence['overdue']);
        self::assertNear('+29 days', $cadence['next_review_at']);
    }

    public function test_marking_a_review_done_records_who_and_what_sets_the_next_date_and_checks_input_and_permission(): void
    {
        $this->run_once();
        $this->assertError($this->rest('POST', '/categories/marketing/reviews', ['note' => '   ']), 400, 'sophmate_invalid_note');
        $this->assertError($this->rest('POST', '/categories/marketing/reviews', ['reviewed' => ['runs']]), 400, 'sophmate_missing_param');
        $this->assertError($this->rest('POST', '/categories/marketing/reviews', ['note' => 'x', 'reviewed' => ['vibes']]), 400, 'sophmate_invalid_param');
        $this->assertError($this->rest('POST', '/categories/nope/reviews', ['note' => 'x']), 404, 'sophmate_unknown_category');
        self::assertSame([], $this->audit_of('review_done'), 'refusals write nothing');

        $backup = $this->user_with_role('subscriber');
        $stranger = $this->user_with_role('editor');
        $this->rest('PATCH', '/categories/marketing', ['backup_owner_id' => $backup]);
        wp_set_current_user($stranger);
        self::assertSame(403, $this->rest('POST', '/categories/marketing/reviews', ['note' => 'I looked'])->get_status());

        wp_set_current_user($backup);
        $response = $this->rest('POST', '/categories/marketing/reviews', ['note' => 'Checked the first run; records look right', 'reviewed' => ['runs', 'affected_records', 'runs']]);
        self::assertSame(200, $response->get_status(), (string) wp_json_encode($this->data($response)));
        $cadence = $this->data($response);
        self::assertFalse($cadence['overdue']);
        self::assertSame([], $cadence['due_reasons']);
        self::assertNear('+30 days', $cadence['next_review_at']);
        self::assertSame($backup, $cadence['last_review']['actor']['id']);
        self::assertSame(['runs', 'affected_records'], $cadence['last_review']['reviewed']);
        self::assertSame('Checked the first run; records look right', $cadence['last_review']['note']);

        $done = $this->audit_of('review_done');
        self::assertCount(1, $done);
        self::assertSame(['category:marketing', (string) $backup, 'Checked the first run; records look right'], [$done[0]['scope'], (string) $done[0]['actor_id'], $done[0]['reason']]);
        $context = json_decode((string) $done[0]['context'], true);
        self::assertSame(['runs', 'affected_records'], $context['reviewed']);
        self::assertSame(['first_run'], $context['answered']);

        wp_set_current_user($stranger);
        self::assertSame(403, $this->rest('POST', '/reviews/digest', ['dry_run' => true])->get_status(), 'the digest is for managers');
        self::assertSame(403, $this->rest('GET', '/reviews')->get_status());
    }

    /** Marketing: owner + backup + webhook, review overdue, paused with touched records. Content: no owner. */
    private function escalating_site(): array
    {
        $owner = $this->user_with_role('editor');
        $backup = $this->user_with_role('editor');
        foreach ([$owner, $backup] as $user) {
            get_userdata($user)->add_cap('sophmate_pause_automation'); // An owner who cannot pause counts as no owner.
        }
        $this->rest('PATCH', '/categories/marketing', ['owner_id' => $owner, 'backup_owner_id' => $backup, 'notify' => ['emails' => [], 'webhooks' => ['https://hooks.example.test/marketing']]]);
        $this->rest('PATCH', '/categories/content', ['owner_id' => null]);
        $this->run_once(true, true);
        self::assertSame(200, $this->rest('POST', '/categories/marketing/pause', ['reason' => 'Sent twice'])->get_status());
        return ['owner' => get_userdata($owner)->user_email, 'backup' => get_userdata($backup)->user_email, 'admin' => get_userdata(self::admin_id())->user_email];
    }

    public function test_the_daily_job_sends_one_digest_per_recipient_per_day_with_every_escalation(): void
    {
        $who = $this->escalating_site();

        $response = $this->rest('GET', '/reviews');
        self::assertSame(200, $response->get_status());
        $rows = array_column($this->data($response), null, 'category');
        self::assertSame(['overdue_review', 'unpausable', 'paused_scope_touched_records'], array_column($rows['marketing']['escalations'], 'problem'));
        // Automations registered by earlier tests of this process stay in the catalog; a category
        // with automations and no drill is unpausable as well.
        $content_expected = $this->services->catalog->automations_in('content') === [] ? ['ownerless', 'no_restart_owner'] : ['ownerless', 'no_restart_owner', 'unpausable'];
        self::assertSame($content_expected, array_column($rows['content']['escalations'], 'problem'));
        self::assertStringContainsString('view=review', $rows['marketing']['escalations'][2]['url']);

        $dry = $this->rest('POST', '/reviews/digest', ['dry_run' => true]);
        self::assertSame(200, $dry->get_status(), (string) wp_json_encode($this->data($dry)));
        self::assertNotEmpty($this->data($dry)['digests']);
        self::assertSame([], $this->digests, 'a dry run fires nothing');

        $sent = $this->data($this->rest('POST', '/reviews/digest'));
        self::assertSame(array_column($this->data($dry)['digests'], 'target'), array_column($sent['digests'], 'target'), 'the dry run showed what was sent');
        $targets = array_map(static fn (array $d): string => $d['channel'] . ':' . $d['target'], $this->digests);
        self::assertSame($targets, array_values(array_unique($targets)), 'one digest per recipient');
        $by_target = array_column($this->digests, null, 'target');
        self::assertArrayHasKey($who['owner'], $by_target);
        self::assertArrayNotHasKey($who['backup'], $by_target, 'the backup owner hears after 2 days, not on day one');
        self::assertSame(['overdue_review', 'unpausable', 'paused_scope_touched_records'], array_column($by_target[$who['owner']]['items'], 'problem'));
        self::assertSame('owner', $by_target[$who['owner']]['level']);
        self::assertStringContainsString('page=sophmate', $by_target[$who['owner']]['items'][0]['url']);
        self::assertStringContainsString($by_target[$who['owner']]['items'][2]['url'], $by_target[$who['owner']]['text']);
        self::assertSame('webhook', $by_target['https://hooks.example.test/marketing']['channel']);
        $admin = $by_target[$who['admin']];
        self::assertSame('administrator', $admin['level'], 'content has no owner: administrators at once');
        self::assertContains('ownerless', array_column($admin['items'], 'problem'));
        self::assertNotContains('overdue_review', array_column(array_filter($admin['items'], static fn (array $i): bool => $i['category'] === 'marketing'), 'problem'));

        $count = count($this->digests);
        $again = $this->data($this->rest('POST', '/reviews/digest'));
        self::assertCount($count, $this->digests, 'the same day: nothing more');
        self::assertSame([], $again['digests']);
        self::assertCount($count, $again['already_sent']);
        do_action(DailyReview::HOOK);
        self::assertCount($count, $this->digests, 'the cron event respects the same log');
    }

    public function test_an_owner_who_may_no_longer_pause_is_no_owner_and_administrators_hear_at_once(): void
    {
        $who = $this->escalating_site();
        $owner = get_user_by('email', $who['owner']);
        $owner->remove_cap('sophmate_pause_automation');
        $this->forget_caches();
        $this->daily()->run();
        $by_target = array_column($this->digests, null, 'target');
        self::assertContains('ownerless', array_column($by_target[$who['admin']]['items'], 'problem'));
        self::assertStringContainsString('may no longer pause', implode(' ', array_column($by_target[$who['admin']]['items'], 'detail')));
    }

    public function test_the_ladder_climbs_to_backup_owners_then_administrators_by_days_open(): void
    {
        $who = $this->escalating_site();
        $targets = function (string $since): array {
            $this->store_schedule('marketing', ['first_run_at' => $since, 'due' => [['reason' => 'first_run', 'at' => $since, 'detail' => 'first run']]]);
            update_option(CadenceStore::LOG_OPTION, ['sent' => [], 'seen' => []], false);
            $this->digests = [];
            $this->daily()->run();
            $out = [];
            foreach ($this->digests as $digest) {
                foreach ($digest['items'] as $item) {
                    if ($item['category'] === 'marketing' && $item['problem'] === 'overdue_review') {
                        $out[$digest['target']] = $digest['level'];
                    }
                }
            }
            ksort($out);
            return $out;
        };
        $expect = static function (array $levels): array {
            ksort($levels);
            return $levels;
        };
        self::assertSame($expect([$who['owner'] => 'owner', 'https://hooks.example.test/marketing' => 'owner']), $targets(self::iso('-1 day')));
        self::assertSame($expect([$who['owner'] => 'owner', $who['backup'] => 'backup_owner', 'https://hooks.example.test/marketing' => 'backup_owner']), $targets(self::iso('-3 days')));
        $late = $targets(self::iso('-6 days'));
        self::assertSame('administrator', $late[$who['admin']]);
        self::assertSame('backup_owner', $late[$who['backup']]);
    }

    /**
     * Every key of a response is declared in the route's schema (what the admin app's zod schemas read).
     *
     * @param array<string,mixed> $schema
     */
    private static function assertDeclared(array $schema, mixed $value, string $where): void
    {
        if (!is_array($value) || $value === []) {
            return;
        }
        if (array_is_list($value)) {
            foreach ($value as $i => $item) {
                self::assertDeclared($schema['items'] ?? [], $item, "{$where}[{$i}]");
            }
            return;
        }
        foreach ($value as $key => $item) {
            self::assertArrayHasKey($key, $schema['properties'] ?? [], "{$where}.{$key} is declared");
            self::assertDeclared($schema['properties'][$key], $item, "{$where}.{$key}");
        }
    }

    public function test_the_responses_hold_only_fields_their_route_schemas_declare(): void
    {
        $this->escalating_site();
        self::assertSame(200, $this->rest('POST', '/categories/support/reviews', ['note' => 'n', 'reviewed' => ['runs']])->get_status());
        foreach ([['GET', '/reviews', []], ['GET', '/categories/support/cadence', []], ['POST', '/reviews/digest', ['dry_run' => true]]] as [$method, $route, $body]) {
            $response = $this->rest($method, $route, $body);
            self::assertSame(200, $response->get_status(), $route);
            $schema = $this->data($this->rest('OPTIONS', $route))['schema'] ?? [];
            self::assertNotEmpty($schema, "$route declares a schema");
            self::assertDeclared($schema, $this->data($response), $route);
        }
    }

    public function test_the_daily_event_is_scheduled_on_activation_and_lazily_and_removed_on_deactivation(): void
    {
        DailyReview::unschedule();
        self::assertFalse(wp_next_scheduled(DailyReview::HOOK));
        $basename = plugin_basename((string) realpath(dirname(__DIR__, 3) . '/plugin.php'));
        self::assertNotFalse(has_action('activate_' . $basename, [DailyReview::class, 'ensure_scheduled']));
        self::assertNotFalse(has_action('deactivate_' . $basename, [DailyReview::class, 'unschedule']));
        self::assertNotFalse(has_action('admin_init', [DailyReview::class, 'ensure_scheduled']));
        self::assertTrue(has_action(DailyReview::HOOK));

        DailyReview::ensure_scheduled();
        $first = wp_next_scheduled(DailyReview::HOOK);
        self::assertIsInt($first);
        self::assertSame('daily', wp_get_schedule(DailyReview::HOOK));
        DailyReview::ensure_scheduled();
        self::assertSame($first, wp_next_scheduled(DailyReview::HOOK), 'scheduled once');
        DailyReview::unschedule();
        self::assertFalse(wp_next_scheduled(DailyReview::HOOK));
        DailyReview::ensure_scheduled();
    }

    public function test_wp_cli_lists_marks_done_and_runs_the_digest(): void
    {
        $this->escalating_site();
        $store = new CadenceStore();
        $cadence = new CadenceService($this->services, $store);
        $command = new ReviewsCommand($this->services, $cadence, new DailyReview($this->services, $cadence, $store));

        $command->list_([], ['format' => 'json']);
        $rows = array_column(\WP_CLI::$formatted[0]['rows'], null, 'category');
        self::assertSame('OVERDUE', $rows['marketing']['overdue']);
        self::assertStringContainsString('paused_scope_touched_records', (string) $rows['marketing']['escalations']);

        try {
            $command->done(['marketing'], ['note' => '']);
            self::fail('an empty note is refused');
        } catch (\WP_CLI\ExitException $e) {
            self::assertStringContainsString('sophmate_invalid_note', $e->getMessage());
        }
        $command->done(['marketing'], ['note' => 'Reviewed from the shell', 'reviewed' => 'runs,audit']);
        self::assertSame('success', \WP_CLI::$output[count(\WP_CLI::$output) - 1][0]);
        self::assertFalse($this->cadence()['overdue']);
        $done = $this->audit_of('review_done');
        self::assertSame('cli', $done[0]['source']);

        $command->digest([], ['dry-run' => true, 'format' => 'json']);
        self::assertSame([], $this->digests);
        self::assertStringContainsString('would be sent', \WP_CLI::$output[count(\WP_CLI::$output) - 1][1]);
        $command->digest([], ['format' => 'json']);
        self::assertNotEmpty($this->digests);
    }
}
