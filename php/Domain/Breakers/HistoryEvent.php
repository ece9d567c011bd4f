<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Breakers;

/**
 * One thing from stored history the simulator replays: a run outcome, a spend record or a touched
 * record (from the runs tables), or a provider outage, a provider configuration change or a
 * plugin/theme/core update (from the audit log). `record` is "type:action" for a touched record
 * and the provider's slug for provider events; `detail` says what changed ("hosts", or
 * "plugin update: woocommerce 9.1 → 9.2").
 */
final class HistoryEvent
{
    public const OUTCOME = 'outcome';
    public const SPEND = 'spend';
    public const TOUCHED = 'touched';
    public const PROVIDER_OUTAGE = 'provider_outage';
    public const PROVIDER_CONFIG = 'provider_config';
    public const UPDATE = 'update';

    public function __construct(
        public readonly string $type,
        public readonly \DateTimeImmutable $at,
        public readonly string $automation,
        public readonly bool $failed = false,
        public readonly float $amount = 0.0,
        public readonly string $unit = '',
        public readonly string $record = '',
        public readonly string $detail = '',
    ) {
    }

    public function is_site_event(): bool
    {
        return in_array($this->type, [self::PROVIDER_OUTAGE, self::PROVIDER_CONFIG, self::UPDATE], true);
    }
}
