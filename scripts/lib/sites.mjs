/** The two local sites and how to address them without resolving (or installing) tools. */
import path from 'node:path';

import { externalDb } from './prereqs.mjs';
import { which } from './proc.mjs';
import { WP_HOME } from './paths.mjs';
import { Site } from './site.mjs';
import { UserError } from './ui.mjs';

export const SITE_NAMES = [ 'dev', 'test' ];

/** The dev site's site.json, where scripts and people look first. */
export const DEV_SITE_JSON = path.join( WP_HOME, 'site.json' );

/** Enough of the tools to stop or wipe a site: never installs anything. */
export function lightTools() {
	return { php: which( process.env.PHP_BIN || 'php' ) || 'php', externalDb: externalDb() };
}

/** Sites named by --site=dev|test|all (default dev). */
export function sitesFromOption( value = 'dev' ) {
	const names = value === 'all' ? SITE_NAMES : [ value ];
	for ( const name of names ) {
		if ( ! SITE_NAMES.includes( name ) ) {
			throw new UserError( `Unknown site "${ name }": use --site=dev, --site=test or --site=all.`, { exitCode: 2 } );
		}
	}
	return names.map( ( name ) => new Site( name, lightTools() ) );
}
