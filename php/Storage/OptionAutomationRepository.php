<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Storage;

use SophMate\SafeMode\Domain\Config\AutomationDefinition;

/**
 * Automations created in the admin or over REST (typically to govern another plugin's cron hook).
 * Autoloaded: the cron gate and decisions need them on the requests that run automation, and the
 * list is small.
 */
final class OptionAutomationRepository
{
    public const OPTION = 'sophmate_safe_mode_automations';

    /** @return array<string,AutomationDefinition> */
    public function all(): array
    {
        $stored = get_option(self::OPTION, []);
        $automations = [];
        foreach (is_array($stored) ? $stored : [] as $id => $data) {
            if (!is_array($data)) {
                continue;
            }
            try {
                $automations[(string) $id] = AutomationDefinition::from_array(['id' => (string) $id, 'origin' => 'admin'] + $data);
            } catch (\Exception) {
                continue; // A damaged entry must not stop the others from being governed.
            }
        }
        return $automations;
    }

    /** Creates the (empty, autoloaded) option so requests never query for a missing one. */
    public function ensure_exists(): void
    {
        if (get_option(self::OPTION, null) === null) {
            add_option(self::OPTION, [], '', 'yes');
        }
    }

    public function save(AutomationDefinition $automation): void
    {
        $stored = get_option(self::OPTION, []);
        $stored = is_array($stored) ? $stored : [];
        $stored[$automation->id] = $automation->to_array();
        if (get_option(self::OPTION, null) === null) {
            add_option(self::OPTION, $stored, '', 'yes');
        } else {
            update_option(self::OPTION, $stored, true);
        }
    }
}
