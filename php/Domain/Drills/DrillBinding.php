<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Drills;

/**
 * One thing a pause drill exercises: a cron hook, an inbound REST route or a provider an
 * automation is bound to, or the automation's own cooperative gate (decide/start_run).
 */
final class DrillBinding
{
    public const CRON = 'cron';
    public const REST = 'rest';
    public const PROVIDER = 'provider';
    public const COOPERATIVE = 'cooperative';
    public const TYPES = [self::COOPERATIVE, self::CRON, self::REST, self::PROVIDER];

    public function __construct(
        public readonly string $automation,
        public readonly string $type,
        public readonly string $target,
    ) {
        if (!in_array($type, self::TYPES, true)) {
            throw new \InvalidArgumentException(sprintf('Unknown drill binding type "%s".', $type));
        }
    }

    public function key(): string
    {
        return $this->automation . '|' . $this->type . '|' . $this->target;
    }

    /** @return array{automation:string,type:string,target:string} */
    public function to_array(): array
    {
        return ['automation' => $this->automation, 'type' => $this->type, 'target' => $this->target];
    }
}
