<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\integration;

use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\Source;
use SophMate\SafeMode\Storage\OptionSwitchStateStore;

/**
 * With a persistent object cache shared by web nodes, the cached alloptions copy of the switch board
 * can stay stale after a change (a request that read the options before the change adds them to the
 * cache after the change deleted them). The gate must decide from the stored row then. The real thing
 * (two php -S nodes and Redis) is npm run test:scale; this reproduces the stale copy in this
 * request's own object cache, with WordPress told that the cache is persistent.
 */
final class PersistentCacheSwitchReadTest extends IntegrationTestCase
{
    private bool $was_external = false;

    protected function setUp(): void
    {
        parent::setUp();
        $this->was_external = (bool) wp_using_ext_object_cache();
    }

    protected function tearDown(): void
    {
        wp_using_ext_object_cache($this->was_external);
        $this->forget_caches();
        parent::tearDown();
    }

    public function test_with_a_persistent_cache_a_stale_cached_board_does_not_let_a_paused_category_run(): void
    {
        $stale = $this->cached_board_then_pause_marketing();
        wp_using_ext_object_cache(true);
        $this->services->switch_store->forget();

        self::assertSame($stale, wp_load_alloptions()[OptionSwitchStateStore::OPTION], 'the cache holds the pre-pause board');
        $decision = $this->services->gate->decide_category('marketing');
        self::assertTrue($decision->is_blocked(), 'decided from the stored row: ' . $decision->reason());
    }

    public function test_without_a_persistent_cache_the_board_rides_on_alloptions(): void
    {
        // Documents the other branch: no persistent cache means alloptions is this request's own
        // database read (no extra query), so a copy planted here is what the request sees.
        $this->cached_board_then_pause_marketing();
        wp_using_ext_object_cache(false);
        $this->services->switch_store->forget();

        self::assertFalse($this->services->gate->decide_category('marketing')->is_blocked());
    }

    /** Pauses marketing in the database, then puts the pre-pause board back into the cached alloptions. */
    private function cached_board_then_pause_marketing(): string
    {
        $this->forget_caches();
        $this->services->switch_store->ensure_exists();
        $before = OptionSwitchStateStore::encode($this->services->switch_store->load_fresh());
        $this->services->switches->pause(Scope::category('marketing'), 'stale cache test', Actor::system(), Source::Rest);
        $alloptions = wp_load_alloptions(true);
        $alloptions[OptionSwitchStateStore::OPTION] = $before;
        wp_cache_set('alloptions', $alloptions, 'options');
        return $before;
    }
}
