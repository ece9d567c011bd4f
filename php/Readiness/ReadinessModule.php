<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Readiness;

use SophMate\SafeMode\Domain\Readiness\OwnershipProblem;
use SophMate\SafeMode\Services;

/** Wires the readiness gate (draft → read_only → live), owner checks and the Site Health test into WordPress. */
final class ReadinessModule
{
    public function __construct(private readonly Services $services, private readonly string $plugin_file)
    {
    }

    public function register(): void
    {
        add_action('rest_api_init', function (): void {
            (new ReadinessController($this->services))->register_routes();
        });
        add_filter('sophmate_safe_mode_status_report', [$this, 'add_to_status']);
        (new OwnershipSiteHealth($this->services))->register();
        if (defined('WP_CLI') && WP_CLI && class_exists(\WP_CLI::class)) {
            \WP_CLI::add_command('sophmate automations', new \SophMate\SafeMode\Cli\AutomationsCommand($this->services));
        }
    }

    /**
     * GET /status (and `wp sophmate status`, and the admin preload) carries each automation's
     * readiness and the site's ownership problems.
     *
     * @param array<string,mixed> $report
     * @return array<string,mixed>
     */
    public function add_to_status($report): array
    {
        $report = is_array($report) ? $report : [];
        $service = new ReadinessService($this->services);
        foreach ($report['automations'] ?? [] as $i => $row) {
            $automation = $this->services->catalog->find_automation((string) ($row['id'] ?? ''));
            if ($automation !== null) {
                $report['automations'][$i]['readiness'] = $service->view($automation);
            }
        }
        $report['problems'] = array_map(static fn (OwnershipProblem $p): array => $p->to_array(), $service->problems());
        return $report;
    }
}
