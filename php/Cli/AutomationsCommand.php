<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cli;

use SophMate\SafeMode\Domain\Switches\Source;
use SophMate\SafeMode\Readiness\ReadinessService;

/** wp sophmate automations: what is governed, how ready each automation is, and its mode. */
final class AutomationsCommand extends CommandSupport
{
    /**
     * Lists automations with their owner, mode and readiness for the next mode.
     *
     * ## OPTIONS
     *
     * [--category=<slug>]
     * : Only this category.
     *
     * [--fields=<fields>]
     * : Comma-separated fields to show (default: id, category, owner, mode, next, missing_count,
     * missing; also label, kind, origin, read_only_runs, drill, environment).
     *
     * [--format=<format>]
     * : table, json, csv or yaml.
     * ---
     * default: table
     * ---
     *
     * ## EXAMPLES
     *
     *     wp sophmate automations list
     *     wp sophmate automations list --category=marketing --format=json
     *
     * @subcommand list
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function list_(array $args, array $assoc_args): void
    {
        $category = isset($assoc_args['category']) ? (string) $assoc_args['category'] : null;
        $automations = $category !== null
            ? $this->services->catalog->automations_in($category)
            : array_values($this->services->catalog->automations());
        $service = new ReadinessService($this->services);
        $rows = [];
        foreach ($automations as $automation) {
            $view = $service->view($automation);
            $rows[] = [
                'id' => $automation->id,
                'label' => $automation->label,
                'kind' => $automation->kind->value,
                'category' => $automation->category,
                'origin' => $automation->origin,
                'owner' => $this->services->actors->by_id($automation->owner_id)?->login ?? '',
                'mode' => $automation->mode->value,
                'next' => $view['next'] ?? '',
                'missing_count' => count($view['missing']),
                'missing' => implode('; ', array_column($view['missing'], 'label')),
                'read_only_runs' => sprintf('%d/%d', $view['read_only_runs']['succeeded'], $view['read_only_runs']['required']),
                'drill' => $view['drill'] === null ? '' : sprintf('#%d %s %s', $view['drill']['id'], $view['drill']['passed'] ? 'passed' : 'failed', $view['drill']['finished_at']),
                'environment' => $view['environment'],
            ];
        }
        $this->output($assoc_args, $rows, ['id', 'category', 'owner', 'mode', 'next', 'missing_count', 'missing']);
    }

    /**
     * Moves an automation between draft, read_only and live, through the readiness gate.
     *
     * Going up needs what the gate asks for (the production checklist and an owner who can pause
     * it for read_only; plus a passed pause drill and reviewed read-only runs for live). Going
     * down is always allowed.
     *
     * ## OPTIONS
     *
     * <id>
     * : The automation.
     *
     * <mode>
     * : draft, read_only (or read-only) or live.
     *
     * [--reviewed-runs=<ids>]
     * : Comma-separated ids of the succeeded read-only runs you reviewed (needed to go live).
     *
     * [--note=<text>]
     * : Why; kept in the audit log.
     *
     * ## EXAMPLES
     *
     *     wp sophmate automations set-mode newsletter-sync read_only --note="checklist done"
     *     wp sophmate automations set-mode newsletter-sync live --reviewed-runs=41,42,45
     *     wp sophmate automations set-mode newsletter-sync draft --note="vendor changed the API"
     *
     * @subcommand set-mode
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function set_mode(array $args, array $assoc_args): void
    {
        if (count($args) !== 2) {
            \WP_CLI::error('Usage: wp sophmate automations set-mode <id> <draft|read_only|live>');
            return;
        }
        $this->guarded(function () use ($args, $assoc_args): void {
            $result = (new ReadinessService($this->services))->change_mode(
                (string) $args[0],
                str_replace('-', '_', (string) $args[1]),
                $assoc_args['reviewed-runs'] ?? null,
                (string) ($assoc_args['note'] ?? ''),
                $this->actor(),
                Source::Cli->value
            );
            $id = $result['automation']->id;
            $mode = $result['automation']->mode->value;
            if ($result['changed']) {
                \WP_CLI::success(sprintf('%s is now %s (was %s).', $id, $mode, $result['before']));
            } else {
                \WP_CLI::warning(sprintf('%s is already %s; nothing changed.', $id, $mode));
            }
        });
    }
}
