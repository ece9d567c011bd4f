<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Multisite;

use SophMate\SafeMode\Domain\Decision\EmergencyState;
use SophMate\SafeMode\Domain\Exception\StorageUnavailable;
use SophMate\SafeMode\Domain\Switches\SafeModeMode;
use SophMate\SafeMode\Domain\Switches\SafeModeRecord;
use SophMate\SafeMode\Storage\DatabaseLock;

/**
 * Network safe mode, stored once for the network as a network option (wp_sitemeta) holding JSON
 * with a version. Reads go through WordPress' site-options cache; changes are made under a named
 * database lock (every web node shares the database) and drop that cache, so a change reaches
 * every site, worker and node at its next check.
 */
final class NetworkSafeModeStore
{
    public const OPTION = 'sophmate_safe_mode_network';
    private const LOCK = 'sophmate_safe_mode_network';

    public function __construct(private readonly \wpdb $db)
    {
    }

    public function load(): NetworkSafeModeState
    {
        return NetworkSafeModeState::decode(get_network_option($this->network_id(), self::OPTION, null));
    }

    /**
     * What enforcement sees: an unreadable record holds every site (fail closed).
     *
     * @param bool $fresh read the database, not the cache (a run's checkpoint)
     */
    public function emergency_state(bool $fresh = false): EmergencyState
    {
        try {
            $state = $fresh ? $this->load_fresh() : $this->load();
        } catch (StorageUnavailable $e) {
            return new EmergencyState(SafeModeMode::Paused, 'network', 'network safe mode cannot be read (' . $e->getMessage() . ')');
        }
        if ($state->corruption !== null) {
            return new EmergencyState(SafeModeMode::Paused, 'network', 'network safe mode state is unreadable (' . $state->corruption . ')');
        }
        return $state->record->is_on() ? new EmergencyState($state->record->mode, 'network', $state->record->reason) : new EmergencyState();
    }

    /**
     * Applies $transition to the stored state under the lock.
     *
     * @param callable(NetworkSafeModeState):?SafeModeRecord $transition null = nothing to change
     * @return array{0:NetworkSafeModeState,1:?NetworkSafeModeState} before, and after (null when unchanged)
     */
    public function change(callable $transition): array
    {
        $lock = DatabaseLock::acquire($this->db, self::LOCK . '_' . $this->network_id(), 10);
        if ($lock === null) {
            throw new StorageUnavailable('sophmate_state_busy', 'Network safe mode is being changed by someone else right now; try again.');
        }
        try {
            $before = $this->load_fresh();
            $next = $transition($before);
            if ($next === null) {
                return [$before, null];
            }
            $after = new NetworkSafeModeState($before->version + 1, $next);
            $this->write($after);
            return [$before, $after];
        } finally {
            $lock->release();
        }
    }

    /** The row as stored, bypassing every cache. */
    public function load_fresh(): NetworkSafeModeState
    {
        $raw = $this->db->get_var($this->db->prepare(
            "SELECT meta_value FROM {$this->db->sitemeta} WHERE site_id = %d AND meta_key = %s ORDER BY meta_id LIMIT 1",
            $this->network_id(),
            self::OPTION
        ));
        if ($raw === null && $this->db->last_error !== '') {
            throw new StorageUnavailable('sophmate_state_unreadable', 'Network safe mode cannot be read from the database: ' . $this->db->last_error);
        }
        return NetworkSafeModeState::decode($raw);
    }

    private function write(NetworkSafeModeState $after): void
    {
        $json = $after->encode();
        $exists = $this->db->get_var($this->db->prepare(
            "SELECT meta_id FROM {$this->db->sitemeta} WHERE site_id = %d AND meta_key = %s LIMIT 1",
            $this->network_id(),
            self::OPTION
        ));
        $written = $exists !== null
            ? $this->db->update($this->db->sitemeta, ['meta_value' => $json], ['site_id' => $this->network_id(), 'meta_key' => self::OPTION])
            : $this->db->insert($this->db->sitemeta, ['site_id' => $this->network_id(), 'meta_key' => self::OPTION, 'meta_value' => $json]);
        if ($written === false) {
            throw new StorageUnavailable('sophmate_state_write_failed', 'Network safe mode could not be saved: ' . $this->db->last_error);
        }
        // The same keys get_network_option() caches under (a persistent object cache shares them across nodes).
        wp_cache_delete($this->network_id() . ':' . self::OPTION, 'site-options');
        wp_cache_delete($this->network_id() . ':notoptions', 'site-options');
    }

    private function network_id(): int
    {
        return (int) get_current_network_id();
    }
}
