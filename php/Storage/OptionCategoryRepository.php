<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Storage;

use SophMate\SafeMode\Domain\Config\BuiltinCategories;
use SophMate\SafeMode\Domain\Config\Category;

/**
 * Categories in one non-autoloaded option: only admin screens and governance actions read it,
 * not every request. Built-in categories always exist; the option stores what was changed or added.
 */
final class OptionCategoryRepository implements CategoryRepository
{
    public const OPTION = 'sophmate_safe_mode_categories';

    /** @var array<string,Category>|null */
    private ?array $cache = null;

    public function all(): array
    {
        if ($this->cache !== null) {
            return $this->cache;
        }
        $stored = get_option(self::OPTION, []);
        $stored = is_array($stored) ? $stored : [];
        $categories = [];
        foreach (BuiltinCategories::all() as $slug => $builtin) {
            $categories[$slug] = is_array($stored[$slug] ?? null)
                ? (self::decode(['slug' => $slug, 'builtin' => true] + $stored[$slug], $builtin) ?? $builtin)
                : $builtin;
        }
        foreach ($stored as $slug => $data) {
            if (!isset($categories[$slug]) && is_array($data) && is_string($slug) && $slug !== '') {
                $category = self::decode(['slug' => $slug, 'builtin' => false] + $data);
                if ($category !== null) {
                    $categories[$slug] = $category;
                }
            }
        }
        return $this->cache = $categories;
    }

    /**
     * One stored category, or null when its entry is damaged (values of the wrong type): a built-in
     * one then keeps its defaults, a custom one is left out, and no request logs a PHP warning.
     *
     * @param array<string,mixed> $data
     */
    private static function decode(array $data, ?Category $defaults = null): ?Category
    {
        set_error_handler(static function (int $severity, string $message): bool {
            throw new \UnexpectedValueException($message);
        }, E_WARNING | E_NOTICE | E_DEPRECATED);
        try {
            return Category::from_array($data, $defaults);
        } catch (\Exception | \TypeError) {
            return null;
        } finally {
            restore_error_handler();
        }
    }

    public function forget(): void
    {
        $this->cache = null;
    }

    public function save(Category $category): void
    {
        $stored = get_option(self::OPTION, []);
        $stored = is_array($stored) ? $stored : [];
        $data = $category->to_array();
        $data['breakers'] = (array) $data['breakers'];
        $stored[$category->slug] = $data;
        if (get_option(self::OPTION, null) === null) {
            add_option(self::OPTION, $stored, '', 'no');
        } else {
            update_option(self::OPTION, $stored, false);
        }
        $this->cache = null;
    }

    /** Seeds the built-ins with an owner on activation, keeping anything already configured. */
    public function seed_builtins(?int $owner_id): void
    {
        $stored = get_option(self::OPTION, []);
        $stored = is_array($stored) ? $stored : [];
        foreach (BuiltinCategories::all($owner_id) as $slug => $category) {
            if (!isset($stored[$slug])) {
                $this->cache = null;
                $this->save($category);
            }
        }
        $this->cache = null;
    }
}
