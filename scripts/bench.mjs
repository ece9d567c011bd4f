#!/usr/bin/env node
/**
 * npm run bench [-- --rows=1000000]
 *
 * Speed targets, measured on a throwaway "bench" site (.wp/bench, its own MariaDB and port,
 * wiped before and stopped after), never in timed tests. Writes docs/benchmarks.md and prints
 * the table. Targets (issue "Kill switches that really stop automation"):
 *   - one decision with 200 automations registered: median <= 5 µs after the first
 *   - a WP-Cron tick with 1,000 due events, 100 bound: the gate adds < 2 ms
 *   - run recording (start + 3 steps + finish) into MariaDB: >= 1,000 runs/s
 *   - GET /runs filtered by category and status at 1,000,000 rows: p95 < 50 ms
 *   - 200 concurrent pause/restart requests over 4 PHP workers: nothing lost (also an integration test)
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import os from 'node:os';
import path from 'node:path';

import { parseArgs } from './lib/args.mjs';
import { ensureAutoload } from './lib/bootstrap.mjs';
import { findFreePort } from './lib/net.mjs';
import { ROOT } from './lib/paths.mjs';
import { resolveTools } from './lib/prereqs.mjs';
import { run } from './lib/proc.mjs';
import { Site } from './lib/site.mjs';
import { UserError, bold, green, info, red, runMain, step } from './lib/ui.mjs';

const USAGE = 'Usage: npm run bench [-- --rows=<history rows for GET /runs, default 1000000>]';
const ACKS = [ 'run_history', 'failed_steps', 'audit_records', 'pending_approvals', 'provider_status', 'affected_records' ];

let site = null;

async function stopSite() {
	if ( site ) {
		const s = site;
		site = null;
		await s.stop().catch( () => {} );
	}
}
for ( const signal of [ 'SIGINT', 'SIGTERM' ] ) {
	process.on( signal, async () => {
		await stopSite();
		process.exit( 130 );
	} );
}

function phpBench( file, args = [] ) {
	const result = run( site.tools.php, [ path.join( ROOT, 'scripts/wp/eval-file.php' ), site.wpPath, path.join( ROOT, 'scripts/bench', file ), ...args ], {
		cwd: ROOT,
		timeout: 15 * 60 * 1000,
	} );
	if ( result.status !== 0 ) {
		throw new UserError( `Benchmark ${ file } failed:\n${ result.output.slice( -3000 ) }` );
	}
	const json = result.stdout.slice( result.stdout.indexOf( '{' ) );
	return JSON.parse( json ).results;
}

/** 200 pause / restart requests at once over HTTP; checks nothing was lost. */
async function concurrentSwitches( appPassword ) {
	const auth = 'Basic ' + Buffer.from( `admin:${ appPassword }` ).toString( 'base64' );
	const slugs = [ 'commerce', 'content', 'support', 'marketing', 'system', 'image', 'agent' ];
	const base = `${ site.url }/wp-json/sophmate-safe-mode/v1`;
	const auditTotal = async () => Number( ( await fetch( `${ base }/audit?per_page=1`, { headers: { Authorization: auth } } ) ).headers.get( 'x-wp-total' ) );
	const auditedBefore = await auditTotal();
	const started = performance.now();
	const responses = await Promise.all(
		Array.from( { length: 200 }, ( _, i ) => {
			const slug = slugs[ i % slugs.length ];
			const pause = Math.floor( i / slugs.length ) % 2 === 0;
			return fetch( `${ base }/categories/${ slug }/${ pause ? 'pause' : 'restart' }`, {
				method: 'POST',
				headers: { Authorization: auth, 'Content-Type': 'application/json' },
				body: JSON.stringify( pause ? { reason: `bench ${ i }` } : { acknowledged: ACKS, note: `bench ${ i }` } ),
			} ).then( async ( r ) => ( { status: r.status, body: await r.json().catch( () => ( {} ) ) } ) );
		} )
	);
	const seconds = ( performance.now() - started ) / 1000;
	const accepted = responses.filter( ( r ) => r.status === 200 && r.body.changed === true ).length;
	const errors = responses.filter( ( r ) => r.status >= 500 ).length;
	const audited = ( await auditTotal() ) - auditedBefore;
	return [
		{
			name: '200 concurrent pause/restart requests over 4 PHP workers',
			requests_per_s: Math.round( ( 200 / seconds ) * 10 ) / 10,
			accepted,
			audited,
			server_errors: errors,
			lost: accepted - audited,
		},
	];
}

