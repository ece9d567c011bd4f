#!/usr/bin/env node
/**
 * npm run stop [-- --site=dev|test|all]
 *
 * Stops what `npm start` (or `npm test -- --keep`) started for a site: its php -S
 * process group and its mariadbd, found through .wp/<site>/run/*.json and, for a
 * lost pid file, by the site's own directories on their command lines. Nothing
 * else is touched. Safe to run twice. Default site: dev.
 */
import fs from 'node:fs';

import { parseArgs } from './lib/args.mjs';
import { sitesFromOption } from './lib/sites.mjs';
import { info, runMain } from './lib/ui.mjs';

const USAGE = 'Usage: npm run stop [-- --site=dev|test|all]';

await runMain( async () => {
	const options = parseArgs( process.argv.slice( 2 ), { site: 'string' }, USAGE );
	for ( const site of sitesFromOption( options.site ) ) {
		if ( ! fs.existsSync( site.dir ) ) {
			info( `The ${ site.name } site does not exist (${ site.dir }): nothing to stop.` );
			continue;
		}
		const stopped = await site.stop();
		info(
			stopped.length
				? `Stopped the ${ site.name } site: ${ stopped.join( ', ' ) }.`
				: `The ${ site.name } site was not running.`
		);
	}
} );
