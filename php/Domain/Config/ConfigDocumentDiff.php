<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Domain\Config;

/**
 * Compares the configuration sections of a site as it is with the same sections as an import would
 * leave them, field by field. Both sides come from ConfigDocument::sections(), so normalization
 * never shows up as a change and exporting then importing the same site changes nothing.
 */
final class ConfigDocumentDiff
{
    private const SECTIONS = ['categories' => ['category', 'slug'], 'providers' => ['provider', 'slug'], 'automations' => ['automation', 'id']];

    /**
     * @param array<string,mixed> $from sections as the site is
     * @param array<string,mixed> $to sections as the import would leave them
     * @param array<string,list<string>> $in_file ids each section of the file names, by type
     * @param list<array{type:string,id:string,change:string,fields:list<array{path:string,from:mixed,to:mixed}>}> $skipped
     * @return list<array{type:string,id:string,change:string,fields:list<array{path:string,from:mixed,to:mixed}>}>
     */
    public static function between(array $from, array $to, array $in_file, array $skipped = []): array
    {
        $from = self::plain($from);
        $to = self::plain($to);
        $skipped_by_id = [];
        foreach ($skipped as $item) {
            $skipped_by_id[$item['type'] . ':' . $item['id']] = $item;
        }
        $items = [];
        foreach (self::SECTIONS as $section => [$type, $key]) {
            $before = self::keyed($from[$section] ?? [], $key);
            $after = self::keyed($to[$section] ?? [], $key);
            foreach ($after as $id => $entry) {
                if (isset($skipped_by_id["$type:$id"])) {
                    $items[] = $skipped_by_id["$type:$id"];
                    continue;
                }
                if (!in_array($id, $in_file[$type] ?? [], true)) {
                    $items[] = ['type' => $type, 'id' => $id, 'change' => 'not_in_file', 'fields' => []];
                    continue;
                }
                $fields = self::fields($before[$id] ?? [], $entry, $key);
                $change = !isset($before[$id]) ? 'added' : ($fields === [] ? 'unchanged' : 'changed');
                $items[] = ['type' => $type, 'id' => $id, 'change' => $change, 'fields' => $fields];
            }
        }
        foreach (['settings', 'notifications'] as $type) {
            $fields = self::fields($from[$type] ?? [], $to[$type] ?? [], '');
            $items[] = [
                'type' => $type,
                'id' => $type,
                'change' => ($in_file[$type] ?? []) === [] ? 'not_in_file' : ($fields === [] ? 'unchanged' : 'changed'),
                'fields' => $fields,
            ];
        }
        return $items;
    }

    /**
     * Counts per change kind, for the audit entry and the one-line CLI summary.
     *
     * @param list<array{change:string}> $items
     * @return array<string,int>
     */
    public static function summary(array $items): array
    {
        $counts = ['added' => 0, 'changed' => 0, 'unchanged' => 0, 'skipped' => 0, 'not_in_file' => 0];
        foreach ($items as $item) {
            $counts[$item['change']] = ($counts[$item['change']] ?? 0) + 1;
        }
        return $counts;
    }

    /**
     * @param array<string,mixed> $before
     * @param array<string,mixed> $after
     * @return list<array{path:string,from:mixed,to:mixed}>
     */
    private static function fields(array $before, array $after, string $key): array
    {
        $old = self::flatten($before, '');
        $new = self::flatten($after, '');
        unset($old[$key], $new[$key]);
        $fields = [];
        foreach (array_unique(array_merge(array_keys($new), array_keys($old))) as $path) {
            $was = $old[$path] ?? null;
            $now = $new[$path] ?? null;
            if ($was !== $now) {
                $fields[] = ['path' => (string) $path, 'from' => $was, 'to' => $now];
            }
        }
        return $fields;
    }

    /**
     * Nested objects become dotted paths; lists and owners ({login, email}) stay whole values, so a
     * changed host list or owner is one line.
     *
     * @param array<string,mixed> $data
     * @return array<string,mixed>
     */
    private static function flatten(array $data, string $prefix): array
    {
        $out = [];
        foreach ($data as $key => $value) {
            $path = $prefix === '' ? (string) $key : "$prefix.$key";
            if (is_array($value) && $value !== [] && !array_is_list($value) && !self::is_owner($value)) {
                $out += self::flatten($value, $path);
            } else {
                $out[$path] = $value;
            }
        }
        return $out;
    }

    /** @param array<mixed> $value */
    private static function is_owner(array $value): bool
    {
        $keys = array_keys($value);
        sort($keys);
        return $keys === ['email', 'login'];
    }

    /**
     * @param list<array<string,mixed>> $entries
     * @return array<string,array<string,mixed>>
     */
    private static function keyed(array $entries, string $key): array
    {
        $out = [];
        foreach ($entries as $entry) {
            $out[(string) $entry[$key]] = $entry;
        }
        return $out;
    }

    /**
     * Objects (breakers, checklists) as arrays, the way a decoded JSON file has them.
     *
     * @param array<string,mixed> $sections
     * @return array<string,mixed>
     */
    private static function plain(array $sections): array
    {
        $plain = json_decode((string) json_encode($sections), true);
        return is_array($plain) ? $plain : [];
    }
}
