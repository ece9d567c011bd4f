<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Config;

enum AutomationKind: string
{
    case Workflow = 'workflow';
    case Watcher = 'watcher';
    case Agent = 'agent';
    case Playbook = 'playbook';
    case CustomTool = 'custom_tool';

    /** @return list<string> */
    public static function values(): array
    {
        return array_map(static fn (self $k): string => $k->value, self::cases());
    }
}
