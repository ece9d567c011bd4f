#!/usr/bin/env node
/**
 * npm run reset [-- --site=dev|test|all]
 *
 * Stops a site and deletes it: .wp/<site>/ (WordPress copy, database, logs) and,
 * for the dev site, .wp/site.json. With SOPHMATE_DB_HOST the site's database
 * (sophmate_<site>) is dropped too. The next `npm start` installs from scratch.
 */
import fs from 'node:fs';

import { parseArgs } from './lib/args.mjs';
import { DEV_SITE_JSON, sitesFromOption } from './lib/sites.mjs';
import { info, runMain } from './lib/ui.mjs';

const USAGE = 'Usage: npm run reset [-- --site=dev|test|all]';

await runMain( async () => {
	const options = parseArgs( process.argv.slice( 2 ), { site: 'string' }, USAGE );
	for ( const site of sitesFromOption( options.site ) ) {
		const existed = fs.existsSync( site.dir );
		await site.wipe();
		if ( site.name === 'dev' ) {
			fs.rmSync( DEV_SITE_JSON, { force: true } );
		}
		info(
			existed
				? `Wiped the ${ site.name } site (${ site.dir }).`
				: `The ${ site.name } site did not exist: nothing to wipe.`
		);
	}
} );
