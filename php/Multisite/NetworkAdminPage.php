<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Multisite;

use SophMate\SafeMode\Domain\Exception\SafeModeException;
use SophMate\SafeMode\Domain\Switches\Acknowledgements;
use SophMate\SafeMode\Domain\Switches\SafeModeMode;
use SophMate\SafeMode\Domain\Switches\Source;
use SophMate\SafeMode\Services;

/**
 * Network Admin → Automation Safety: network safe mode (state, reason, who and when; a form to
 * turn it on and one to turn it off after the review) and each site's own switches. Server-rendered
 * with a nonce; the form posts to network/edit.php like core's network settings.
 */
final class NetworkAdminPage
{
    public const SLUG = 'sophmate-network-safe-mode';
    public const ACTION = 'sophmate_network_safe_mode';
    private const NOTICE = 'sophmate_network_notice_';

    public function __construct(
        private readonly Services $services,
        private readonly NetworkSafeMode $network,
        private readonly SitesOverview $sites,
    ) {
    }

    public static function url(): string
    {
        return network_admin_url('admin.php?page=' . self::SLUG);
    }

    public function register(): void
    {
        add_action('network_admin_menu', function (): void {
            add_menu_page(
                __('Automation Safety (network)', 'sophmate-safe-mode'),
                __('Automation Safety', 'sophmate-safe-mode'),
                NetworkSafeModeController::CAP,
                self::SLUG,
                [$this, 'render'],
                'dashicons-shield',
                81
            );
        });
        add_action('network_admin_edit_' . self::ACTION, [$this, 'handle']);
    }

    /** The form's POST: change network safe mode, then back to the page with what happened. */
    public function handle(): void
    {
        check_admin_referer(self::ACTION);
        if (!current_user_can(NetworkSafeModeController::CAP)) {
            wp_die(esc_html__('Only network administrators may change network safe mode.', 'sophmate-safe-mode'), 403);
        }
        $this->remember($this->apply(wp_unslash($_POST))); // phpcs:ignore -- nonce checked above; each field is validated by the service.
        wp_safe_redirect(self::url());
        exit;
    }

    /**
     * @param array<string,mixed> $post
     * @return array{ok:bool,message:string}
     */
    public function apply(array $post): array
    {
        $mode = SafeModeMode::tryFrom((string) ($post['mode'] ?? ''));
        if ($mode === null) {
            return ['ok' => false, 'message' => __('Choose paused, read-only or off.', 'sophmate-safe-mode')];
        }
        $text = (string) ($mode === SafeModeMode::Off ? ($post['note'] ?? '') : ($post['reason'] ?? ''));
        $acks = is_array($post['acknowledged'] ?? null) ? array_values(array_map('strval', $post['acknowledged'])) : [];
        try {
            $result = $this->network->set($mode, $text, $acks, $this->services->actors->current(), Source::Admin);
        } catch (SafeModeException $e) {
            return ['ok' => false, 'message' => $e->getMessage()];
        }
        if (!$result['changed']) {
            /* translators: %s: mode */
            return ['ok' => true, 'message' => sprintf(__('Network safe mode was already %s; nothing changed.', 'sophmate-safe-mode'), $result['after'])];
        }
        return ['ok' => $result['audit_errors'] === [], 'message' => sprintf(
            /* translators: 1: new mode, 2: previous mode, 3: number of sites */
            __('Network safe mode is now %1$s (was %2$s). Recorded in the audit log of %3$d site(s).', 'sophmate-safe-mode'),
            $result['after'],
            $result['before'],
            $result['audited_sites']
        ) . ($result['audit_errors'] !== [] ? ' ' . implode('; ', $result['audit_errors']) : '')];
    }

    public function render(): void
    {
        if (!current_user_can(NetworkSafeModeController::CAP)) {
            return;
        }
        $state = $this->network->state();
        $on = $state->corruption !== null || $state->record->is_on();
        echo '<div class="wrap" id="sophmate-network-safe-mode">';
        printf('<h1>%s</h1>', esc_html__('Automation Safety: network safe mode', 'sophmate-safe-mode'));
        $this->render_flash();
        printf(
            '<p>%s</p>',
            esc_html__('Network safe mode forces safe mode on every site of this network, whatever each site\'s own switches say. Each site\'s own switches keep their state underneath and apply again when it is turned off.', 'sophmate-safe-mode')
        );
        echo '<h2>' . esc_html__('State', 'sophmate-safe-mode') . '</h2>';
        if ($on) {
            echo '<div class="notice notice-error inline"><p>' . ($state->corruption !== null // phpcs:ignore -- escaped here and in describe().
                ? esc_html(sprintf(__('Held on: the stored state cannot be read (%s). Set it again below.', 'sophmate-safe-mode'), $state->corruption)) // phpcs:ignore
                : NetworkNotice::describe($state)) . '</p></div>';
        } else {
            echo '<p data-sophmate-network-state="off"><strong>' . esc_html__('Off: each site follows its own switches.', 'sophmate-safe-mode') . '</strong></p>';
        }
        $this->render_on_form($state);
        if ($on) {
            $this->render_off_form();
        }
        $this->render_sites();
        echo '</div>';
    }

