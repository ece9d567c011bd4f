<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Admin;

use SophMate\SafeMode\Domain\Switches\SafeModeMode;
use SophMate\SafeMode\Services;

/**
 * On the Plugins screen, while anything is paused, in trial or in safe mode: a warning row under
 * this plugin saying that deactivating it removes the brakes, and what is paused right now, plus a
 * confirmation on its "Deactivate" link. The state itself survives deactivation (only uninstall
 * removes it), so the pauses apply again on reactivation.
 */
final class PluginsScreenWarning
{
    /** How many paused scopes the row names before "and N more". */
    private const LISTED = 10;

    public function __construct(private readonly Services $services, private readonly string $plugin_file)
    {
    }

    public function register(): void
    {
        $basename = plugin_basename($this->plugin_file);
        add_action('after_plugin_row_' . $basename, [$this, 'render_row'], 10, 0);
        add_filter('plugin_action_links_' . $basename, [$this, 'confirm_deactivation']);
        add_filter('network_admin_plugin_action_links_' . $basename, [$this, 'confirm_deactivation']);
    }

    public function render_row(): void
    {
        $paused = $this->paused_names();
        if ($paused === null) {
            return;
        }
        global $wp_list_table;
        $columns = is_object($wp_list_table) && method_exists($wp_list_table, 'get_column_count') ? (int) $wp_list_table->get_column_count() : 4;
        $shown = array_slice($paused, 0, self::LISTED);
        if (count($paused) > self::LISTED) {
            /* translators: %d: number of further paused scopes */
            $shown[] = sprintf(__('and %d more', 'sophmate-safe-mode'), count($paused) - self::LISTED);
        }
        printf(
            '<tr class="plugin-update-tr active sophmate-safe-mode-plugin-warning"><td colspan="%d" class="plugin-update colspanchange">'
            . '<div class="notice inline notice-warning notice-alt"><p><strong>%s</strong> %s</p><p>%s <a href="%s">%s</a></p></div></td></tr>',
            max(1, $columns),
            esc_html__('Deactivating SophMate Safe Mode removes the brakes.', 'sophmate-safe-mode'),
            esc_html__('While it is inactive nothing enforces its pauses: paused cron jobs, webhooks and provider calls run again. The pauses are kept and apply again when it is reactivated; only deleting the plugin erases them.', 'sophmate-safe-mode'),
            esc_html(sprintf(
                /* translators: %s: list of what is paused, e.g. "Safe mode (paused); Category Marketing (paused)" */
                __('Paused right now: %s.', 'sophmate-safe-mode'),
                implode('; ', $shown)
            )),
            esc_url(SwitchSummary::page_url()),
            esc_html__('Open Automation Safety', 'sophmate-safe-mode')
        );
    }

    /**
     * @param array<string,string> $links
     * @return array<string,string>
     */
    public function confirm_deactivation($links): array
    {
        $links = is_array($links) ? $links : [];
        if (!isset($links['deactivate']) || $this->paused_names() === null) {
            return $links;
        }
        $question = __('Automation is paused on this site. Deactivating SophMate Safe Mode removes the brakes: paused automation will run again. Deactivate anyway?', 'sophmate-safe-mode');
        $links['deactivate'] = (string) preg_replace(
            '/^<a /',
            '<a onclick="' . esc_attr('return window.confirm(' . wp_json_encode($question) . ');') . '" ',
            $links['deactivate'],
            1
        );
        return $links;
    }

    /**
     * What is not running, named for people, or null when everything runs normally.
     *
     * @return list<string>|null
     */
    private function paused_names(): ?array
    {
        $summary = SwitchSummary::of($this->services);
        if ($summary->is_quiet()) {
            return null;
        }
        $names = [];
        if ($summary->board->is_corrupt()) {
            $names[] = __('everything (the switch state is unreadable, so all automation is held)', 'sophmate-safe-mode');
        }
        if ($summary->emergency->is_active()) {
            $names[] = match ($summary->emergency->via) {
                'constant' => __('safe mode, forced by the SOPHMATE_SAFE_MODE constant', 'sophmate-safe-mode'),
                'network' => __('network safe mode, set by a network administrator', 'sophmate-safe-mode'),
                default => __('safe mode, forced by the flag file', 'sophmate-safe-mode'),
            };
        }
        if ($summary->board->safe_mode->is_on()) {
            $names[] = $summary->board->safe_mode->mode === SafeModeMode::ReadOnly
                ? __('Safe mode (read-only)', 'sophmate-safe-mode')
                : __('Safe mode (paused)', 'sophmate-safe-mode');
        }
        $records = $summary->records();
        $categories = $records === [] ? [] : $this->services->catalog->categories();
        foreach ($records as $item) {
            if ($item['kind'] === 'category') {
                $label = isset($categories[$item['id']]) ? $categories[$item['id']]->label : $item['id'];
                /* translators: 1: category label, 2: "paused" or "in trial" */
                $format = __('Category %1$s (%2$s)', 'sophmate-safe-mode');
            } else {
                $label = $this->services->catalog->find_automation($item['id'])?->label ?? $item['id'];
                /* translators: 1: automation label, 2: "paused" or "in trial" */
                $format = __('Automation %1$s (%2$s)', 'sophmate-safe-mode');
            }
            $names[] = sprintf($format, $label, SwitchSummary::state_label($item['record']->state));
        }
        return $names;
    }
}
