<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit;

use PHPUnit\Framework\TestCase;
use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Cadence\CategoryFacts;
use SophMate\SafeMode\Domain\Cadence\Contacts;
use SophMate\SafeMode\Domain\Cadence\DigestComposer;
use SophMate\SafeMode\Domain\Cadence\DueReason;
use SophMate\SafeMode\Domain\Cadence\Escalation;
use SophMate\SafeMode\Domain\Cadence\EscalationFinder;
use SophMate\SafeMode\Domain\Cadence\ReviewRecord;
use SophMate\SafeMode\Domain\Cadence\ReviewSchedule;
use SophMate\SafeMode\Domain\Config\Category;
use SophMate\SafeMode\Domain\Config\PausePolicy;
use SophMate\SafeMode\Domain\Drills\DrillOutcome;
use SophMate\SafeMode\Domain\Exception\InvalidInput;

/** Review cadence: due dates and reasons, marking done, escalations and the daily digest ladder. */
final class ReviewCadenceTest extends TestCase
{
    private static function utc(string $when): \DateTimeImmutable
    {
        return new \DateTimeImmutable($when, new \DateTimeZone('UTC'));
    }

    private static function review(string $when, string $note = 'Looked at it'): ReviewRecord
    {
        return ReviewRecord::from_input($note, ['runs', 'audit'], new Actor(7, 'lead', 'Ops Lead'), self::utc($when));
    }

    public function test_a_category_that_never_ran_has_no_review_date(): void
    {
        $view = (new ReviewSchedule('marketing'))->view(30, self::utc('2026-11-25T12:00:00Z'));
        self::assertNull($view->next_review_at);
        self::assertFalse($view->overdue);
        self::assertSame([], $view->due_reasons);
    }

    public function test_the_first_run_makes_the_review_due_at_once_and_only_once(): void
    {
        $first = (new ReviewSchedule('marketing'))->with_first_run(self::utc('2026-11-25T10:00:00Z'));
        self::assertNotNull($first);
        $view = $first->view(30, self::utc('2026-11-25T10:00:01Z'));
        self::assertTrue($view->overdue);
        self::assertSame('2026-11-25T10:00:00Z', $view->to_array()['next_review_at']);
        self::assertSame([DueReason::FIRST_RUN], array_column($view->to_array()['due_reasons'], 'reason'));
        self::assertNull($first->with_first_run(self::utc('2026-11-25T11:00:00Z')), 'a second run changes nothing');
    }

    public function test_a_first_run_after_a_review_is_not_due_again(): void
    {
        $reviewed = (new ReviewSchedule('marketing'))->done(self::review('2026-11-20T10:00:00Z'));
        $view = $reviewed->with_first_run(self::utc('2026-11-25T10:00:00Z'))->view(30, self::utc('2026-11-25T10:00:01Z'));
        self::assertFalse($view->overdue);
        self::assertSame('2026-12-20T10:00:00Z', $view->to_array()['next_review_at']);
    }

    public function test_failed_runs_and_provider_changes_make_it_due_without_repeating_the_same_reason(): void
    {
        $schedule = (new ReviewSchedule('marketing'))->done(self::review('2026-11-20T10:00:00Z'));
        $failed = $schedule->with_due(new DueReason(DueReason::FAILED_RUNS, self::utc('2026-11-25T09:00:00Z'), '3 failed runs'));
        self::assertNotNull($failed);
        self::assertNull($failed->with_due(new DueReason(DueReason::FAILED_RUNS, self::utc('2026-11-25T09:30:00Z'), '4 failed runs')), 'one pending failed-runs reason');
        $provider = $failed->with_due(new DueReason(DueReason::PROVIDER_CHANGE, self::utc('2026-11-25T11:00:00Z'), 'openai: operational → outage', 'openai'));
        self::assertNotNull($provider);
        self::assertNull($provider->with_due(new DueReason(DueReason::PROVIDER_CHANGE, self::utc('2026-11-25T11:05:00Z'), 'openai: outage → operational', 'openai')), 'one pending change per provider');
        self::assertNotNull($provider->with_due(new DueReason(DueReason::PROVIDER_CHANGE, self::utc('2026-11-25T11:05:00Z'), 'stripe: config', 'stripe')));
        self::assertSame('openai', ReviewSchedule::from_array('marketing', $provider->to_array())->due[1]->provider, 'the provider is stored');

        $view = $provider->view(30, self::utc('2026-11-25T12:00:00Z'));
        self::assertTrue($view->overdue);
        self::assertSame('2026-11-25T09:00:00Z', $view->to_array()['next_review_at'], 'the earliest reason sets the date');
        self::assertSame([DueReason::FAILED_RUNS, DueReason::PROVIDER_CHANGE], array_column($view->to_array()['due_reasons'], 'reason'));
    }

