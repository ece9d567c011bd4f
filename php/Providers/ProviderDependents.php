<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Providers;

use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Exception\Conflict;

/** Which categories and automations name a provider: shown with it, and what blocks its deletion. */
final class ProviderDependents
{
    public function __construct(private readonly Catalog $catalog)
    {
    }

    /** @return array{categories:list<string>,automations:list<string>} */
    public function of(string $slug): array
    {
        $categories = [];
        foreach ($this->catalog->categories() as $category) {
            if (in_array($slug, $category->providers, true)) {
                $categories[] = $category->slug;
            }
        }
        $automations = [];
        foreach ($this->catalog->automations() as $automation) {
            if (in_array($slug, $automation->providers, true)) {
                $automations[] = $automation->id;
            }
        }
        return ['categories' => $categories, 'automations' => $automations];
    }

    /** @throws Conflict naming every category and automation that still depends on the provider */
    public function assert_unused(string $slug): void
    {
        $used = $this->of($slug);
        if ($used['categories'] === [] && $used['automations'] === []) {
            return;
        }
        $names = array_merge(
            array_map(static fn (string $c): string => 'category ' . $c, $used['categories']),
            array_map(static fn (string $a): string => 'automation ' . $a, $used['automations'])
        );
        throw new Conflict(
            'sophmate_provider_in_use',
            sprintf('Provider "%s" is still named by %s; remove it there first.', $slug, implode(', ', $names)),
            ['used_by' => $used]
        );
    }
}