    private function render_on_form(NetworkSafeModeState $state): void
    {
        echo '<h2>' . esc_html__('Turn network safe mode on', 'sophmate-safe-mode') . '</h2>';
        printf('<form method="post" action="%s" data-sophmate-form="on">', esc_url(network_admin_url('edit.php?action=' . self::ACTION)));
        wp_nonce_field(self::ACTION);
        echo '<table class="form-table" role="presentation"><tr><th scope="row"><label for="sophmate-network-mode">' . esc_html__('Mode', 'sophmate-safe-mode') . '</label></th><td>';
        echo '<select id="sophmate-network-mode" name="mode">';
        foreach (['paused' => __('Paused: nothing runs', 'sophmate-safe-mode'), 'read_only' => __('Read-only: runs may read, writes are refused', 'sophmate-safe-mode')] as $value => $label) {
            printf('<option value="%s"%s>%s</option>', esc_attr($value), selected($state->record->mode->value, $value, false), esc_html($label));
        }
        echo '</select></td></tr>';
        echo '<tr><th scope="row"><label for="sophmate-network-reason">' . esc_html__('Reason (required)', 'sophmate-safe-mode') . '</label></th><td>';
        echo '<textarea id="sophmate-network-reason" name="reason" rows="3" class="large-text" required></textarea></td></tr></table>';
        submit_button(__('Turn on for every site', 'sophmate-safe-mode'), 'primary', 'submit', false);
        echo '</form>';
    }

    private function render_off_form(): void
    {
        $labels = [
            'run_history' => __('Run history on the sites', 'sophmate-safe-mode'),
            'failed_steps' => __('Failed steps', 'sophmate-safe-mode'),
            'audit_records' => __('Audit records', 'sophmate-safe-mode'),
            'pending_approvals' => __('Pending approvals', 'sophmate-safe-mode'),
            'provider_status' => __('Provider status', 'sophmate-safe-mode'),
            'affected_records' => __('Affected records', 'sophmate-safe-mode'),
        ];
        echo '<h2>' . esc_html__('Turn network safe mode off', 'sophmate-safe-mode') . '</h2>';
        printf('<form method="post" action="%s" data-sophmate-form="off">', esc_url(network_admin_url('edit.php?action=' . self::ACTION)));
        wp_nonce_field(self::ACTION);
        echo '<input type="hidden" name="mode" value="off" />';
        echo '<fieldset><legend>' . esc_html__('I reviewed, on the affected sites:', 'sophmate-safe-mode') . '</legend>';
        foreach (Acknowledgements::REQUIRED as $item) {
            printf(
                '<p><label><input type="checkbox" name="acknowledged[]" value="%s" /> %s</label></p>',
                esc_attr($item),
                esc_html($labels[$item] ?? $item)
            );
        }
        echo '</fieldset>';
        echo '<p><label for="sophmate-network-note">' . esc_html__('Note (required): what was reviewed or fixed', 'sophmate-safe-mode') . '</label><br />';
        echo '<textarea id="sophmate-network-note" name="note" rows="3" class="large-text" required></textarea></p>';
        submit_button(__('Turn off: each site follows its own switches again', 'sophmate-safe-mode'), 'secondary', 'submit', false);
        echo '</form>';
    }

    private function render_sites(): void
    {
        echo '<h2>' . esc_html__('Sites and their own switches', 'sophmate-safe-mode') . '</h2>';
        echo '<table class="widefat striped" data-sophmate-sites><thead><tr>';
        foreach ([__('Site', 'sophmate-safe-mode'), __('Own safe mode', 'sophmate-safe-mode'), __('Paused scopes', 'sophmate-safe-mode'), __('In trial', 'sophmate-safe-mode'), __('Set up', 'sophmate-safe-mode')] as $heading) {
            echo '<th scope="col">' . esc_html($heading) . '</th>';
        }
        echo '</tr></thead><tbody>';
        foreach ($this->sites->sites() as $site) {
            printf(
                '<tr data-site-id="%d"><td><a href="%s">%s</a><br /><code>%s</code></td><td>%s</td><td>%d</td><td>%d</td><td>%s</td></tr>',
                $site['id'],
                esc_url(get_admin_url($site['id'], 'admin.php?page=sophmate-safe-mode')),
                esc_html($site['name'] !== '' ? $site['name'] : '#' . $site['id']),
                esc_html($site['url']),
                esc_html($site['state_error'] !== null ? __('unreadable (held)', 'sophmate-safe-mode') : $site['safe_mode']),
                $site['paused'],
                $site['trial'],
                esc_html($site['set_up'] ? __('yes', 'sophmate-safe-mode') : __('not yet (on its next request)', 'sophmate-safe-mode'))
            );
        }
        echo '</tbody></table>';
        printf('<p class="description">%s</p>', esc_html(sprintf(
            /* translators: %d: number of sites */
            __('The first %d sites are listed.', 'sophmate-safe-mode'),
            SitesOverview::LISTED
        )));
    }

    /** @param array{ok:bool,message:string} $result */
    private function remember(array $result): void
    {
        set_site_transient(self::NOTICE . get_current_user_id(), $result, 120);
    }

    private function render_flash(): void
    {
        $key = self::NOTICE . get_current_user_id();
        $result = get_site_transient($key);
        if (!is_array($result)) {
            return;
        }
        delete_site_transient($key);
        printf(
            '<div class="notice %s is-dismissible" data-sophmate-flash><p>%s</p></div>',
            !empty($result['ok']) ? 'notice-success' : 'notice-error',
            esc_html((string) ($result['message'] ?? ''))
        );
    }
}
