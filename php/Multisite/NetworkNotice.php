<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Multisite;

use SophMate\SafeMode\Admin\SwitchSummary;
use SophMate\SafeMode\Domain\Switches\SafeModeMode;

/**
 * On every site's wp-admin (and in Network Admin): while network safe mode is in force, who set
 * it, when and why. Not dismissible; it goes when network safe mode does.
 */
final class NetworkNotice
{
    public function __construct(private readonly NetworkSafeModeStore $store)
    {
    }

    public function register(): void
    {
        add_action('admin_notices', [$this, 'render']);
        add_action('network_admin_notices', [$this, 'render']);
    }

    public function render(): void
    {
        if (!SwitchSummary::can_see() && !current_user_can(NetworkSafeModeController::CAP)) {
            return;
        }
        $state = $this->store->load();
        if ($state->corruption === null && !$state->record->is_on()) {
            return;
        }
        echo '<div class="notice notice-error sophmate-safe-mode-notice" data-sophmate-notice="network">';
        if ($state->corruption !== null) {
            printf(
                '<p><strong>%s</strong> %s</p>',
                esc_html__('Network safe mode is held on: its stored state cannot be read.', 'sophmate-safe-mode'),
                esc_html(sprintf(
                    /* translators: %s: what is wrong with the stored value */
                    __('Nothing runs on any site of this network until a network administrator sets it again (Network Admin → Automation Safety). Problem: %s.', 'sophmate-safe-mode'),
                    $state->corruption
                ))
            );
        } else {
            echo '<p>' . self::describe($state) . '</p>'; // phpcs:ignore -- escaped in describe().
        }
        if (current_user_can(NetworkSafeModeController::CAP)) {
            printf('<p><a class="button" href="%s">%s</a></p>', esc_url(NetworkAdminPage::url()), esc_html__('Open network safe mode', 'sophmate-safe-mode'));
        }
        echo '</div>';
    }

    /** "Network safe mode is on (paused): nothing runs on any site. Reason: … Set by Jane (via WP-CLI) on …" — escaped. */
    public static function describe(NetworkSafeModeState $state): string
    {
        $record = $state->record;
        $html = '<strong>' . esc_html(
            $record->mode === SafeModeMode::ReadOnly
                ? __('Network safe mode is on (read-only): on every site of this network runs may read, but every write is refused.', 'sophmate-safe-mode')
                : __('Network safe mode is on (paused): no automation runs on any site of this network.', 'sophmate-safe-mode')
        ) . '</strong>';
        if ($record->reason !== '') {
            $html .= ' ' . esc_html__('Reason:', 'sophmate-safe-mode') . ' <q>' . esc_html($record->reason) . '</q>.';
        }
        if ($record->actor !== null) {
            $html .= ' ' . esc_html(sprintf(
                /* translators: 1: person's name, 2: login, 3: where the change came from, 4: time in UTC */
                __('Set by %1$s (%2$s) via %3$s on %4$s.', 'sophmate-safe-mode'),
                $record->actor->name !== '' ? $record->actor->name : $record->actor->login,
                $record->actor->login,
                $record->source?->value ?? '',
                $record->since !== null ? $record->since->setTimezone(new \DateTimeZone('UTC'))->format('Y-m-d H:i') . ' UTC' : ''
            ));
        }
        $html .= ' ' . esc_html__('Only a network administrator can turn it off; this site\'s own switches apply again then.', 'sophmate-safe-mode');
        return $html;
    }
}
