<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Storage;

use SophMate\SafeMode\Domain\Audit\AuditEntry;
use SophMate\SafeMode\Domain\Audit\AuditQuery;
use SophMate\SafeMode\Domain\Audit\ChainVerification;

/** Append-only, hash-chained record of every state change and governance action. */
interface AuditLog
{
    /** @return int the new entry's id */
    public function append(AuditEntry $entry): int;

    /** @return array{items:list<AuditEntry>,total:int} */
    public function find(AuditQuery $query): array;

    public function verify(): ChainVerification;
}