/** Gzipped size of each built admin asset, as a browser would download it. */
function bundleSizes() {
	const dir = path.join( ROOT, 'build' );
	return fs
		.readdirSync( dir )
		.filter( ( f ) => /\.(js|css)$/.test( f ) && ! f.includes( '-rtl' ) )
		.map( ( f ) => {
			const raw = fs.readFileSync( path.join( dir, f ) );
			return { file: f, kb: Math.round( raw.length / 102.4 ) / 10, gzip_kb: Math.round( zlib.gzipSync( raw, { level: 9 } ).length / 102.4 ) / 10 };
		} );
}

/** First contentful paint of the admin page (preloaded data), logged in, in Debian's Chromium. */
async function firstPaint() {
	const { chromium } = await import( '@playwright/test' );
	const browser = await chromium.launch( {
		executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
		args: [ '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1' ],
	} );
	try {
		const page = await browser.newPage();
		await page.goto( `${ site.url }/wp-login.php` );
		await page.fill( '#user_login', 'admin' );
		await page.fill( '#user_pass', 'password' );
		await Promise.all( [ page.waitForURL( /wp-admin/ ), page.click( '#wp-submit' ) ] );
		const samples = [];
		for ( let i = 0; i < 5; i++ ) {
			await page.goto( `${ site.url }/wp-admin/admin.php?page=sophmate-safe-mode` );
			await page.getByTestId( 'category-row-marketing' ).waitFor();
			samples.push( await page.evaluate( () => performance.getEntriesByName( 'first-contentful-paint' )[ 0 ]?.startTime ?? NaN ) );
		}
		samples.sort( ( a, b ) => a - b );
		return { median_ms: Math.round( samples[ 2 ] ), samples_ms: samples.map( Math.round ) };
	} finally {
		await browser.close();
	}
}

function fmt( n, unit ) {
	return n === undefined ? '' : `${ n } ${ unit }`;
}

