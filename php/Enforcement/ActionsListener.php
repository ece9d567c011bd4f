<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Enforcement;

use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\ChangeListener;

/**
 * Announces switch changes as the public WordPress actions other plugins listen to. Safe mode
 * (the global scope) also fires `sophmate_safe_mode_safe_mode_changed` with the new and previous
 * mode, since "paused"/"restarted" alone cannot tell read-only from paused.
 */
final class ActionsListener implements ChangeListener
{
    private const ACTIONS = [
        'pause' => 'sophmate_safe_mode_paused',
        'restart' => 'sophmate_safe_mode_restarted',
        'promote' => 'sophmate_safe_mode_promoted',
    ];

    public function switch_changed(string $action, Scope $scope, string $before, string $after, Actor $actor, string $reason, array $context): void
    {
        $hook = self::ACTIONS[$action] ?? null;
        if ($hook === null) {
            return;
        }
        do_action($hook, $scope->to_string(), $after, $actor->to_array(), $reason, $context);
        if ($scope->is_global()) {
            do_action('sophmate_safe_mode_safe_mode_changed', $after, $before, $actor->to_array(), $reason, $context);
        }
        if (in_array($context['source'] ?? '', ['breaker', 'update'], true) && $action === 'pause') {
            do_action('sophmate_safe_mode_tripped', $scope->to_string(), $after, $actor->to_array(), $reason, $context);
        }
    }
}
