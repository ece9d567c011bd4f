<?php

declare(strict_types=1);

namespace SophMate\SafeMode\ConfigTransfer;

/**
 * The stored rows of a few options, taken before an import writes and put back byte for byte if
 * any write fails. Reads and restores go to the table directly so that no option filter (the very
 * thing that may have made a write fail) can change what is put back.
 */
final class OptionSnapshot
{
    /** @param array<string,array{option_value:string,autoload:string}> $rows option name => stored row; absent = did not exist */
    private function __construct(private readonly \wpdb $db, private readonly array $names, private readonly array $rows)
    {
    }

    /** @param list<string> $names */
    public static function take(\wpdb $db, array $names): self
    {
        $placeholders = implode(',', array_fill(0, count($names), '%s'));
        // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- placeholders only
        $found = $db->get_results($db->prepare("SELECT option_name, option_value, autoload FROM {$db->options} WHERE option_name IN ($placeholders)", ...$names), ARRAY_A) ?: [];
        $rows = [];
        foreach ($found as $row) {
            $rows[(string) $row['option_name']] = ['option_value' => (string) $row['option_value'], 'autoload' => (string) $row['autoload']];
        }
        return new self($db, $names, $rows);
    }

    public function restore(): void
    {
        foreach ($this->names as $name) {
            $exists = $this->db->get_var($this->db->prepare("SELECT COUNT(*) FROM {$this->db->options} WHERE option_name = %s", $name)) > 0;
            if (!isset($this->rows[$name])) {
                $this->db->delete($this->db->options, ['option_name' => $name]);
            } elseif ($exists) {
                $this->db->update($this->db->options, $this->rows[$name], ['option_name' => $name]);
            } else {
                $this->db->insert($this->db->options, ['option_name' => $name] + $this->rows[$name]);
            }
            wp_cache_delete($name, 'options');
        }
        self::forget_option_caches();
    }

    /** The option caches WordPress keeps besides one entry per option. */
    public static function forget_option_caches(): void
    {
        wp_cache_delete('alloptions', 'options');
        wp_cache_delete('notoptions', 'options');
    }
}
