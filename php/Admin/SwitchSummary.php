<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Admin;

use SophMate\SafeMode\Domain\Decision\EmergencyState;
use SophMate\SafeMode\Domain\Switches\SafeModeMode;
use SophMate\SafeMode\Domain\Switches\SwitchBoard;
use SophMate\SafeMode\Domain\Switches\SwitchRecord;
use SophMate\SafeMode\Domain\Switches\SwitchState;
use SophMate\SafeMode\Plugin;
use SophMate\SafeMode\Services;

/**
 * What the admin bar, the notices and the plugins screen say about the switches, read only from
 * the switch board (one autoloaded option) and the last-resort switch, so that asking costs no
 * database query. Naming scopes by their labels is left to callers that only do it when something
 * is paused.
 */
final class SwitchSummary
{
    public const TONE_RUNNING = 'running';
    public const TONE_PAUSED = 'paused';
    public const TONE_SAFE_MODE = 'safe-mode';
    public const TONE_HELD = 'held';

    private function __construct(
        public readonly SwitchBoard $board,
        public readonly EmergencyState $emergency,
    ) {
    }

    public static function of(Services $services): self
    {
        return new self($services->switch_store->load(), $services->emergency->state());
    }

    public static function can_see(): bool
    {
        return current_user_can(Plugin::CAP_PAUSE) || current_user_can(Plugin::CAP_MANAGE);
    }

    /** True when nothing is paused, in trial, in safe mode, forced or unreadable. */
    public function is_quiet(): bool
    {
        return $this->board->is_quiet() && !$this->emergency->is_active();
    }

    public function count(SwitchState $state): int
    {
        $count = 0;
        foreach ([$this->board->categories, $this->board->automations] as $records) {
            foreach ($records as $record) {
                $count += $record->state === $state ? 1 : 0;
            }
        }
        return $count;
    }

    /** Whether "Pause all automation" would change anything: it is moot while everything is already stopped. */
    public function everything_paused(): bool
    {
        return $this->board->safe_mode->mode === SafeModeMode::Paused
            || ($this->emergency->is_active() && $this->emergency->mode === SafeModeMode::Paused);
    }

    public function tone(): string
    {
        if ($this->board->is_corrupt()) {
            return self::TONE_HELD;
        }
        if ($this->emergency->is_active() || $this->board->safe_mode->is_on()) {
            return self::TONE_SAFE_MODE;
        }
        return $this->is_quiet() ? self::TONE_RUNNING : self::TONE_PAUSED;
    }

    /** The one-line state, e.g. "Automation: 2 paused". */
    public function headline(): string
    {
        if ($this->board->is_corrupt()) {
            return __('Automation: HELD (state unreadable)', 'sophmate-safe-mode');
        }
        if ($this->emergency->is_active()) {
            $read_only = $this->emergency->mode === SafeModeMode::ReadOnly;
            if ($this->emergency->via === 'network') {
                return $read_only
                    ? __('Automation: NETWORK SAFE MODE, read-only', 'sophmate-safe-mode')
                    : __('Automation: NETWORK SAFE MODE', 'sophmate-safe-mode');
            }
            if ($this->emergency->via === 'constant') {
                return $read_only
                    ? __('Automation: SAFE MODE, read-only (forced by wp-config constant)', 'sophmate-safe-mode')
                    : __('Automation: SAFE MODE (forced by wp-config constant)', 'sophmate-safe-mode');
            }
            return $read_only
                ? __('Automation: SAFE MODE, read-only (forced by flag file)', 'sophmate-safe-mode')
                : __('Automation: SAFE MODE (forced by flag file)', 'sophmate-safe-mode');
        }
        return $this->stored_headline();
    }

    /** The headline of the stored switches alone, whatever the last-resort switch says. */
    public function stored_headline(): string
    {
        if ($this->board->safe_mode->is_on()) {
            return $this->board->safe_mode->mode === SafeModeMode::ReadOnly
                ? __('Automation: SAFE MODE (read-only)', 'sophmate-safe-mode')
                : __('Automation: SAFE MODE', 'sophmate-safe-mode');
        }
        $parts = [];
        $paused = $this->count(SwitchState::Paused);
        $trial = $this->count(SwitchState::Trial);
        if ($paused > 0) {
            /* translators: %d: number of paused categories and automations */
            $parts[] = sprintf(_n('%d paused', '%d paused', $paused, 'sophmate-safe-mode'), $paused);
        }
        if ($trial > 0) {
            /* translators: %d: number of categories and automations restarted in trial */
            $parts[] = sprintf(_n('%d in trial', '%d in trial', $trial, 'sophmate-safe-mode'), $trial);
        }
        if ($parts === []) {
            return __('Automation: running', 'sophmate-safe-mode');
        }
        /* translators: %s: e.g. "2 paused" or "2 paused, 1 in trial" */
        return sprintf(__('Automation: %s', 'sophmate-safe-mode'), implode(', ', $parts));
    }

    /**
     * Every category and automation switch that is not running, categories first.
     *
     * @return list<array{kind:string,id:string,record:SwitchRecord}>
     */
    public function records(): array
    {
        $out = [];
        foreach ($this->board->categories as $slug => $record) {
            $out[] = ['kind' => 'category', 'id' => (string) $slug, 'record' => $record];
        }
        foreach ($this->board->automations as $id => $record) {
            $out[] = ['kind' => 'automation', 'id' => (string) $id, 'record' => $record];
        }
        return $out;
    }

    public static function state_label(SwitchState $state): string
    {
        return match ($state) {
            SwitchState::Paused => __('paused', 'sophmate-safe-mode'),
            SwitchState::Trial => __('in trial', 'sophmate-safe-mode'),
            SwitchState::Running => __('running', 'sophmate-safe-mode'),
        };
    }

    public static function page_url(): string
    {
        return ConsoleUrls::overview();
    }
}
