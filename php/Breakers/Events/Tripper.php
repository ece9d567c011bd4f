<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Breakers\Events;

use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Exception\SafeModeException;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\Source;
use SophMate\SafeMode\Domain\Switches\SwitchService;
use SophMate\SafeMode\Domain\Text;

/**
 * The one way an event or time breaker trips: a pause through SwitchService (a compare-and-swap,
 * so of two workers seeing the same signal only one changes the state and writes the audit entry,
 * the `sophmate_safe_mode_tripped` action and the notification). A scope already paused is left as
 * it is: same incident, nothing written. Never restarts anything.
 */
final class Tripper
{
    public function __construct(private readonly SwitchService $switches)
    {
    }

    /**
     * @param mixed $value the signal's value (e.g. "woocommerce 9.1 → 9.2", 190 minutes, null when unknown)
     * @param mixed $threshold what it was held against
     * @param array<string,mixed> $extra more context for the audit entry (never `source`: that key is the pause's source)
     * @return bool true only when this call paused the scope
     */
    public function trip(Scope $scope, string $reason, Source $source, string $breaker, string $signal, $value, $threshold, array $extra = []): bool
    {
        unset($extra['source']);
        $context = ['signal' => $signal, 'value' => $value, 'threshold' => $threshold, 'breaker' => $breaker] + $extra;
        try {
            return $this->switches->pause($scope, Text::clip($reason, Text::MAX_REASON - 1), Actor::system('breaker'), $source, null, $context)->changed;
        } catch (SafeModeException) {
            // Unreadable or busy state (fail-closed holds automation meanwhile), or a scope deleted
            // since the signal was read: nothing to pause.
            return false;
        }
    }
}