    public function test_monthly_review_comes_due_review_every_days_after_the_last_one(): void
    {
        $schedule = (new ReviewSchedule('marketing'))->with_first_run(self::utc('2026-10-01T08:00:00Z'))->done(self::review('2026-10-02T08:00:00Z'));
        self::assertFalse($schedule->view(30, self::utc('2026-10-31T00:00:00Z'))->overdue);
        $late = $schedule->view(30, self::utc('2026-11-02T09:00:00Z'));
        self::assertTrue($late->overdue);
        self::assertSame('2026-11-01T08:00:00Z', $late->to_array()['next_review_at']);
        self::assertSame(DueReason::SCHEDULED, $late->due_reasons[0]->reason);
        self::assertStringContainsString('30 days since the last review on 2026-10-02', $late->due_reasons[0]->detail);
        self::assertSame('2026-10-09T08:00:00Z', $schedule->view(7, self::utc('2026-10-03T00:00:00Z'))->to_array()['next_review_at'], 'review_every_days applies at once');
    }

    public function test_marking_done_answers_every_reason_and_records_who_what_and_why(): void
    {
        $schedule = (new ReviewSchedule('marketing'))->with_first_run(self::utc('2026-11-25T08:00:00Z'))
            ->with_due(new DueReason(DueReason::PROVIDER_CHANGE, self::utc('2026-11-25T09:00:00Z'), 'x'));
        $done = $schedule->done(self::review('2026-11-25T12:00:00Z', 'SMTP outage; fixed the retry'));
        $view = $done->view(30, self::utc('2026-11-25T12:00:01Z'));
        self::assertFalse($view->overdue);
        self::assertSame([], $view->due_reasons);
        self::assertSame('2026-12-25T12:00:00Z', $view->to_array()['next_review_at']);
        self::assertSame(['at' => '2026-11-25T12:00:00Z', 'actor' => ['id' => 7, 'login' => 'lead', 'name' => 'Ops Lead'], 'note' => 'SMTP outage; fixed the retry', 'reviewed' => ['runs', 'audit']], $view->to_array()['last_review']);
        $round = ReviewSchedule::from_array('marketing', $done->to_array());
        self::assertEquals($done->to_array(), $round->to_array(), 'stored form round-trips');
    }

    public function test_a_review_needs_a_note_and_known_items(): void
    {
        foreach ([['', []], ["  \n ", []], [null, []], ['ok', ['runs', 'vibes']], ['ok', 'nope'], ['ok', 5]] as [$note, $items]) {
            try {
                ReviewRecord::from_input($note, $items, Actor::system(), self::utc('2026-11-25T12:00:00Z'));
                self::fail('accepted ' . json_encode([$note, $items]));
            } catch (InvalidInput $e) {
                self::assertContains($e->error_code(), ['sophmate_invalid_note', 'sophmate_invalid_reviewed']);
                self::assertMatchesRegularExpression('/note|reviewed/', $e->getMessage());
            }
        }
        self::assertSame(['runs', 'drill'], ReviewRecord::from_input('fine', 'runs, drill,runs', Actor::system(), self::utc('2026-11-25T12:00:00Z'))->reviewed);
    }

    private static function category(string $slug, ?int $owner = 3, ?int $restart = null): Category
    {
        return new Category($slug, ucfirst($slug), '', true, $owner, 4, new PausePolicy(restart_owner_id: $restart));
    }

