<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cli;

use SophMate\SafeMode\Domain\Runs\RunQuery;
use SophMate\SafeMode\Domain\Runs\RunRecord;
use SophMate\SafeMode\Domain\Runs\RunStatus;

/** wp sophmate runs */
final class RunsCommand extends CommandSupport
{
    /**
     * Lists run history, newest first.
     *
     * ## OPTIONS
     *
     * [--category=<slug>]
     * : Only this category.
     *
     * [--automation=<id>]
     * : Only this automation.
     *
     * [--status=<status>]
     * : queued, running, succeeded, failed, skipped, held, cancelled or awaiting_approval.
     *
     * [--limit=<n>]
     * : How many (default 50, at most 1000).
     *
     * [--fields=<fields>]
     * : Comma-separated fields to show (default: id, automation, category, trigger, status,
     * started_at, finished_at, failed_step, error; also read_only, attempt, spend, decided_by,
     * reason, affected_records, steps).
     *
     * [--format=<format>]
     * : table, json, csv or yaml.
     * ---
     * default: table
     * ---
     *
     * ## EXAMPLES
     *
     *     wp sophmate runs list --category=marketing --status=failed
     *
     * @subcommand list
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function list_(array $args, array $assoc_args): void
    {
        $status = isset($assoc_args['status']) ? (string) $assoc_args['status'] : null;
        if ($status !== null && RunStatus::tryFrom($status) === null) {
            \WP_CLI::error(sprintf('Unknown --status "%s"; use one of %s.', $status, implode(', ', RunStatus::values())));
            return;
        }
        $limit = max(1, min(1000, (int) ($assoc_args['limit'] ?? 50)));
        // Guarded: a filter that is not text (invalid UTF-8, too long) is an error with its code.
        $this->guarded(function () use ($assoc_args, $status, $limit): void {
            $result = $this->services->runs->find(new RunQuery(
                isset($assoc_args['category']) ? (string) $assoc_args['category'] : null,
                isset($assoc_args['automation']) ? (string) $assoc_args['automation'] : null,
                $status,
                null,
                null,
                1,
                $limit,
            ));
            $rows = array_map(static fn (RunRecord $r): array => $r->to_array(), $result['items']);
            $this->output($assoc_args, $rows, ['id', 'automation', 'category', 'trigger', 'status', 'started_at', 'finished_at', 'failed_step', 'error']);
        });
    }
}
