<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Admin;

use SophMate\SafeMode\Domain\Switches\SwitchState;
use SophMate\SafeMode\Domain\Text;
use SophMate\SafeMode\Rest\Controller;
use SophMate\SafeMode\Services;

/**
 * The "Automation: …" node in the admin bar, on every wp-admin screen and on the front end, for
 * people who may pause: the state at a glance, "Pause all automation" (a reason, then safe mode
 * `paused` over REST) and a link to the Automation Safety page. Rendering it reads only the switch
 * board and the last-resort switch: no database query when nothing is paused.
 */
final class AdminBar
{
    public const NODE = 'sophmate-safe-mode';
    public const PAUSE_NODE = 'sophmate-safe-mode-pause-all';
    public const OPEN_NODE = 'sophmate-safe-mode-open';
    public const SCOPES_GROUP = 'sophmate-safe-mode-scopes';
    public const SCRIPT = 'sophmate-safe-mode-admin-bar';
    /** How many paused scopes the menu lists before "and N more". */
    private const LISTED = 8;

    public function __construct(private readonly Services $services, private readonly string $plugin_file)
    {
    }

    public function register(): void
    {
        add_action('admin_bar_menu', [$this, 'add_nodes'], 90);
        add_action('admin_enqueue_scripts', [$this, 'enqueue']);
        add_action('wp_enqueue_scripts', [$this, 'enqueue']);
    }

    public function add_nodes(\WP_Admin_Bar $bar): void
    {
        if (!SwitchSummary::can_see()) {
            return;
        }
        $summary = SwitchSummary::of($this->services);
        $tone = $summary->tone();
        $headline = $summary->headline();
        $page = SwitchSummary::page_url();

        $bar->add_node([
            'id' => self::NODE,
            'title' => sprintf(
                '<span class="sophmate-sm-dot" aria-hidden="true"></span><span class="sophmate-sm-label">%s</span>',
                esc_html($headline)
            ),
            'href' => $page,
            'meta' => ['class' => 'sophmate-sm sophmate-sm--' . $tone, 'title' => $headline],
        ]);

        // Pointless when everything is already stopped, and refused while the state is unreadable.
        if (!$summary->everything_paused() && !$summary->board->is_corrupt()) {
            $bar->add_node([
                'parent' => self::NODE,
                'id' => self::PAUSE_NODE,
                'title' => esc_html__('Pause all automation', 'sophmate-safe-mode'),
                // Without JavaScript the link still leads to a page where everything can be paused.
                'href' => $page,
                'meta' => ['class' => 'sophmate-sm-pause-all'],
            ]);
        }
        $bar->add_node([
            'parent' => self::NODE,
            'id' => self::OPEN_NODE,
            'title' => esc_html__('Open Automation Safety', 'sophmate-safe-mode'),
            'href' => $page,
        ]);

        // What is stopped, in the menu's secondary section: from the board alone, so ids, not labels.
        $records = $summary->records();
        if ($records === [] && !$summary->board->safe_mode->is_on()) {
            return;
        }
        $bar->add_group(['parent' => self::NODE, 'id' => self::SCOPES_GROUP, 'meta' => ['class' => 'ab-sub-secondary']]);
        if ($summary->board->safe_mode->is_on()) {
            $bar->add_node([
                'parent' => self::SCOPES_GROUP,
                'id' => self::NODE . '-safe-mode',
                'title' => esc_html(sprintf(
                    /* translators: %s: safe mode's reason */
                    __('Safe mode: %s', 'sophmate-safe-mode'),
                    Text::clip($summary->board->safe_mode->reason, 80)
                )),
                'href' => $page,
            ]);
        }
        foreach (array_slice($records, 0, self::LISTED) as $item) {
            $node_id = self::scope_node($item['kind'], $item['id']);
            $url = ConsoleUrls::scope($item['kind'], $item['id']);
            $bar->add_node([
                'parent' => self::SCOPES_GROUP,
                'id' => $node_id,
                'title' => esc_html(sprintf(
                    /* translators: 1: "category" or "automation", 2: its slug or id, 3: "paused" or "in trial" */
                    __('%1$s %2$s: %3$s', 'sophmate-safe-mode'),
                    $item['kind'] === 'category' ? __('Category', 'sophmate-safe-mode') : __('Automation', 'sophmate-safe-mode'),
                    $item['id'],
                    SwitchSummary::state_label($item['record']->state)
                )),
                'href' => $url,
            ]);
            if ($item['record']->state === SwitchState::Paused) {
                // A submenu of the scope: straight to its restart review.
                $bar->add_node([
                    'parent' => $node_id,
                    'id' => $node_id . '-review',
                    'title' => esc_html__('Review and restart', 'sophmate-safe-mode'),
                    'href' => ConsoleUrls::review($item['kind'] . ':' . $item['id']),
                ]);
            }
        }
        if (count($records) > self::LISTED) {
            $bar->add_node([
                'parent' => self::SCOPES_GROUP,
                'id' => self::NODE . '-more',
                'title' => esc_html(sprintf(
                    /* translators: %d: number of further paused scopes */
                    __('… and %d more', 'sophmate-safe-mode'),
                    count($records) - self::LISTED
                )),
                'href' => $page,
            ]);
        }
    }

    /** Id of the node that lists one paused or trial scope. */
    public static function scope_node(string $kind, string $id): string
    {
        return self::NODE . '-' . $kind . '-' . sanitize_key($id);
    }

    public function enqueue(): void
    {
        if (!is_admin_bar_showing() || !SwitchSummary::can_see()) {
            return;
        }
        $url = plugin_dir_url($this->plugin_file) . 'assets/';
        $version = defined('SOPHMATE_SAFE_MODE_VERSION') ? (string) SOPHMATE_SAFE_MODE_VERSION : null;
        wp_enqueue_style(self::SCRIPT, $url . 'admin-bar.css', ['admin-bar'], $version);
        wp_enqueue_script(self::SCRIPT, $url . 'admin-bar.js', ['wp-api-fetch'], $version, true);
        wp_localize_script(self::SCRIPT, 'sophmateSafeModeAdminBar', [
            'path' => '/' . Controller::NS . '/safe-mode',
            'node' => 'wp-admin-bar-' . self::PAUSE_NODE,
            'i18n' => [
                'title' => __('Pause all automation', 'sophmate-safe-mode'),
                'description' => __(
                    'Safe mode stops every automation on this site, whatever its category says, until it is turned off after a review.',
                    'sophmate-safe-mode'
                ),
                'reasonLabel' => __('Reason', 'sophmate-safe-mode'),
                'reasonHelp' => __('Required. Kept in the audit log and shown to everyone who sees the pause.', 'sophmate-safe-mode'),
                'reasonRequired' => __('A reason is required to pause all automation.', 'sophmate-safe-mode'),
                'cancel' => __('Cancel', 'sophmate-safe-mode'),
                'submit' => __('Pause all automation', 'sophmate-safe-mode'),
                'pausing' => __('Pausing all automation…', 'sophmate-safe-mode'),
                /* translators: followed by the server's error message */
                'failed' => __('Automation was NOT paused:', 'sophmate-safe-mode'),
            ],
        ]);
    }
}
