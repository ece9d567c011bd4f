<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain;

use SophMate\SafeMode\Domain\Decision\Effect;

/**
 * May this automation run right now, and if not, which switch said so and why.
 * Lives directly in Domain because the public PHP API returns it by this name.
 */
final class Decision
{
    /** Decided by unreadable switch state: nobody paused anything, the plugin cannot see. */
    public const STATE = 'state';
    /** Decided by storage that needs repair or cannot record a run. */
    public const STORAGE = 'storage';

    public function __construct(
        public readonly Effect $effect,
        private readonly string $scope,
        private readonly string $reason,
    ) {
    }

    public static function run(): self
    {
        return new self(Effect::Run, '', '');
    }

    public function allows_run(): bool
    {
        return $this->effect !== Effect::Blocked;
    }

    public function is_read_only(): bool
    {
        return $this->effect === Effect::ReadOnly;
    }

    public function is_blocked(): bool
    {
        return $this->effect === Effect::Blocked;
    }

    public function reason(): string
    {
        return $this->reason;
    }

    /** The switch that decided: emergency, global, category:SLUG, automation:ID, readiness, trial, state or storage. */
    public function scope(): string
    {
        return $this->scope;
    }

    /**
     * Held because the plugin cannot know (unreadable state, broken storage) rather than because
     * someone paused: it fails closed whatever a category's pause policy would allow.
     */
    public function is_fail_closed(): bool
    {
        return $this->scope === self::STATE || $this->scope === self::STORAGE;
    }

    public function effect(): string
    {
        return $this->effect->value;
    }

    /** @return array{effect:string,scope:string,reason:string} */
    public function to_array(): array
    {
        return ['effect' => $this->effect->value, 'scope' => $this->scope, 'reason' => $this->reason];
    }
}
