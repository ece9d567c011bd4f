<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Admin;

/**
 * Addresses of the operator console's views, for anything that points a person at them from
 * outside the app: admin notices, the admin bar and notification emails.
 *
 * The query arguments are the ones the app's router reads (src/utils/route.ts). The URLs are
 * raw: escape them where they are printed (esc_url) or put into a plain-text email as they are.
 */
final class ConsoleUrls
{
    public const KIND_CATEGORY = 'category';
    public const KIND_AUTOMATION = 'automation';

    /** The overview: safe mode, categories, automations. */
    public static function overview(): string
    {
        return admin_url('admin.php?page=' . AdminPage::SLUG);
    }

    /** The page of one category. */
    public static function category(string $slug): string
    {
        return self::with(['view' => 'category', 'slug' => $slug]);
    }

    /** The page of one automation. */
    public static function automation(string $id): string
    {
        return self::with(['view' => 'automation', 'id' => $id]);
    }

    /**
     * The page of a category or an automation, by the kind names the switch board uses.
     *
     * @param string $kind `category` or `automation`.
     */
    public static function scope(string $kind, string $id): string
    {
        return $kind === self::KIND_CATEGORY ? self::category($id) : self::automation($id);
    }

    /**
     * The restart review of a paused scope: `global`, `category:SLUG` or `automation:ID`.
     */
    public static function review(string $scope): string
    {
        return self::with(['view' => 'review', 'scope' => $scope]);
    }

    /** The detail of one run. */
    public static function run(int $id): string
    {
        return self::with(['view' => 'run', 'id' => (string) $id]);
    }

    /**
     * @param array<string, string> $args
     */
    private static function with(array $args): string
    {
        // add_query_arg() does not encode values; ids may be any string an integrator chose.
        return add_query_arg(array_map('rawurlencode', $args), self::overview());
    }
}
