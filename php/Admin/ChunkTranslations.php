<?php

declare(strict_types=1);

namespace SophMate\SafeMode\Admin;

/**
 * Translations for the admin app's lazy chunks. wp_set_script_translations() loads the JSON file of
 * the enqueued script only; strings in chunks webpack loads later (runs.js, review.js …) have their
 * own JSON files (`wp i18n make-json` writes one per source file), which WordPress never loads on its
 * own. Each chunk is registered as a script (never enqueued) so load_script_textdomain() finds its
 * file by the usual md5-of-path name, and the data is handed to wp.i18n before the app starts.
 */
final class ChunkTranslations
{
    public const DOMAIN = 'sophmate-safe-mode';

    /**
     * The inline script that loads every chunk's translations, or '' when there are none.
     *
     * @param string $dir     build/ directory, with a trailing slash.
     * @param string $url     its URL, with a trailing slash.
     * @param string $entry   the enqueued entry's file name, whose translations WordPress loads itself.
     */
    public static function inline_script(string $dir, string $url, string $version, string $entry = 'index.js'): string
    {
        $script = '';
        foreach (glob($dir . '*.js') ?: [] as $file) {
            $name = basename($file);
            if ($name === $entry) {
                continue;
            }
            $handle = 'sophmate-safe-mode-chunk-' . sanitize_key(basename($name, '.js'));
            wp_register_script($handle, $url . $name, [], $version, true);
            $json = load_script_textdomain($handle, self::DOMAIN);
            if (is_string($json) && $json !== '') {
                // The same shape WordPress prints for an enqueued script's translations.
                $script .= sprintf(
                    '( function( domain, translations ) { var localeData = translations.locale_data[ domain ] || translations.locale_data.messages; localeData[""].domain = domain; wp.i18n.setLocaleData( localeData, domain ); } )( %s, %s );',
                    wp_json_encode(self::DOMAIN),
                    $json
                );
            }
        }
        return $script;
    }
}
