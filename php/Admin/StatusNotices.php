<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Admin;

use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Switches\SafeModeMode;
use SophMate\SafeMode\Domain\Switches\Source;
use SophMate\SafeMode\Domain\Switches\SwitchState;
use SophMate\SafeMode\Services;
use SophMate\SafeMode\Storage\OptionSwitchStateStore;

/**
 * Notices on every wp-admin screen, for people who may pause or manage automation:
 * - while the switch state is unreadable: an error saying automation is held and how to repair it;
 * - while the last-resort switch, safe mode or any pause or trial is in effect: what, by whom,
 *   since when and why. Not dismissible: it goes away when the condition does.
 * When nothing is paused this reads only the autoloaded switch board: no database query.
 */
final class StatusNotices
{
    /** How many paused scopes a notice lists before "and N more". */
    private const LISTED = 10;

    public function __construct(private readonly Services $services)
    {
    }

    public function register(): void
    {
        add_action('admin_notices', [$this, 'render']);
        add_action('network_admin_notices', [$this, 'render']);
    }

    public function render(): void
    {
        if (!SwitchSummary::can_see()) {
            return;
        }
        $summary = SwitchSummary::of($this->services);
        if ($summary->is_quiet()) {
            return;
        }
        if ($summary->board->is_corrupt()) {
            $this->render_unreadable((string) $summary->board->corruption);
        }
        // Network safe mode has its own notice (php/Multisite/NetworkNotice.php), with who set it and why.
        if ($summary->emergency->is_active() && $summary->emergency->via !== 'network') {
            $this->render_emergency($summary);
        }
        $lines = $this->pause_lines($summary);
        if ($lines === []) {
            return;
        }
        $class = $summary->board->safe_mode->is_on() ? 'notice-error' : 'notice-warning';
        printf('<div class="notice %s sophmate-safe-mode-notice" data-sophmate-notice="paused">', esc_attr($class));
        printf('<p><strong>%s</strong></p><ul style="list-style:disc;padding-left:1.5em">', esc_html($summary->stored_headline()));
        foreach (array_slice($lines, 0, self::LISTED) as $line) {
            echo '<li>' . $line . '</li>'; // phpcs:ignore -- every part is escaped where it is built.
        }
        if (count($lines) > self::LISTED) {
            printf(
                '<li>%s</li>',
                esc_html(sprintf(
                    /* translators: %d: number of further paused scopes */
                    __('… and %d more.', 'sophmate-safe-mode'),
                    count($lines) - self::LISTED
                ))
            );
        }
        echo '</ul>';
        $this->render_page_link();
        echo '</div>';
    }

    private function render_unreadable(string $why): void
    {
        echo '<div class="notice notice-error sophmate-safe-mode-notice" data-sophmate-notice="unreadable">';
        printf(
            '<p><strong>%s</strong> %s</p>',
            esc_html__('All automation is held: the SophMate Safe Mode switch state cannot be read.', 'sophmate-safe-mode'),
            esc_html(sprintf(
                /* translators: %s: what is wrong with the stored state */
                __('Until it is repaired every automation is treated as paused (fail closed), and pauses and restarts are refused. Problem: %s.', 'sophmate-safe-mode'),
                $why
            ))
        );
        printf(
            '<p>%s</p>',
            sprintf(
                /* translators: 1: option name, 2: a WP-CLI command, 3: a WP-CLI command */
                esc_html__('To repair it, restore the %1$s option from a backup, or delete it to start again with nothing paused (%2$s), then pause again whatever must stay stopped. %3$s shows the error until it is fixed.', 'sophmate-safe-mode'),
                '<code>' . esc_html(OptionSwitchStateStore::OPTION) . '</code>',
                '<code>' . esc_html('wp option delete ' . OptionSwitchStateStore::OPTION) . '</code>',
                '<code>wp sophmate status</code>'
            )
        );
        $this->render_page_link();
        echo '</div>';
    }

    private function render_emergency(SwitchSummary $summary): void
    {
        $read_only = $summary->emergency->mode === SafeModeMode::ReadOnly;
        $what = $read_only
            ? __('Runs may read, but every write is refused.', 'sophmate-safe-mode')
            : __('Nothing runs.', 'sophmate-safe-mode');
        if ($summary->emergency->via === 'constant') {
            $how = sprintf(
                /* translators: %s: the constant's name */
                esc_html__('Safe mode is forced by the %s constant in wp-config.php. Remove that line to hand control back to the stored switches.', 'sophmate-safe-mode'),
                '<code>SOPHMATE_SAFE_MODE</code>'
            );
        } else {
            $how = sprintf(
                /* translators: %s: path of the flag file */
                esc_html__('Safe mode is forced by the flag file %s. Delete that file to hand control back to the stored switches.', 'sophmate-safe-mode'),
                '<code>' . esc_html($this->services->emergency->flag_path()) . '</code>'
            );
        }
        echo '<div class="notice notice-error sophmate-safe-mode-notice" data-sophmate-notice="emergency">';
        printf('<p><strong>%s</strong> %s %s</p>', esc_html($summary->headline()), esc_html($what), $how); // phpcs:ignore -- $how is escaped above.
        $this->render_page_link();
        echo '</div>';
    }

