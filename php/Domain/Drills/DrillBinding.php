<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Drills;

/**
 * One thing a pause drill exercises: a cron hook, an inbound REST route or a provider an
 * automation is bound to, the automation's own cooperative gate (decide/start_run), or for a
 * read-only automation, that its writes are refused after the drill put the category back.
 */
final class DrillBinding
{
    public const CRON = 'cron';
    public const REST = 'rest';
    public const PROVIDER = 'provider';
    public const COOPERATIVE = 'cooperative';
    /** A read-only automation's writes are refused once the category is back to its prior state. */
    public const READ_ONLY = 'read_only';
    public const TYPES = [self::COOPERATIVE, self::CRON, self::REST, self::PROVIDER, self::READ_ONLY];

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
