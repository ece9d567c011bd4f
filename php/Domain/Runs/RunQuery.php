<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Runs;

use SophMate\SafeMode\Domain\Text;

/** Filters and paging for run history, newest first. */
final class RunQuery
{
    public function __construct(
        public readonly ?string $category = null,
        public readonly ?string $automation = null,
        public readonly ?string $status = null,
        public readonly ?\DateTimeImmutable $since = null,
        public readonly ?\DateTimeImmutable $until = null,
        public readonly int $page = 1,
        public readonly int $per_page = 50,
    ) {
        Text::filter($category, 'category');
        Text::filter($automation, 'automation');
        Text::filter($status, 'status');
    }
}
