<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Storage;

use SophMate\SafeMode\Domain\Config\Category;

/** Category configuration (owners, policies, providers, notifications). */
interface CategoryRepository
{
    /** @return array<string,Category> every category, built-ins first, keyed by slug */
    public function all(): array;

    public function save(Category $category): void;
}
