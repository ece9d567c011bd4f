<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Cli;

use SophMate\SafeMode\Cadence\CadenceService;
use SophMate\SafeMode\Cadence\DailyReview;
use SophMate\SafeMode\Domain\Cadence\ReviewView;
use SophMate\SafeMode\Domain\Switches\Source;
use SophMate\SafeMode\Services;

/**
 * Review cadence: when each category is next due for review and why, marking a review done, and
 * the daily escalation digest. (The restart review of a paused scope is `wp sophmate review`.)
 */
final class ReviewsCommand extends CommandSupport
{
    public function __construct(Services $services, private readonly CadenceService $cadence, private readonly DailyReview $daily)
    {
        parent::__construct($services);
    }

    /**
     * Lists every category's next review date, whether it is overdue and why it is due.
     *
     * ## OPTIONS
     *
     * [--format=<format>]
     * : table, json, csv or yaml
     * ---
     * default: table
     * ---
     *
     * [--fields=<fields>]
     * : Comma-separated fields to show.
     *
     * ## EXAMPLES
     *
     *     wp sophmate reviews list
     *     wp sophmate reviews list --format=json
     *
     * @subcommand list
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function list_(array $args, array $assoc_args): void
    {
        $this->guarded(function () use ($assoc_args): void {
            $escalations = [];
            foreach ($this->cadence->escalations() as $escalation) {
                $escalations[$escalation->category][] = $escalation->problem;
            }
            $rows = array_map(static function (ReviewView $view) use ($escalations): array {
                $data = $view->to_array();
                return [
                    'category' => $view->category,
                    'next_review_at' => $data['next_review_at'] ?? '-',
                    'overdue' => $view->overdue ? 'OVERDUE' : 'no',
                    'due_reasons' => implode(', ', array_column($data['due_reasons'], 'reason')),
                    'last_review_at' => $data['last_review']['at'] ?? '-',
                    'last_reviewer' => $data['last_review'] !== null ? self::who($data['last_review']['actor']) : '-',
                    'escalations' => implode(', ', $escalations[$view->category] ?? []),
                ];
            }, array_values($this->cadence->views()));
            $this->output($assoc_args, $rows, ['category', 'next_review_at', 'overdue', 'due_reasons', 'last_review_at', 'last_reviewer', 'escalations']);
        });
    }

    /**
     * Marks the review of a category done: records who, when, the note and what was reviewed,
     * and sets the next review date.
     *
     * ## OPTIONS
     *
     * <category>
     * : Category slug.
     *
     * --note=<note>
     * : What you reviewed and found (required).
     *
     * [--reviewed=<items>]
     * : Comma-separated: runs, failed_steps, audit, providers, affected_records, owners, drill.
     *
     * ## EXAMPLES
     *
     *     wp sophmate reviews done marketing --note="Failures were the SMTP outage; fixed" --reviewed=runs,failed_steps,providers
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function done(array $args, array $assoc_args): void
    {
        $this->guarded(function () use ($args, $assoc_args): void {
            $slug = (string) ($args[0] ?? '');
            $this->services->catalog->category($slug);
            $view = $this->cadence->mark_done($slug, $assoc_args['note'] ?? null, (string) ($assoc_args['reviewed'] ?? ''), $this->actor(), Source::Cli->value);
            \WP_CLI::success(sprintf('Review of %s marked done; next review %s.', $slug, (string) ($view->to_array()['next_review_at'] ?? '-')));
        });
    }

    /**
     * Runs the daily escalation job now: finds overdue reviews and escalations and fires one
     * digest per recipient that has not had one today (UTC).
     *
     * ## OPTIONS
     *
     * [--dry-run]
     * : Show what would be sent without sending or logging anything.
     *
     * [--format=<format>]
     * : table, json, csv or yaml
     * ---
     * default: table
     * ---
     *
     * ## EXAMPLES
     *
     *     wp sophmate reviews digest --dry-run
     *     wp sophmate reviews digest
     *
     * @param list<string> $args
     * @param array<string,mixed> $assoc_args
     */
    public function digest(array $args, array $assoc_args): void
    {
        $this->guarded(function () use ($assoc_args): void {
            $dry_run = !empty($assoc_args['dry-run']);
            $result = $this->daily->run($dry_run);
            $rows = array_map(static fn (array $d): array => [
                'channel' => $d['channel'],
                'target' => $d['target'],
                'level' => $d['level'],
                'items' => count($d['items']),
                'categories' => implode(', ', array_values(array_unique(array_column($d['items'], 'category')))),
            ], $result['digests']);
            $this->output($assoc_args, $rows, ['channel', 'target', 'level', 'items', 'categories']);
            $summary = sprintf(
                '%d escalation(s); %d digest(s) %s for %s; %d recipient(s) already had today\'s digest.',
                count($result['escalations']),
                count($rows),
                $dry_run ? 'would be sent' : 'sent',
                $result['day'],
                count($result['already_sent'])
            );
            $dry_run ? \WP_CLI::line($summary) : \WP_CLI::success($summary);
        });
    }
}
