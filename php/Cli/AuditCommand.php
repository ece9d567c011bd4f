<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cli;

use SophMate\SafeMode\Domain\Audit\AuditEntry;
use SophMate\SafeMode\Domain\Audit\AuditQuery;

/** wp sophmate audit */
final class AuditCommand extends CommandSupport
{
    /**
     * Lists audit events, newest first.
     *
     * ## OPTIONS
     *
     * [--scope=<scope>]
     * : global, category:SLUG or automation:ID.
     *
     * [--action=<action>]
     * : pause, restart, promote, category_created, category_updated, …
     *
     * [--limit=<n>]
     * : How many (default 50, at most 1000).
     *
     * [--fields=<fields>]
     * : Comma-separated fields to show (default: id, created_at, action, scope, before, after,
     * actor, source, reason; also context, hash).
     *
     * [--format=<format>]
     * : table, json, csv or yaml.
     * ---
     * default: table
     * ---
     *
     * ## EXAMPLES
     *
     *     wp sophmate audit list --scope=category:marketing
     *
     * @subcommand list
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function list_(array $args, array $assoc_args): void
    {
        // Guarded: a filter that is not text (invalid UTF-8, too long) is an error with its code.
        $this->guarded(function () use ($assoc_args): void {
            $result = $this->services->audit->find(new AuditQuery(
                isset($assoc_args['scope']) ? (string) $assoc_args['scope'] : null,
                isset($assoc_args['action']) ? (string) $assoc_args['action'] : null,
                null,
                null,
                null,
                1,
                max(1, min(1000, (int) ($assoc_args['limit'] ?? 50))),
            ));
            $rows = array_map(static function (AuditEntry $e): array {
                $row = $e->to_array();
                $row['actor'] = self::who($row['actor']);
                return $row;
            }, $result['items']);
            $this->output($assoc_args, $rows, ['id', 'created_at', 'action', 'scope', 'before', 'after', 'actor', 'source', 'reason']);
        });
    }

    /**
     * Recomputes the audit hash chain and reports the first event that does not match.
     *
     * ## EXAMPLES
     *
     *     wp sophmate audit verify
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function verify(array $args, array $assoc_args): void
    {
        $result = $this->services->audit->verify();
        if ($result->ok) {
            \WP_CLI::success(sprintf('Audit chain intact: %d event(s) checked.', $result->checked));
            return;
        }
        \WP_CLI::error(sprintf('Audit chain broken at event %d (%d checked): it was changed or removed after it was written.', (int) $result->first_bad_id, $result->checked));
    }
}
