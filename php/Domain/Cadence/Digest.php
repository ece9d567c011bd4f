<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Cadence;

/** One day's escalation digest for one recipient: the payload of sophmate_safe_mode_escalation_digest. */
final class Digest
{
    public const LEVELS = ['owner', 'backup_owner', 'administrator'];

    /** @param list<array{category:string,problem:string,detail:string,url:string}> $items */
    public function __construct(
        public readonly string $channel,
        public readonly string $target,
        public readonly string $subject,
        public readonly string $text,
        public readonly array $items,
        public readonly string $level,
    ) {
    }

    /** The sent-log key: one digest per channel and target per day. */
    public function key(): string
    {
        return self::key_of($this->channel, $this->target);
    }

    public static function key_of(string $channel, string $target): string
    {
        return $channel . ':' . strtolower(trim($target));
    }

    /** @return array{channel:string,target:string,subject:string,text:string,items:list<array{category:string,problem:string,detail:string,url:string}>,level:string} */
    public function to_array(): array
    {
        return [
            'channel' => $this->channel,
            'target' => $this->target,
            'subject' => $this->subject,
            'text' => $this->text,
            'items' => $this->items,
            'level' => $this->level,
        ];
    }
}