    /**
     * One escaped HTML line per switch that is not running: safe mode first, then categories and automations.
     *
     * @return list<string>
     */
    private function pause_lines(SwitchSummary $summary): array
    {
        $lines = [];
        $safe_mode = $summary->board->safe_mode;
        if ($safe_mode->is_on()) {
            $lines[] = $this->line(
                $safe_mode->mode === SafeModeMode::ReadOnly
                    ? __('Safe mode (everything): read-only, writes are refused', 'sophmate-safe-mode')
                    : __('Safe mode (everything): paused, nothing runs', 'sophmate-safe-mode'),
                $safe_mode->actor,
                $safe_mode->source,
                $safe_mode->since,
                $safe_mode->reason,
                null,
                ConsoleUrls::overview()
            ) . ' <a href="' . esc_url(ConsoleUrls::review('global')) . '" class="sophmate-safe-mode-review-link">'
                . esc_html__('Review and turn off', 'sophmate-safe-mode') . '</a>';
        }
        $records = $summary->records();
        if ($records === []) {
            return $lines;
        }
        // Something is paused, so reading labels (stored config) is allowed to cost a query now.
        $categories = $this->services->catalog->categories();
        foreach ($records as $item) {
            $record = $item['record'];
            if ($item['kind'] === 'category') {
                $scope = sprintf(
                    /* translators: %s: category label */
                    __('Category %s', 'sophmate-safe-mode'),
                    isset($categories[$item['id']]) ? $categories[$item['id']]->label : $item['id']
                );
            } else {
                $automation = $this->services->catalog->find_automation($item['id']);
                $scope = sprintf(
                    /* translators: %s: automation label */
                    __('Automation %s', 'sophmate-safe-mode'),
                    $automation !== null ? $automation->label : $item['id']
                );
            }
            $state = SwitchSummary::state_label($record->state);
            if ($record->state === SwitchState::Trial && $record->trial !== null) {
                $state = $record->trial->read_only
                    ? __('in trial (read-only)', 'sophmate-safe-mode')
                    : __('in trial', 'sophmate-safe-mode');
            }
            $url = ConsoleUrls::scope($item['kind'], $item['id']);
            $line = $this->line(
                /* translators: 1: "Category Marketing" or "Automation Newsletter", 2: "paused" or "in trial" */
                sprintf(__('%1$s: %2$s', 'sophmate-safe-mode'), $scope, $state),
                $record->actor,
                $record->source,
                $record->since,
                $record->trial !== null && $record->trial->note !== '' ? $record->trial->note : $record->reason,
                $record->incident_url,
                $url
            );
            if ($record->state === SwitchState::Paused) {
                $line .= ' <a href="' . esc_url(ConsoleUrls::review($item['kind'] . ':' . $item['id'])) . '" class="sophmate-safe-mode-review-link">'
                    . esc_html__('Review and restart', 'sophmate-safe-mode') . '</a>';
            }
            $lines[] = $line;
        }
        return $lines;
    }

    /** "Category Marketing: paused by Jane (admin) 5 mins ago (2024-05-01 10:00 UTC). Reason: …" — escaped. */
    private function line(
        string $what,
        ?Actor $actor,
        ?Source $source,
        ?\DateTimeImmutable $since,
        string $reason,
        ?string $incident_url = null,
        ?string $url = null
    ): string {
        $html = $url !== null
            ? '<strong><a href="' . esc_url($url) . '">' . esc_html($what) . '</a></strong>'
            : '<strong>' . esc_html($what) . '</strong>';
        if ($actor !== null) {
            $html .= ' ' . esc_html(sprintf(
                /* translators: 1: person's display name, 2: where the change came from (admin, rest, cli, breaker…) */
                __('by %1$s (via %2$s)', 'sophmate-safe-mode'),
                $actor->name !== '' ? $actor->name : $actor->login,
                self::source_label($source)
            ));
        }
        if ($since !== null) {
            $now = $this->services->clock->now()->getTimestamp();
            $html .= ' ' . esc_html(sprintf(
                /* translators: 1: human time difference like "5 mins", 2: absolute time in UTC */
                __('since %1$s ago (%2$s)', 'sophmate-safe-mode'),
                human_time_diff($since->getTimestamp(), max($now, $since->getTimestamp())),
                $since->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d H:i') . ' UTC'
            ));
        }
        if ($reason !== '') {
            $html .= '. ' . esc_html__('Reason:', 'sophmate-safe-mode') . ' <q>' . esc_html($reason) . '</q>';
        }
        if ($incident_url !== null && esc_url($incident_url) !== '') {
            $html .= ' <a href="' . esc_url($incident_url) . '" rel="noopener noreferrer">' . esc_html__('Incident', 'sophmate-safe-mode') . '</a>';
        }
        return $html;
    }

    private static function source_label(?Source $source): string
    {
        return match ($source) {
            Source::Admin => __('wp-admin', 'sophmate-safe-mode'),
            Source::Rest => __('REST API', 'sophmate-safe-mode'),
            Source::Cli => __('WP-CLI', 'sophmate-safe-mode'),
            Source::Breaker => __('circuit breaker', 'sophmate-safe-mode'),
            Source::Update => __('update', 'sophmate-safe-mode'),
            Source::Constant => __('wp-config', 'sophmate-safe-mode'),
            Source::Drill => __('pause drill', 'sophmate-safe-mode'),
            Source::Api, null => __('PHP API', 'sophmate-safe-mode'),
        };
    }

    private function render_page_link(): void
    {
        printf(
            '<p><a class="button" href="%s">%s</a></p>',
            esc_url(SwitchSummary::page_url()),
            esc_html__('Open Automation Safety', 'sophmate-safe-mode')
        );
    }
}
