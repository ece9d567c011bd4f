<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Config;

use SophMate\SafeMode\Domain\Exception\Conflict;
use SophMate\SafeMode\Domain\Exception\NotFound;

/**
 * Everything the site governs: categories and automations, whether registered by code on this request
 * or stored from the admin. Lookups by cron hook are indexed because the cron gate asks on every tick.
 */
final class Catalog
{
    /** @var array<string,Category>|null null until first needed: stored config costs a query */
    private ?array $categories = null;
    /** @var array<string,AutomationDefinition> */
    private array $automations = [];
    /** @var array<string,list<string>> hook => automation ids */
    private array $by_hook = [];

    /** @param (\Closure():array<string,Category>)|null $category_loader */
    public function __construct(private ?\Closure $category_loader = null)
    {
    }

    public function add_category(Category $category): void
    {
        $this->load_categories();
        $this->categories[$category->slug] = $category;
    }

    /** Drops loaded categories so the next lookup reads stored config again (after an edit). */
    public function forget_categories(): void
    {
        if ($this->category_loader !== null) {
            $this->categories = null;
        }
    }

    /** @return array<string,Category> */
    private function load_categories(): array
    {
        if ($this->categories === null) {
            $this->categories = $this->category_loader !== null ? ($this->category_loader)() : [];
        }
        return $this->categories;
    }

    public function add_automation(AutomationDefinition $automation): void
    {
        $existing = $this->automations[$automation->id] ?? null;
        if ($existing !== null) {
            if ($existing->same_as($automation)) {
                return;
            }
            throw new Conflict(
                'sophmate_duplicate_automation',
                sprintf('An automation with id "%s" is already registered with different arguments.', $automation->id)
            );
        }
        // Built-in categories always exist, so the common case needs no stored config.
        if (!in_array($automation->category, BuiltinCategories::slugs(), true) && !$this->has_category($automation->category)) {
            throw new NotFound(
                'sophmate_unknown_category',
                sprintf('Automation "%s" names category "%s", which does not exist. Known: %s.', $automation->id, $automation->category, implode(', ', array_keys($this->load_categories())))
            );
        }
        $this->automations[$automation->id] = $automation;
        foreach ($automation->cron_hooks as $hook) {
            $this->by_hook[$hook][] = $automation->id;
        }
    }

    public function remove_automation(string $id): void
    {
        unset($this->automations[$id]);
        $this->by_hook = [];
        foreach ($this->automations as $automation) {
            foreach ($automation->cron_hooks as $hook) {
                $this->by_hook[$hook][] = $automation->id;
            }
        }
    }

    public function has_category(string $slug): bool
    {
        return isset($this->load_categories()[$slug]);
    }

    public function category(string $slug): Category
    {
        return $this->load_categories()[$slug] ?? throw new NotFound('sophmate_unknown_category', sprintf('There is no category "%s".', $slug));
    }

    public function has_automation(string $id): bool
    {
        return isset($this->automations[$id]);
    }

    public function automation(string $id): AutomationDefinition
    {
        return $this->automations[$id] ?? throw new NotFound('sophmate_unknown_automation', sprintf('There is no automation "%s".', $id));
    }

    public function find_automation(string $id): ?AutomationDefinition
    {
        return $this->automations[$id] ?? null;
    }

    /** @return array<string,Category> */
    public function categories(): array
    {
        return $this->load_categories();
    }

    /** @return array<string,AutomationDefinition> */
    public function automations(): array
    {
        return $this->automations;
    }

    /** @return list<AutomationDefinition> */
    public function automations_in(string $category): array
    {
        return array_values(array_filter($this->automations, static fn (AutomationDefinition $a): bool => $a->category === $category));
    }

    /** @return list<string> automation ids bound to this cron hook */
    public function automations_for_hook(string $hook): array
    {
        return $this->by_hook[$hook] ?? [];
    }
}
