<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Storage;

use SophMate\SafeMode\Domain\Switches\SwitchBoard;

/**
 * The switch board as one small autoloaded option holding JSON that starts with its version.
 * Reads ride on WordPress' alloptions load (no extra query); writes are a single conditional
 * UPDATE on that version prefix, which is an atomic compare-and-swap on every MySQL/MariaDB.
 */
final class OptionSwitchStateStore implements SwitchStateStore
{
    public const OPTION = 'sophmate_safe_mode_switches';

    private ?SwitchBoard $loaded = null;

    public function __construct(private readonly \wpdb $db)
    {
    }

    public function load(): SwitchBoard
    {
        if ($this->loaded === null && wp_using_ext_object_cache()) {
            // A persistent object cache shared by web nodes can hold a stale copy for as long as
            // nobody deletes it again: a request that read the options before a change commits can
            // add its old copy after the change dropped the cache (the alloptions race; npm run
            // test:scale reproduces it). The gate must never act on that, so such sites read the
            // row itself: one primary-key query per request. Without one, alloptions is this
            // request's own read of the database and costs nothing.
            return $this->load_fresh();
        }
        return $this->loaded ??= self::decode(get_option(self::OPTION, null));
    }

    /** Drops this request's copy so the next load() reads again (long-running processes, tests). */
    public function forget(): void
    {
        $this->loaded = null;
    }

    public function load_fresh(): SwitchBoard
    {
        $raw = $this->db->get_var($this->db->prepare("SELECT option_value FROM {$this->db->options} WHERE option_name = %s", self::OPTION));
        if ($raw === null && $this->db->last_error !== '') {
            return SwitchBoard::unreadable('database error: ' . $this->db->last_error);
        }
        return $this->loaded = self::decode($raw);
    }

    public function swap(SwitchBoard $expected, SwitchBoard $next): bool
    {
        $json = self::encode($next);
        if ($expected->version === 0) {
            // First write on a site whose option was never created (or was deleted): insert, or
            // take over a version-0 row. INSERT IGNORE loses to a concurrent first writer, as it should.
            $inserted = $this->db->query($this->db->prepare(
                "INSERT IGNORE INTO {$this->db->options} (option_name, option_value, autoload) VALUES (%s, %s, 'yes')",
                self::OPTION,
                $json
            ));
            $ok = $inserted === 1 || $this->conditional_update($expected->version, $json);
        } else {
            $ok = $this->conditional_update($expected->version, $json);
        }
        if ($ok) {
            $this->forget_cached_option();
            $this->loaded = $next;
        }
        return $ok;
    }

    /** Puts the option in place (autoloaded) so that requests never query for a missing option. */
    public function ensure_exists(): void
    {
        if ($this->load_fresh()->version === 0 && get_option(self::OPTION, null) === null) {
            add_option(self::OPTION, self::encode(SwitchBoard::empty()), '', 'yes');
        }
    }

    private function conditional_update(int $version, string $json): bool
    {
        $updated = $this->db->query($this->db->prepare(
            "UPDATE {$this->db->options} SET option_value = %s WHERE option_name = %s AND option_value LIKE %s",
            $json,
            self::OPTION,
            $this->db->esc_like(self::version_prefix($version)) . '%'
        ));
        return $updated === 1;
    }

    /**
     * Every worker (and a persistent object cache shared by web nodes) must see the change on its
     * next read. Called after the write, and again after the commit when the write was part of a
     * transaction (a reader between the two could have cached the old value).
     */
    public function forget_cached_option(): void
    {
        wp_cache_delete(self::OPTION, 'options');
        wp_cache_delete('alloptions', 'options');
        wp_cache_delete('notoptions', 'options');
    }

    public static function encode(SwitchBoard $board): string
    {
        // 'version' must stay the first key: the compare-and-swap matches on this prefix.
        return (string) wp_json_encode($board->to_array(), JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
    }

    private static function version_prefix(int $version): string
    {
        return '{"version":' . $version . ',';
    }

    /** @param mixed $raw */
    private static function decode($raw): SwitchBoard
    {
        if ($raw === null || $raw === false || $raw === '') {
            return SwitchBoard::empty();
        }
        if (!is_string($raw)) {
            return SwitchBoard::unreadable('stored value is not text');
        }
        $data = json_decode($raw, true);
        if (!is_array($data)) {
            return SwitchBoard::unreadable('stored value is not valid JSON');
        }
        // A value of the wrong JSON type (an array where text belongs) only makes PHP warn while
        // casting: that is corruption too, and must fail closed instead of logging on every request.
        set_error_handler(static function (int $severity, string $message): bool {
            throw new \UnexpectedValueException('switch state has a value of the wrong type (' . $message . ')');
        }, E_WARNING | E_NOTICE | E_DEPRECATED | E_USER_WARNING | E_USER_NOTICE);
        try {
            return SwitchBoard::from_array($data);
        } catch (\UnexpectedValueException | \TypeError $e) {
            return SwitchBoard::unreadable($e->getMessage());
        } finally {
            restore_error_handler();
        }
    }
}
