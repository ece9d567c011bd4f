#!/usr/bin/env node
/**
 * npm start [-- --rebuild]
 *
 * Brings up the dev site: a local WordPress (php -S on 127.0.0.1:8888 or
 * SOPHMATE_DEV_PORT) on a throwaway MariaDB, with the plugin active and the demo
 * automations loaded, and returns once it answers, leaving both running.
 *
 * First run: installs missing Debian packages (as root), npm ci, composer
 * dump-autoload, builds the admin bundle, copies WordPress into .wp/dev and
 * installs it. Later runs reuse everything; when the site is already up it
 * is only reported. See docs/development.md.
 */
import fs from 'node:fs';

import { parseArgs, portFromEnv } from './lib/args.mjs';
import { buildAdmin, ensureAutoload, ensureNodeModules } from './lib/bootstrap.mjs';
import { fileSize, pluginProblems } from './lib/logs.mjs';
import { httpRequest } from './lib/net.mjs';
import { resolveTools } from './lib/prereqs.mjs';
import { ADMIN, Site } from './lib/site.mjs';
import { DEV_SITE_JSON } from './lib/sites.mjs';
import { UserError, bold, green, info, red, runMain, seconds, step, warn, yellow } from './lib/ui.mjs';

const USAGE = 'Usage: npm start [-- --rebuild]   (--rebuild: build the admin bundle even if build/ looks up to date)';

await runMain( async () => {
	const options = parseArgs( process.argv.slice( 2 ), { rebuild: 'boolean' }, USAGE );
	const started = Date.now();
	const port = portFromEnv( 'SOPHMATE_DEV_PORT', 8888 );

	step( 'Checking tools' );
	const tools = resolveTools( { forTests: false } );
	await ensureNodeModules();
	ensureAutoload( tools );
	const build = await buildAdmin( { force: !! options.rebuild } );
	if ( ! build.ok ) {
		throw new UserError( 'npm run build failed (output above): the admin bundle in build/ is missing or stale.', {
			details: 'Fix the build (npm run build), then npm start again.',
		} );
	}

	const site = new Site( 'dev', tools, {
		port,
		demo: true,
		title: 'SophMate Safe Mode (dev)',
		portEnv: 'SOPHMATE_DEV_PORT',
	} );

	// Already up? Then only report it (after refreshing wp-config.php and the mu-plugin).
	site.prepareFiles();
	const server = site.alive( 'php' );
	if ( server ) {
		site.port = server.port;
		if ( server.port !== port && process.env.SOPHMATE_DEV_PORT ) {
			warn( `The dev site is already running on port ${ server.port }; SOPHMATE_DEV_PORT=${ port } applies after npm run stop.` );
		}
		const dbUp = tools.externalDb || site.alive( 'mariadb' );
		if ( dbUp && fs.existsSync( site.installedPath ) && fs.existsSync( DEV_SITE_JSON ) ) {
			// Answers, and the recorded application password still works?
			let data = null;
			try {
				data = JSON.parse( fs.readFileSync( DEV_SITE_JSON, 'utf8' ) );
			} catch {
				// rewritten below
			}
			const answer = data
				? await httpRequest( `${ site.url }/wp-json/wp/v2/users/me`, {
						timeoutMs: 10000,
						auth: `${ data.admin_user }:${ data.app_password }`,
				  } )
				: { ok: false };
			if ( answer.ok ) {
				printSite( site, data, `The dev site is already running (${ seconds( started ) } s).` );
				return 0;
			}
		}
		step( 'The dev site is partly running: completing the start' );
	}

	await site.checkPort();
	const logFiles = [ site.logs.debug, site.logs.server ];
	const logStart = Object.fromEntries( logFiles.map( ( file ) => [ file, fileSize( file ) ] ) );
	step( site.db.external ? `Checking the database server ${ site.db.host }` : 'Starting MariaDB' );
	const db = await site.startDatabase();
	const status = site.databaseStatus();
	if ( ! status.installed ) {
		if ( status.exists && status.tables > 0 ) {
			step( 'Found a half-finished install: recreating the database' );
		}
		site.recreateDatabase();
		fs.rmSync( site.installedPath, { force: true } );
	} else if ( ! fs.existsSync( site.installedPath ) ) {
		step( 'The last start did not finish: checking the install again' );
	}

	step( status.installed ? 'Checking WordPress and the plugin' : 'Installing WordPress' );
	const install = site.install();

	step( server ? 'php -S is running' : `Starting php -S on ${ site.url }` );
	await site.startServer();
	const { namespaces } = await site.waitForHttp( 20000 );

	const cron = await site.runCron();
	if ( ! cron.ok ) {
		warn( `WP-Cron did not run: ${ cron.error } (the site works; cron runs again on the next page load).` );
	}

	const data = site.siteJson( install.app_password );
	site.writeSiteJson( data, [ DEV_SITE_JSON ] );
	site.markInstalled( install );

	const problems = [];
	if ( install.activation_error ) {
		problems.push( `The plugin could not be activated:\n${ install.activation_error }` );
	} else if ( ! install.plugin_active ) {
		problems.push( 'The plugin is not active.' );
	} else if ( ! namespaces.includes( 'sophmate-safe-mode/v1' ) ) {
		problems.push( `The plugin is active but its REST routes (sophmate-safe-mode/v1) are not registered: see ${ site.logs.debug }` );
	}
	if ( install.activation_output ) {
		warn( `The plugin printed output while activating: ${ install.activation_output.slice( 0, 500 ) }` );
	}
	if ( install.admin_password_changed ) {
		warn( `The admin password is no longer "${ ADMIN.password }" (changed in wp-admin); npm run reset restores it.` );
	}

	const logged = pluginProblems( logFiles, logStart );
	if ( logged.length ) {
		warn(
			`The plugin logged ${ logged.length } PHP problem(s) during this start, e.g.:\n${ logged[ 0 ].text }\nSee ${ site.logs.debug }`
		);
	}

	const how = status.installed ? ( db.reused ? 'warm start' : 'restart' ) : 'fresh install';
	printSite( site, data, `The dev site is up (${ how }, ${ seconds( started ) } s).` );
	if ( problems.length ) {
		process.stderr.write( `\n${ red( bold( 'But:' ) ) } ${ problems.join( '\n' ) }\n` );
		process.stderr.write( `WordPress log: ${ site.logs.debug }\n` );
		return 1;
	}
	return 0;
} );

function printSite( site, data, headline ) {
	const url = data.url;
	info( '' );
	info( green( bold( headline ) ) );
	info( `  Site       ${ url }/` );
	info( `  wp-admin   ${ url }/wp-admin/   (plugin: ${ url }/wp-admin/admin.php?page=sophmate-safe-mode)` );
	info( `  Login      ${ data.admin_user } / ${ data.admin_password }` );
	info( `  REST       curl -u ${ data.admin_user }:${ data.app_password } ${ url }/wp-json/sophmate-safe-mode/v1/status` );
	info( `  site.json  ${ DEV_SITE_JSON }` );
	info( `  Logs       ${ site.logDir }/ (debug.log, php-server.log, mariadb.log, mail.jsonl)` );
	info( `  Stop       ${ yellow( 'npm run stop' ) }    Wipe: ${ yellow( 'npm run reset' ) }` );
}
