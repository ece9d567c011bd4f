<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Multisite;

use SophMate\SafeMode\Domain\Switches\SafeModeMode;
use SophMate\SafeMode\Domain\Switches\SafeModeRecord;

/** Network safe mode as stored: the same record as a site's safe mode, a version, or why it is unreadable. */
final class NetworkSafeModeState
{
    public function __construct(
        public readonly int $version,
        public readonly SafeModeRecord $record,
        public readonly ?string $corruption = null,
    ) {
    }

    /** The mode changes are judged against: an unreadable record counts as paused (it holds every site). */
    public function effective_mode(): SafeModeMode
    {
        return $this->corruption !== null ? SafeModeMode::Paused : $this->record->mode;
    }

    /** @return array<string,mixed> the shape of a site's safe_mode, plus state_error */
    public function view(): array
    {
        return $this->record->to_array() + ['version' => $this->version, 'state_error' => $this->corruption];
    }

    public function encode(): string
    {
        return (string) wp_json_encode(['version' => $this->version, 'safe_mode' => $this->record->to_array()], JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
    }

    /** @param mixed $raw */
    public static function decode($raw): self
    {
        if ($raw === null || $raw === false || $raw === '') {
            return new self(0, SafeModeRecord::off());
        }
        $data = is_string($raw) ? json_decode($raw, true) : null;
        if (!is_array($data) || !is_array($data['safe_mode'] ?? null)) {
            return new self(0, SafeModeRecord::off(), 'stored value is not valid JSON');
        }
        try {
            return new self((int) ($data['version'] ?? 0), SafeModeRecord::from_array($data['safe_mode']));
        } catch (\ValueError | \Exception $e) {
            return new self((int) ($data['version'] ?? 0), SafeModeRecord::off(), 'stored value is not a safe mode record');
        }
    }
}