await runMain( async () => {
	const options = parseArgs( process.argv.slice( 2 ), { rows: 'string' }, USAGE );
	const rows = String( Number( options.rows || 1000000 ) );
	step( 'Bench site' );
	const tools = resolveTools( { forTests: true } );
	ensureAutoload( tools );
	const port = await findFreePort( 8950, [ 8888 ] );
	site = new Site( 'bench', tools, { port, demo: false, title: 'SophMate Safe Mode (bench)' } );
	try {
		await site.wipe();
		await site.startDatabase();
		site.prepareFiles();
		site.recreateDatabase();
		const install = site.install( { resetAdmin: true } );
		await site.startServer();
		await site.waitForHttp( 20000 );
		site.writeSiteJson( site.siteJson( install.app_password ) );

		step( 'Decisions' );
		const decision = phpBench( 'decision.php' );
		step( 'Cron tick' );
		const cron = phpBench( 'cron-tick.php' );
		step( 'Concurrent switch changes' );
		const concurrent = await concurrentSwitches( install.app_password );
		step( 'Admin page: bundle size and first paint' );
		const bundle = bundleSizes();
		const paint = await firstPaint();
		step( `Run recording and GET /runs at ${ Number( rows ).toLocaleString( 'en' ) } rows (takes a minute)` );
		const runs = phpBench( 'runs.php', [ rows ] );

		const targets = [
			{ what: 'Decision, 200 automations registered, category paused (median)', value: decision[ 1 ].median_us, unit: 'µs', ok: decision[ 1 ].median_us <= 5, target: '≤ 5 µs' },
			{ what: 'Decision, nothing paused (median)', value: decision[ 0 ].median_us, unit: 'µs', ok: decision[ 0 ].median_us <= 5, target: '≤ 5 µs' },
			{ what: 'Cron tick, 1,000 due events, 100 bound: added by the gate (median)', value: Math.round( cron[ 2 ].median_us ) / 1000, unit: 'ms', ok: cron[ 2 ].median_us < 2000, target: '< 2 ms' },
			{ what: 'Run recording, start + 3 steps + finish', value: runs[ 0 ].value, unit: 'runs/s', ok: runs[ 0 ].value >= 1000, target: '≥ 1,000 runs/s' },
			{ what: runs[ 1 ].name.replace( /\(.*\)/, '' ).trim() + ' (p95)', value: runs[ 1 ].p95_ms, unit: 'ms', ok: runs[ 1 ].p95_ms < 50, target: '< 50 ms' },
			{ what: 'Admin bundle, all JS + CSS gzipped', value: Math.round( bundle.reduce( ( sum, b ) => sum + b.gzip_kb, 0 ) ), unit: 'KB', ok: bundle.reduce( ( sum, b ) => sum + b.gzip_kb, 0 ) <= 300, target: '≤ 300 KB' },
			{ what: 'Admin page first contentful paint, logged in, preloaded (median of 5)', value: paint.median_ms, unit: 'ms', ok: paint.median_ms <= 1000, target: '≤ 1,000 ms' },
			{ what: '200 concurrent pause/restart requests: accepted changes lost', value: concurrent[ 0 ].lost, unit: '', ok: concurrent[ 0 ].lost === 0 && concurrent[ 0 ].server_errors === 0, target: '0 lost, no 5xx' },
		];
		const cpu = os.cpus()[ 0 ]?.model || 'unknown CPU';
		const lines = [
			'# Benchmarks',
			'',
			'Measured by `npm run bench` (scripts/bench.mjs and scripts/bench/*.php) on a throwaway site:',
			'Debian 12, PHP ' + run( tools.php, [ '-r', 'echo PHP_VERSION;' ] ).stdout + ', MariaDB from Debian, WordPress from Debian,',
			`\`php -S\` with 4 workers, ${ os.cpus().length } cores (${ cpu }), ${ Math.round( os.totalmem() / 2 ** 30 ) } GiB. Last run: ${ new Date().toISOString().slice( 0, 16 ).replace( 'T', ' ' ) } UTC.`,
			'Numbers move with machine load; the targets are checked here, never in timed tests.',
			'',
			'| measure | result | target | met |',
			'| --- | --- | --- | --- |',
			...targets.map( ( t ) => `| ${ t.what } | ${ fmt( t.value, t.unit ).trim() } | ${ t.target } | ${ t.ok ? 'yes' : '**no**' } |` ),
			'',
			'## Details',
			'',
			'```json',
			JSON.stringify( { decision, cron, runs, concurrent, bundle, paint }, null, 2 ),
			'```',
			'',
			'## How each is measured',
			'',
			'- **Decision**: `sophmate_safe_mode_decide()` called 20,000 times after one warm-up, with 200',
			'  automations registered, once with nothing paused and once with the automation\'s category',
			'  paused (the slower path: the reason is built). Also the pure `DecisionEngine` alone.',
			'- **Cron tick**: for 1,000 due events (100 of them on bound hooks), the `pre_unschedule_event`',
			'  filter call that `wp-cron.php` makes for every event, timed with the gate hooked and with it',
			'  removed; the difference is what the gate adds. Recording the bound events\' runs is measured',
			'  separately (run recording).',
			'- **Run recording**: 2,000 runs through the public API (`start_run`, three `step()`, `succeed()`)',
			'  into the custom tables, one process, no batching across runs.',
			'- **GET /runs**: history grown to the given number of rows (7 categories, 8 statuses), then 200',
			'  in-process REST dispatches of `GET /runs?category=…&status=…&per_page=50` on pages 1–3.',
			'- **Admin bundle**: every `build/*.js` and `build/*.css` (not the RTL copy), gzipped at level 9.',
			'- **First paint**: Playwright in Debian\'s Chromium, logged in, loads the Automation Safety page five',
			'  times on the bench site (status and categories preloaded) and reads `first-contentful-paint`.',
			'- **Concurrency**: 200 simultaneous HTTP requests (application password) alternating pause and',
			'  restart over the 7 categories; every accepted change must be in the audit log.',
			'',
			'Reproduce: `npm run bench` (about two minutes; `-- --rows=100000` for a quick run).',
			'',
		];
		fs.writeFileSync( path.join( ROOT, 'docs', 'benchmarks.md' ), lines.join( '\n' ) );
		console.log( '' );
		for ( const t of targets ) {
			console.log( `${ t.ok ? green( 'met ' ) : red( 'MISS' ) }  ${ t.what }: ${ bold( fmt( t.value, t.unit ) ) } (target ${ t.target })` );
		}
		info( 'Written to docs/benchmarks.md' );
	} finally {
		await stopSite();
	}
} );
