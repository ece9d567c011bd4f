<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Multisite;

use SophMate\SafeMode\Domain\Actor;
use SophMate\SafeMode\Domain\Audit\AuditEntry;
use SophMate\SafeMode\Domain\Clock;
use SophMate\SafeMode\Domain\Switches\Acknowledgements;
use SophMate\SafeMode\Domain\Switches\SafeModeMode;
use SophMate\SafeMode\Domain\Switches\SafeModeRecord;
use SophMate\SafeMode\Domain\Switches\Source;
use SophMate\SafeMode\Domain\Exception\InvalidInput;
use SophMate\SafeMode\Domain\Text;
use SophMate\SafeMode\Services;

/**
 * Turns network safe mode on (paused or read-only, with a reason) or off (the same six
 * acknowledgements and note as a site's safe mode). Each change is written once for the network,
 * then audited in every site's own audit log (so each site's operators see it), then announced
 * with the public actions (scope "network"). Sites' own switches are never touched: when network
 * safe mode goes off, each site is exactly as its own switches say.
 */
final class NetworkSafeMode
{
    public const SCOPE = 'network';

    /** Sites audited in the request that changes it; beyond this the change is still in force everywhere. */
    public const AUDITED_SITES = 500;

    public function __construct(
        private readonly NetworkSafeModeStore $store,
        private readonly Services $services,
        private readonly Clock $clock,
    ) {
    }

    /** The service as the module wires it (WP-CLI builds it the same way). */
    public static function from(Services $services): self
    {
        global $wpdb;
        return new self(new NetworkSafeModeStore($wpdb), $services, $services->clock);
    }

    /**
     * @param mixed $acknowledged all six review items, to turn it off
     * @return array{changed:bool,before:string,after:string,state:NetworkSafeModeState,audited_sites:int,audit_errors:list<string>}
     */
    public function set(SafeModeMode $mode, string $text, $acknowledged, Actor $actor, Source $source): array
    {
        if ($mode === SafeModeMode::Off) {
            $text = Text::note($text);
            $context = ['acknowledged' => Acknowledgements::REQUIRED];
        } else {
            $text = Text::reason($text);
            $context = [];
        }
        $next = $mode === SafeModeMode::Off ? SafeModeRecord::off() : new SafeModeRecord($mode, $text, $actor, $source, $this->clock->now());
        [$before, $after] = $this->store->change(static function (NetworkSafeModeState $current) use ($mode, $next, $acknowledged, $text): ?SafeModeRecord {
            if ($current->corruption === null && $current->record->mode === $mode) {
                return null;
            }
            if ($mode === SafeModeMode::Off) {
                Acknowledgements::assert_complete($acknowledged);
                if ($text === '') {
                    throw new InvalidInput('sophmate_invalid_note', 'A note is required: say what you reviewed or fixed, so every site\'s operators know why network safe mode was turned off.');
                }
            }
            return $next;
        });
        $from = $before->effective_mode()->value;
        if ($after === null) {
            return ['changed' => false, 'before' => $from, 'after' => $from, 'state' => $before, 'audited_sites' => 0, 'audit_errors' => []];
        }
        $to = $after->record->mode->value;
        $action = $mode === SafeModeMode::Off ? 'restart' : 'pause';
        $context += ['mode' => $to, 'network_id' => (int) get_current_network_id(), 'version' => $after->version];
        [$audited, $errors] = $this->audit_every_site(new AuditEntry($action, self::SCOPE, $from, $to, $text, $actor, $source->value, $this->clock->now(), $context));
        $this->announce($action, $from, $to, $actor, $text, ['source' => $source->value, 'network' => true, 'sites_audited' => $audited] + $context);
        return ['changed' => true, 'before' => $from, 'after' => $to, 'state' => $after, 'audited_sites' => $audited, 'audit_errors' => $errors];
    }

    public function state(): NetworkSafeModeState
    {
        return $this->store->load();
    }

    /**
     * One entry in each site's hash-chained audit log (sites where the plugin's tables exist).
     *
     * @return array{0:int,1:list<string>} sites audited, and what failed where
     */
    private function audit_every_site(AuditEntry $entry): array
    {
        $audited = 0;
        $errors = [];
        $ids = get_sites(['fields' => 'ids', 'network_id' => get_current_network_id(), 'number' => self::AUDITED_SITES, 'deleted' => 0, 'orderby' => 'id']);
        foreach ($ids as $id) {
            $switched = SiteContext::enter((int) $id, $this->services);
            try {
                if ($this->services->schema->installed_version() === 0) {
                    continue; // The plugin never ran on this site (activated per site elsewhere): no audit table.
                }
                $this->services->audit->append($entry);
                $audited++;
            } catch (\Throwable $e) {
                $errors[] = sprintf('site %d: %s', (int) $id, $e->getMessage());
            } finally {
                SiteContext::leave($switched, $this->services);
            }
        }
        return [$audited, $errors];
    }

    /**
     * The public actions, once, in the request's own site: scope "network", state the new mode.
     *
     * @param array<string,mixed> $context
     */
    private function announce(string $action, string $from, string $to, Actor $actor, string $reason, array $context): void
    {
        do_action($action === 'pause' ? 'sophmate_safe_mode_paused' : 'sophmate_safe_mode_restarted', self::SCOPE, $to, $actor->to_array(), $reason, $context);
        do_action('sophmate_safe_mode_network_safe_mode_changed', $to, $from, $actor->to_array(), $reason, $context);
    }
}
