<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit\Support;

use SophMate\SafeMode\Domain\Audit\AuditEntry;
use SophMate\SafeMode\Domain\Audit\AuditQuery;
use SophMate\SafeMode\Domain\Audit\ChainVerification;
use SophMate\SafeMode\Storage\AuditLog;

final class InMemoryAuditLog implements AuditLog
{
    /** @var list<AuditEntry> */
    public array $entries = [];

    public function append(AuditEntry $entry): int
    {
        $prev = $this->entries === [] ? '' : end($this->entries)->hash;
        $id = count($this->entries) + 1;
        $this->entries[] = new AuditEntry(
            $entry->action,
            $entry->scope,
            $entry->before,
            $entry->after,
            $entry->reason,
            $entry->actor,
            $entry->source,
            $entry->created_at,
            $entry->context,
            $id,
            $entry->hash_with($prev),
            $prev
        );
        return $id;
    }

    public function find(AuditQuery $query): array
    {
        return ['items' => array_reverse($this->entries), 'total' => count($this->entries)];
    }

    public function verify(): ChainVerification
    {
        $prev = '';
        foreach ($this->entries as $i => $entry) {
            if ($entry->hash !== $entry->hash_with($prev)) {
                return new ChainVerification(false, $i + 1, $entry->id);
            }
            $prev = $entry->hash;
        }
        return new ChainVerification(true, count($this->entries));
    }
}
