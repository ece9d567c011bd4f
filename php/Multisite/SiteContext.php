<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Multisite;

use SophMate\SafeMode\Services;

/**
 * switch_to_blog() plus what the plugin keeps per request: its copies of the switch board,
 * categories and providers belong to one site and must be dropped on the way in and out.
 */
final class SiteContext
{
    /** @return bool whether it switched (false: already on that site) */
    public static function enter(int $blog_id, Services $services): bool
    {
        if ($blog_id === get_current_blog_id()) {
            return false;
        }
        switch_to_blog($blog_id);
        self::forget($services);
        return true;
    }

    public static function leave(bool $switched, Services $services): void
    {
        if (!$switched) {
            return;
        }
        restore_current_blog();
        self::forget($services);
    }

    private static function forget(Services $services): void
    {
        $services->switch_store->forget();
        $services->categories->forget();
        $services->providers->forget();
        $services->catalog->forget_categories();
    }
}
