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
                ? Category::from_array(['slug' => $slug, 'builtin' => true] + $stored[$slug], $builtin)
                : $builtin;
        }
        foreach ($stored as $slug => $data) {
            if (!isset($categories[$slug]) && is_array($data) && is_string($slug) && $slug !== '') {
                $categories[$slug] = Category::from_array(['slug' => $slug, 'builtin' => false] + $data);
            }
        }
        return $this->cache = $categories;
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
