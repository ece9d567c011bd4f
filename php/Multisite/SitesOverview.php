<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Multisite;

use SophMate\SafeMode\Domain\Switches\SwitchState;
use SophMate\SafeMode\Services;

/** Each site's own switches at a glance, for the Network Admin page and GET /network/safe-mode. */
final class SitesOverview
{
    public const LISTED = 100;

    public function __construct(private readonly Services $services)
    {
    }

    /** @return list<array{id:int,name:string,url:string,set_up:bool,safe_mode:string,paused:int,trial:int,state_error:?string}> */
    public function sites(int $limit = self::LISTED): array
    {
        $rows = [];
        $ids = get_sites(['fields' => 'ids', 'network_id' => get_current_network_id(), 'number' => $limit, 'deleted' => 0, 'orderby' => 'id']);
        foreach ($ids as $id) {
            $switched = SiteContext::enter((int) $id, $this->services);
            try {
                $board = $this->services->switch_store->load();
                $count = static function (SwitchState $state) use ($board): int {
                    $n = 0;
                    foreach ([$board->categories, $board->automations] as $records) {
                        foreach ($records as $record) {
                            $n += $record->state === $state ? 1 : 0;
                        }
                    }
                    return $n;
                };
                $rows[] = [
                    'id' => (int) $id,
                    'name' => (string) get_option('blogname', ''),
                    'url' => home_url('/'),
                    'set_up' => $this->services->schema->installed_version() > 0,
                    'safe_mode' => $board->safe_mode->mode->value,
                    'paused' => $count(SwitchState::Paused),
                    'trial' => $count(SwitchState::Trial),
                    'state_error' => $board->corruption,
                ];
            } finally {
                SiteContext::leave($switched, $this->services);
            }
        }
        return $rows;
    }
}