    public function test_escalations_name_overdue_ownerless_no_restart_owner_unpausable_and_touched_paused_scopes(): void
    {
        $now = self::utc('2026-11-25T12:00:00Z');
        $overdue = (new ReviewSchedule('marketing'))->with_first_run(self::utc('2026-11-20T10:00:00Z'))->view(30, $now);
        $fine = (new ReviewSchedule('content'))->done(self::review('2026-11-24T10:00:00Z'))->view(30, $now);
        $facts = [
            new CategoryFacts(self::category('marketing'), $overdue, true, null, 2, null, [['scope' => 'category:marketing', 'since' => self::utc('2026-11-24T09:00:00Z'), 'records' => 2]]),
            new CategoryFacts(self::category('content', null), $fine, false, null, 0, null),
            new CategoryFacts(self::category('commerce', 3, 99), $fine, true, false, 1, new DrillOutcome(5, 'commerce', false, self::utc('2026-11-22T00:00:00Z'), 'staging', [])),
            new CategoryFacts(self::category('system'), $fine, true, null, 1, new DrillOutcome(6, 'system', true, self::utc('2026-11-22T00:00:00Z'), 'staging', [])),
        ];
        $found = (new EscalationFinder())->find($facts, ['content:ownerless' => '2026-11-21T00:00:00Z'], $now);
        $rows = array_map(static fn (Escalation $e): array => [$e->category, $e->problem, $e->to_array()['since']], $found);
        self::assertSame([
            ['marketing', Escalation::OVERDUE_REVIEW, '2026-11-20T10:00:00Z'],
            ['marketing', Escalation::UNPAUSABLE, '2026-11-25T12:00:00Z'],
            ['marketing', Escalation::PAUSED_SCOPE_TOUCHED_RECORDS, '2026-11-24T09:00:00Z'],
            ['content', Escalation::OWNERLESS, '2026-11-21T00:00:00Z'],
            ['content', Escalation::NO_RESTART_OWNER, '2026-11-25T12:00:00Z'],
            ['commerce', Escalation::NO_RESTART_OWNER, '2026-11-25T12:00:00Z'],
            ['commerce', Escalation::UNPAUSABLE, '2026-11-22T00:00:00Z'],
        ], $rows, 'a passed drill and a fallback to the owner raise nothing');
        self::assertSame('category:marketing', $found[2]->review_scope);
        self::assertStringContainsString('2 record(s)', $found[2]->detail);
    }

    /** @return array{0:DigestComposer,1:\Closure} */
    private static function composer(): array
    {
        return [new DigestComposer(2, 5, 'Shop'), static fn (Escalation $e): string => 'https://example.test/wp-admin/admin.php?page=sophmate&view=category&slug=' . $e->category];
    }

    private static function escalation(string $category, string $problem, string $since): Escalation
    {
        return new Escalation($category, $problem, $problem . ' detail', self::utc($since));
    }

    public function test_owners_hear_at_once_backup_owners_after_n_days_and_administrators_after_m_days(): void
    {
        [$composer, $link] = self::composer();
        $contacts = ['marketing' => new Contacts('owner@example.test', 'backup@example.test')];
        $admins = ['admin@example.test'];
        $now = self::utc('2026-11-25T12:00:00Z');
        $targets = static function (string $since) use ($composer, $link, $contacts, $admins, $now): array {
            $plan = $composer->compose([self::escalation('marketing', Escalation::OVERDUE_REVIEW, $since)], $contacts, $admins, [], $now, $link);
            return array_map(static fn ($d): string => $d->target . '=' . $d->level, $plan->digests);
        };
        self::assertSame(['owner@example.test=owner'], $targets('2026-11-24T13:00:00Z'), 'day 0: the owner only');
        self::assertSame(['backup@example.test=backup_owner', 'owner@example.test=owner'], $targets('2026-11-23T12:00:00Z'), 'day 2: the backup owner too');
        self::assertSame(['admin@example.test=administrator', 'backup@example.test=backup_owner', 'owner@example.test=owner'], $targets('2026-11-20T12:00:00Z'), 'day 5: administrators too');
    }

