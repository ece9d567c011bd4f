/** Where things are. Every path the scripts use is absolute and derived from the repo root. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve( path.dirname( fileURLToPath( import.meta.url ) ), '..', '..' );

/** Git-ignored home of the local sites: .wp/dev, .wp/test, .wp/site.json. */
export const WP_HOME = path.join( ROOT, '.wp' );

/** PHP helpers that drive WordPress. */
export const WP_SCRIPTS = path.join( ROOT, 'scripts', 'wp' );

/** The plugin's slug and main file, as WordPress sees them. */
export const PLUGIN_SLUG = 'sophmate-safe-mode';
export const PLUGIN_FILE = `${ PLUGIN_SLUG }/plugin.php`;
