<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Admin;

use SophMate\SafeMode\Plugin;
use SophMate\SafeMode\Storage\Schema\SchemaHealth;

/**
 * Says loudly when the plugin's tables are missing or not upgraded (automation is then held):
 * a Site Health test (a fresh check) and an error notice on wp-admin screens for people who
 * manage automation (the alarm the last check left: no query).
 */
final class StorageHealthReport
{
    public const TEST = 'sophmate_safe_mode_storage';

    public function __construct(private readonly SchemaHealth $health)
    {
    }

    public function register(): void
    {
        add_filter('site_status_tests', [$this, 'add_test']);
        add_action('admin_notices', [$this, 'render_notice']);
        add_action('network_admin_notices', [$this, 'render_notice']);
    }

    /**
     * @param mixed $tests
     * @return array<string,mixed>
     */
    public function add_test($tests): array
    {
        $tests = is_array($tests) ? $tests : [];
        $tests['direct'][self::TEST] = [
            'label' => __('Automation safety storage (SophMate Safe Mode)', 'sophmate-safe-mode'),
            'test' => [$this, 'run'],
        ];
        return $tests;
    }

    /** @return array<string,mixed> the Site Health result */
    public function run(): array
    {
        $problem = $this->health->problem();
        return [
            'label' => $problem === null
                ? __('Automation safety storage is complete and up to date', 'sophmate-safe-mode')
                : __('Automation is held: its safety storage needs repair', 'sophmate-safe-mode'),
            'status' => $problem === null ? 'good' : 'critical',
            'badge' => ['label' => __('Security', 'sophmate-safe-mode'), 'color' => $problem === null ? 'blue' : 'red'],
            'description' => '<p>' . esc_html($problem === null
                ? __('Run history, audit log and breaker tables are in place at the current schema version.', 'sophmate-safe-mode')
                : sprintf(
                    /* translators: %s: what is wrong with the tables */
                    __('Problem: %s. Every automation is treated as paused (fail closed) until this is repaired.', 'sophmate-safe-mode'),
                    $problem
                )) . '</p>',
            'actions' => $problem === null ? '' : '<p>' . esc_html__('Repair it with "wp sophmate repair", or deactivate and activate the plugin. A dropped table comes back empty: restore it from a backup if you have one.', 'sophmate-safe-mode') . '</p>',
            'test' => self::TEST,
        ];
    }

    public function render_notice(): void
    {
        if (!current_user_can(Plugin::CAP_MANAGE)) {
            return;
        }
        // The alarm, not a fresh check: a wp-admin screen must not pay a query when all is well.
        $problem = $this->health->alarm();
        if ($problem === null) {
            return;
        }
        printf(
            '<div class="notice notice-error sophmate-safe-mode-notice" data-sophmate-notice="storage"><p><strong>%s</strong> %s</p></div>',
            esc_html__('Automation is held: its safety storage needs repair.', 'sophmate-safe-mode'),
            esc_html(sprintf(
                /* translators: %s: what is wrong with the tables */
                __('Problem: %s. Repair it with "wp sophmate repair", or deactivate and activate the plugin.', 'sophmate-safe-mode'),
                $problem
            ))
        );
    }
}