    public function test_a_category_without_an_owner_goes_to_administrators_at_once(): void
    {
        [$composer, $link] = self::composer();
        $plan = $composer->compose(
            [self::escalation('content', Escalation::OWNERLESS, '2026-11-25T11:00:00Z')],
            ['content' => new Contacts(null, null, [], ['https://hooks.example.test/x'])],
            ['admin@example.test', 'ops@example.test'],
            [],
            self::utc('2026-11-25T12:00:00Z'),
            $link
        );
        self::assertSame(
            [['email', 'admin@example.test', 'administrator'], ['email', 'ops@example.test', 'administrator'], ['webhook', 'https://hooks.example.test/x', 'administrator']],
            array_map(static fn ($d): array => [$d->channel, $d->target, $d->level], $plan->digests)
        );
    }

    public function test_one_digest_per_recipient_lists_all_their_items_once_with_deep_links(): void
    {
        [$composer, $link] = self::composer();
        $contacts = [
            'marketing' => new Contacts('lead@example.test', null, ['Lead@example.test', 'team@example.test'], ['https://hooks.example.test/m']),
            'content' => new Contacts('lead@example.test', 'lead@example.test'),
        ];
        $plan = $composer->compose([
            self::escalation('marketing', Escalation::OVERDUE_REVIEW, '2026-11-25T10:00:00Z'),
            self::escalation('marketing', Escalation::UNPAUSABLE, '2026-11-25T10:00:00Z'),
            self::escalation('content', Escalation::OVERDUE_REVIEW, '2026-11-20T10:00:00Z'),
        ], $contacts, [], [], self::utc('2026-11-25T12:00:00Z'), $link);

        $by_target = [];
        foreach ($plan->digests as $digest) {
            $by_target[$digest->channel . ':' . $digest->target] = $digest;
        }
        self::assertSame(['email:lead@example.test', 'email:team@example.test', 'webhook:https://hooks.example.test/m'], array_keys($by_target), 'the same address in two roles gets one digest');
        $lead = $by_target['email:lead@example.test'];
        self::assertCount(3, $lead->items);
        self::assertSame('backup_owner', $lead->level, 'the highest rung reached');
        self::assertSame('[Shop] Automation safety: 3 items need attention (marketing, content)', $lead->subject);
        foreach ($lead->items as $item) {
            self::assertStringContainsString($item['url'], $lead->text);
            self::assertStringContainsString('slug=' . $item['category'], $item['url']);
        }
        self::assertSame(['category', 'problem', 'detail', 'url'], array_keys($lead->items[0]));
        self::assertStringContainsString("marketing: Review overdue\n  overdue_review detail\n  You hear of this as the owner (or a notification address) of this category (open 0 days).", $lead->text);
        self::assertStringContainsString("content: Review overdue\n  overdue_review detail\n  You hear of this as the backup owner: it has been open 5 days.", $lead->text);
        $team = $by_target['email:team@example.test'];
        self::assertSame('owner', $team->level);
        self::assertCount(2, $team->items);
        self::assertCount(2, $by_target['webhook:https://hooks.example.test/m']->items, 'a webhook hears of its own category only');
        self::assertSame(['channel', 'target', 'subject', 'text', 'items', 'level'], array_keys($lead->to_array()));
    }

    public function test_nobody_gets_a_second_digest_the_same_utc_day_but_does_the_next_day(): void
    {
        [$composer, $link] = self::composer();
        $escalations = [self::escalation('marketing', Escalation::OVERDUE_REVIEW, '2026-11-25T10:00:00Z')];
        $contacts = ['marketing' => new Contacts('owner@example.test', null, [], ['https://hooks.example.test/m'])];
        $first = $composer->compose($escalations, $contacts, [], [], self::utc('2026-11-25T12:00:00Z'), $link);
        self::assertCount(2, $first->digests);
        self::assertSame(['email:owner@example.test' => '2026-11-25', 'webhook:https://hooks.example.test/m' => '2026-11-25'], $first->log);

        $again = $composer->compose($escalations, $contacts, [], $first->log, self::utc('2026-11-25T23:59:00Z'), $link);
        self::assertSame([], $again->digests);
        self::assertSame(['email:owner@example.test', 'webhook:https://hooks.example.test/m'], $again->already_sent);

        $tomorrow = $composer->compose($escalations, $contacts, [], $again->log, self::utc('2026-11-26T00:01:00Z'), $link);
        self::assertCount(2, $tomorrow->digests);
        self::assertSame(['2026-11-26'], array_values(array_unique($tomorrow->log)), 'old days are dropped from the log');
    }
}
