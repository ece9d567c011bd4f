<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Readiness;

use SophMate\SafeMode\Admin\ConsoleUrls;
use SophMate\SafeMode\Domain\Readiness\OwnershipProblem;
use SophMate\SafeMode\Services;

/**
 * Site Health (Tools → Site Health) direct test: who would pause automation in an incident?
 * Critical when something runs live with nobody owning it; recommended for any other ownership gap.
 */
final class OwnershipSiteHealth
{
    public const TEST = 'sophmate_safe_mode_ownership';

    public function __construct(private readonly Services $services)
    {
    }

    public function register(): void
    {
        add_filter('site_status_tests', [$this, 'add_test']);
    }

    /**
     * @param array<string,mixed> $tests
     * @return array<string,mixed>
     */
    public function add_test($tests): array
    {
        $tests = is_array($tests) ? $tests : [];
        $tests['direct'][self::TEST] = [
            'label' => __('Automation ownership (SophMate Safe Mode)', 'sophmate-safe-mode'),
            'test' => [$this, 'run'],
        ];
        return $tests;
    }

    /** @return array<string,mixed> the Site Health result */
    public function run(): array
    {
        $problems = (new ReadinessService($this->services))->problems();
        $critical = array_values(array_filter($problems, static fn (OwnershipProblem $p): bool => $p->is_critical()));
        $status = $critical !== [] ? 'critical' : ($problems === [] ? 'good' : 'recommended');
        $label = match ($status) {
            'critical' => __('Automation runs live without an owner', 'sophmate-safe-mode'),
            'recommended' => __('Some automation has no one able to pause it', 'sophmate-safe-mode'),
            default => __('Every category and automation has an owner who can pause it', 'sophmate-safe-mode'),
        };
        $description = '<p>' . esc_html__('In an incident, the owner of a category or automation is who pauses it, reviews it and restarts it. Without one, nobody is responsible.', 'sophmate-safe-mode') . '</p>';
        if ($problems !== []) {
            $description .= '<ul>' . implode('', array_map(static fn (OwnershipProblem $p): string => '<li>' . esc_html($p->detail) . '</li>', $problems)) . '</ul>';
        }
        return [
            'label' => $label,
            'status' => $status,
            'badge' => ['label' => __('Security', 'sophmate-safe-mode'), 'color' => match ($status) {
                'critical' => 'red',
                'recommended' => 'orange',
                default => 'blue',
            }],
            'description' => $description,
            'actions' => sprintf(
                '<p><a href="%s">%s</a></p>',
                esc_url(ConsoleUrls::overview()),
                esc_html__('Open Automation Safety to name owners', 'sophmate-safe-mode')
            ),
            'test' => self::TEST,
        ];
    }
}
