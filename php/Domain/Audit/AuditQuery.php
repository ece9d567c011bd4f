<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Audit;

use SophMate\SafeMode\Domain\Text;

/** Filters and paging for reading the audit log, newest first. */
final class AuditQuery
{
    public function __construct(
        public readonly ?string $scope = null,
        public readonly ?string $action = null,
        public readonly ?int $actor_id = null,
        public readonly ?\DateTimeImmutable $since = null,
        public readonly ?\DateTimeImmutable $until = null,
        public readonly int $page = 1,
        public readonly int $per_page = 50,
    ) {
        Text::filter($scope, 'scope');
        Text::filter($action, 'action');
    }
}
