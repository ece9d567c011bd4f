<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Tests\unit;

use PHPUnit\Framework\TestCase;
use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Audit\AuditEntry;
use SophMate\SafeMode\Domain\Config\BuiltinCategories;
use SophMate\SafeMode\Domain\Config\Catalog;
use SophMate\SafeMode\Domain\Exception\StorageUnavailable;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\Source;
use SophMate\SafeMode\Domain\Switches\SwitchBoard;
use SophMate\SafeMode\Domain\Switches\SwitchService;
use SophMate\SafeMode\Storage\AuditLog;
use SophMate\SafeMode\Storage\Transaction;
use SophMate\SafeMode\Tests\unit\Support\FakeTrialUsage;
use SophMate\SafeMode\Tests\unit\Support\FixedClock;
use SophMate\SafeMode\Tests\unit\Support\InMemoryAuditLog;
use SophMate\SafeMode\Tests\unit\Support\InMemorySwitchStateStore;

/**
 * A switch change and its audit entry run inside one transaction: when the audit write fails the
 * transaction undoes the swap, the error reaches the caller and no listener hears of a change.
 * (The database half is proven against real MariaDB in tests/faults and MissingTablesTest.)
 */
final class SwitchChangeAtomicityTest extends TestCase
{
    public function test_a_failed_audit_write_undoes_the_swap_and_is_reported(): void
    {
        $store = new InMemorySwitchStateStore();
        $failing_audit = new class implements AuditLog {
            public function append(AuditEntry $entry): int
            {
                throw new StorageUnavailable('sophmate_audit_write_failed', 'The audit entry could not be written.');
            }
            public function find(\SophMate\SafeMode\Domain\Audit\AuditQuery $query): array
            {
                return ['items' => [], 'total' => 0];
            }
            public function verify(): \SophMate\SafeMode\Domain\Audit\ChainVerification
            {
                return new \SophMate\SafeMode\Domain\Audit\ChainVerification(true, 0);
            }
        };
        // A transaction over the in-memory store: a rollback restores the board it started from.
        $transaction = new class ($store) implements Transaction {
            public int $rolled_back = 0;
            public function __construct(private readonly InMemorySwitchStateStore $store)
            {
            }
            public function atomically(callable $work): mixed
            {
                $saved = $this->store->board;
                try {
                    return $work();
                } catch (\Throwable $e) {
                    $this->store->board = $saved;
                    $this->rolled_back++;
                    throw $e;
                }
            }
        };
        $service = new SwitchService($store, $failing_audit, new Catalog(static fn () => BuiltinCategories::all()), new FakeTrialUsage(), new FixedClock(), [], $transaction);

        try {
            $service->pause(Scope::category('marketing'), 'no audit, no pause', new Actor(1, 'a', 'A'), Source::Admin);
            self::fail('the failed audit write must reach the caller');
        } catch (StorageUnavailable $e) {
            self::assertSame('sophmate_audit_write_failed', $e->error_code());
        }
        self::assertSame(1, $transaction->rolled_back);
        self::assertSame(SwitchBoard::empty()->to_array(), $store->board->to_array(), 'the swap was undone');
    }

    public function test_the_swap_and_the_audit_entry_happen_inside_the_same_transaction(): void
    {
        $store = new InMemorySwitchStateStore();
        $audit = new InMemoryAuditLog();
        $transaction = new class implements Transaction {
            public int $calls = 0;
            public function atomically(callable $work): mixed
            {
                $this->calls++;
                return $work();
            }
        };
        $service = new SwitchService($store, $audit, new Catalog(static fn () => BuiltinCategories::all()), new FakeTrialUsage(), new FixedClock(), [], $transaction);
        $service->pause(Scope::category('marketing'), 'x', new Actor(1, 'a', 'A'), Source::Admin);
        $service->pause(Scope::category('marketing'), 'again: no change, no transaction', new Actor(1, 'a', 'A'), Source::Admin);

        self::assertSame(1, $transaction->calls);
        self::assertSame(1, $store->swaps);
        self::assertCount(1, $audit->entries);
    }
}
