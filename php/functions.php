<?php

/**
 * The public PHP API (see docs/developer-api.md). Stable for other plugins: keep names and signatures.
 */

declare(strict_types=1);

use SophMate\SafeMode\Domain\Decision;
use SophMate\SafeMode\Domain\Exception\SafeModeException;
use SophMate\SafeMode\Domain\Scope;
use SophMate\SafeMode\Domain\Switches\Source;
use SophMate\SafeMode\Plugin;
use SophMate\SafeMode\Run;

/** @param array<string,mixed> $args label, description, owner, policy, providers */
function sophmate_safe_mode_register_category(string $slug, array $args = []): void
{
    Plugin::services()->registrar->category($slug, $args);
}

/** @param array<string,mixed> $args label, kind, category, owner, mode, cron_hooks, rest_routes, providers, checklist */
function sophmate_safe_mode_register_automation(string $id, array $args): void
{
    Plugin::services()->registrar->automation($id, $args);
}

function sophmate_safe_mode_decide(string $automation_id): Decision
{
    return Plugin::services()->gate->decide($automation_id);
}

/** @param array<string,mixed> $context trigger, attempt, and anything worth keeping with the run */
function sophmate_safe_mode_start_run(string $automation_id, array $context = []): Run
{
    return Plugin::services()->run_starter->start($automation_id, $context);
}

/**
 * Pauses a scope ("global", "category:SLUG", "automation:ID"). Bad input is reported with
 * _doing_it_wrong instead of an exception so a caller's mistake never becomes a fatal error.
 */
function sophmate_safe_mode_pause(string $scope, string $reason): void
{
    $services = Plugin::services();
    try {
        $services->switches->pause(Scope::parse($scope), $reason, $services->actors->current('api'), Source::Api);
    } catch (SafeModeException $e) {
        _doing_it_wrong(__FUNCTION__, esc_html($e->getMessage()), '0.1.0'); // phpcs:ignore
    }
}

/**
 * Declares an external service and its hosts (an addition to the contract's API). Existing
 * configuration made in the admin or over REST is kept; only a missing provider is created.
 *
 * @param array<string,mixed> $args label, hosts, status_url
 */
function sophmate_safe_mode_register_provider(string $slug, array $args): void
{
    $services = Plugin::services();
    try {
        if ($services->providers->find($slug) === null) {
            $services->providers->save(\SophMate\SafeMode\Domain\Providers\Provider::from_input($slug, $args, null, $services->clock->now()));
        }
    } catch (SafeModeException $e) {
        _doing_it_wrong(__FUNCTION__, esc_html($e->getMessage()), '0.1.0'); // phpcs:ignore
    }
}
