<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Domain\Runs\RunStatus;

/** What the overview reads at a glance: last run, failures and spend in 24 h, runs per hour. */
final class StatsTest extends IntegrationTestCase
{
    public function test_runs_per_hour_and_spend_per_day_cover_the_whole_window(): void
    {
        sophmate_safe_mode_register_automation('stats-agent', ['label' => 'Stats agent', 'kind' => 'agent', 'category' => 'agent', 'owner' => 'admin']);
        $ok = sophmate_safe_mode_start_run('stats-agent');
        $ok->spend(120, 'tokens');
        $ok->succeed();
        $bad = sophmate_safe_mode_start_run('stats-agent');
        $bad->spend(30, 'tokens');
        $bad->spend(0.02, 'usd');
        $bad->fail('provider said no');
        $this->services->runs->create('stats-agent', 'agent', 'cron', RunStatus::Succeeded, false, 1, '', '', [], new \DateTimeImmutable('-3 days'));

        $day = $this->data($this->rest('GET', '/stats', [], ['window' => '24h', 'category' => 'agent']));
        self::assertCount(24, $day['runs_per_hour']);
        self::assertSame(1, $day['totals']['succeeded'], 'the 3-day-old run is outside 24 h');
        self::assertSame(1, $day['totals']['failed']);
        $last_hour = end($day['runs_per_hour']);
        self::assertSame([1, 1], [$last_hour['succeeded'], $last_hour['failed']]);
        $spend = array_column($day['spend_per_day'], 'amount', 'unit');
        self::assertEqualsWithDelta(150.0, $spend['tokens'], 0.001);
        self::assertEqualsWithDelta(0.02, $spend['usd'], 0.0001);

        $week = $this->data($this->rest('GET', '/stats', [], ['window' => '7d']));
        self::assertCount(168, $week['runs_per_hour']);
        self::assertSame(2, $week['totals']['succeeded']);

        $this->assertError($this->rest('GET', '/stats', [], ['window' => '1y']), 400, 'sophmate_invalid_param');
        $this->assertError($this->rest('GET', '/stats', [], ['category' => 'ghosts']), 404, 'sophmate_unknown_category');
    }

    public function test_status_says_per_category_what_happened_last_and_flags_ownerless_ones(): void
    {
        sophmate_safe_mode_register_automation('stats-agent', ['label' => 'Stats agent', 'kind' => 'agent', 'category' => 'agent', 'owner' => 'admin']);
        $run = sophmate_safe_mode_start_run('stats-agent');
        $run->spend(42, 'tokens');
        $run->step('send reply');
        $run->fail('boom');
        $this->rest('PATCH', '/categories/image', ['owner_id' => null]);

        $categories = array_column($this->data($this->rest('GET', '/status'))['categories'], null, 'slug');
        self::assertSame(['status' => 'failed', 'automation' => 'stats-agent'], array_intersect_key($categories['agent']['last_run'], ['status' => 1, 'automation' => 1]));
        self::assertSame(1, $categories['agent']['failed_24h']);
        self::assertEquals(['tokens' => 42], (array) $categories['agent']['spend_24h']);
        self::assertNull($categories['content']['last_run']);
        self::assertTrue($categories['image']['ownerless']);
        self::assertFalse($categories['agent']['ownerless']);
        self::assertSame($run->id(), $categories['agent']['last_run']['id'], 'the overview links the last run by id');

        $automations = array_column($this->data($this->rest('GET', '/status'))['automations'], null, 'id');
        self::assertSame(
            ['id' => $run->id(), 'status' => 'failed', 'automation' => 'stats-agent', 'failed_step' => 'send reply'],
            array_intersect_key($automations['stats-agent']['last_run'], ['id' => 1, 'status' => 1, 'automation' => 1, 'failed_step' => 1])
        );
    }

    public function test_status_costs_the_same_queries_for_two_automations_as_for_twenty_two(): void
    {
        $count = function (int $automations): int {
            for ($i = 0; $i < $automations; $i++) {
                sophmate_safe_mode_register_automation('q-' . $automations . '-' . $i, ['label' => 'Q', 'kind' => 'workflow', 'category' => 'content', 'owner' => 'admin']);
                sophmate_safe_mode_start_run('q-' . $automations . '-' . $i)->succeed();
            }
            $this->forget_caches();
            $this->services->status->build();
            $before = $this->db->num_queries;
            $this->services->status->build();
            return $this->db->num_queries - $before;
        };
        $few = $count(2);
        $many = $count(20);
        self::assertSame($few, $many, 'no query per automation or category');
        $automations = array_column($this->services->status->build()['automations'], 'last_run', 'id');
        self::assertSame('succeeded', $automations['q-20-19']['status']);
    }
}
