<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Readiness;

use SophMate\SafeMode\Domain\Config\AutomationDefinition;
use SophMate\SafeMode\Domain\Config\AutomationMode;
use SophMate\SafeMode\Domain\Config\Category;

/**
 * Finds ownership gaps: categories without an owner; owners, backup owners and restart owners who
 * no longer exist or cannot pause; live automations without an owner.
 */
final class OwnershipCheck
{
    private const ROLES = ['owner' => 'owner', 'backup_owner' => 'backup owner', 'restart_owner' => 'restart owner'];

    /** @param \Closure(int):OwnerStanding $standing what WordPress says about a user id */
    public function __construct(private readonly \Closure $standing)
    {
    }

    /**
     * @param iterable<Category> $categories
     * @param iterable<AutomationDefinition> $automations
     * @return list<OwnershipProblem>
     */
    public function problems(iterable $categories, iterable $automations): array
    {
        $problems = [];
        foreach ($categories as $category) {
            $scope = 'category:' . $category->slug;
            if ($category->owner_id === null) {
                $problems[] = new OwnershipProblem(OwnershipProblem::CATEGORY_WITHOUT_OWNER, $scope, 'owner', sprintf('The category "%s" has no owner: nobody is responsible for pausing or reviewing it.', $category->label));
            }
            $people = ['owner' => $category->owner_id, 'backup_owner' => $category->backup_owner_id, 'restart_owner' => $category->policy->restart_owner_id];
            foreach ($people as $role => $user_id) {
                $problem = $this->person($scope, $role, $user_id, sprintf('the category "%s"', $category->label));
                if ($problem !== null) {
                    $problems[] = $problem;
                }
            }
        }
        foreach ($automations as $automation) {
            $scope = 'automation:' . $automation->id;
            $problem = $this->person($scope, 'owner', $automation->owner_id, sprintf('the automation "%s"', $automation->label));
            if ($problem !== null) {
                $problems[] = $problem;
            }
            $gone = $automation->owner_id === null || $problem?->kind === OwnershipProblem::OWNER_DELETED;
            if ($automation->mode === AutomationMode::Live && $gone) {
                $problems[] = new OwnershipProblem(OwnershipProblem::LIVE_WITHOUT_OWNER, $scope, 'owner', sprintf('The automation "%s" is live without an owner: nobody is responsible for pausing it.', $automation->label));
            }
        }
        return $problems;
    }

    private function person(string $scope, string $role, ?int $user_id, string $what): ?OwnershipProblem
    {
        if ($user_id === null) {
            return null;
        }
        return match (($this->standing)($user_id)) {
            OwnerStanding::Deleted => new OwnershipProblem(OwnershipProblem::OWNER_DELETED, $scope, $role, sprintf('The %s of %s (user #%d) no longer exists.', self::ROLES[$role], $what, $user_id)),
            OwnerStanding::CannotPause => new OwnershipProblem(OwnershipProblem::OWNER_CANNOT_PAUSE, $scope, $role, sprintf('The %s of %s (user #%d) cannot pause automation: they lack the sophmate_pause_automation capability.', self::ROLES[$role], $what, $user_id)),
            default => null,
        };
    }
}
