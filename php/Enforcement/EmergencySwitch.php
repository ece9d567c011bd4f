<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Enforcement;

use SophMate\SafeMode\Domain\Decision\EmergencyState;
use SophMate\SafeMode\Domain\Switches\SafeModeMode;

/**
 * The last-resort switch: a wp-config constant or a flag file forces safe mode with no database
 * and no admin. Read once per request; the constant wins over the file.
 */
final class EmergencySwitch
{
    public const CONSTANT = 'SOPHMATE_SAFE_MODE';
    public const FLAG_FILE = 'sophmate-safe-mode.flag';

    private ?EmergencyState $state = null;

    /** @var (\Closure(bool):EmergencyState)|null network safe mode on multisite (php/Multisite); true = bypass caches */
    private ?\Closure $network = null;

    public function __construct(private readonly string $content_dir)
    {
    }

    /**
     * The stricter of the last-resort switch and network safe mode. The network layer is read on
     * every call (from WordPress' object cache), not kept for the request: a network administrator's
     * change must reach long-running workers at their next check ($fresh: a run's checkpoint reads
     * it from the database, as it does the switch board).
     */
    public function state(bool $fresh = false): EmergencyState
    {
        $local = $this->state ??= $this->read();
        if ($this->network === null || $local->mode === SafeModeMode::Paused) {
            return $local;
        }
        $network = ($this->network)($fresh);
        if (!$network->is_active() || ($local->is_active() && $local->mode === $network->mode)) {
            return $local; // On a tie the switch no admin screen can lift names the reason.
        }
        return $network;
    }

    /** @param \Closure(bool):EmergencyState $reader */
    public function read_network_from(\Closure $reader): void
    {
        $this->network = $reader;
    }

    public function flag_path(): string
    {
        return rtrim($this->content_dir, '/') . '/' . self::FLAG_FILE;
    }

    private function read(): EmergencyState
    {
        if (defined(self::CONSTANT)) {
            $mode = self::mode((string) constant(self::CONSTANT));
            if ($mode !== null) {
                return new EmergencyState($mode, 'constant');
            }
        }
        $path = $this->flag_path();
        if (is_file($path) && is_readable($path)) {
            // Any content other than read_only means paused: a flag file exists to stop things.
            $mode = self::mode((string) file_get_contents($path, false, null, 0, 64)) ?? SafeModeMode::Paused;
            return new EmergencyState($mode, 'file');
        }
        return new EmergencyState();
    }

    private static function mode(string $value): ?SafeModeMode
    {
        return match (strtolower(trim($value))) {
            'paused', 'on', '1', 'true' => SafeModeMode::Paused,
            'read_only', 'read-only', 'readonly' => SafeModeMode::ReadOnly,
            default => null,
        };
    }
}
