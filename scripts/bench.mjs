#!/usr/bin/env node
/**
 * npm run bench [-- --rows=1000000] [-- --only=admin,decision,cron,concurrent,runs]
 *
 * Speed targets, measured on a throwaway "bench" site (.wp/bench, its own MariaDB and port,
 * wiped before and stopped after), never in timed tests. Writes docs/benchmarks.md and prints
 * the table. Targets (issue "Kill switches that really stop automation"):
 *   - one decision with 200 automations registered: median <= 5 µs after the first
 *   - a WP-Cron tick with 1,000 due events, 100 bound: the gate adds < 2 ms
 *   - run recording (start + 3 steps + finish) into MariaDB: >= 1,000 runs/s
 *   - GET /runs filtered by category and status at 1,000,000 rows: p95 < 50 ms
 *   - 200 concurrent pause/restart requests over 4 PHP workers: nothing lost (also an integration test)
 *   - admin app: all JS + CSS <= 300 KB gzipped; Runs table page change <= 300 ms at 100,000 runs
 *   - breaker evaluation adds <= 0.2 ms to finishing a run at 1,000,000 runs in history (issue 7)
 *   - 50 concurrent clients for 60 s over two web nodes + Redis: 0 errors, 0 lost, p95 reported (issue 8)
 * With --only, just those sections run; the other rows of docs/benchmarks.md keep their last
 * measured values (and dates), read back from the JSON details in that file.
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
import { runLoadTest } from './lib/load-test.mjs';
import { ScaleCluster } from './lib/scale-cluster.mjs';
import { UserError, bold, green, info, red, runMain, step } from './lib/ui.mjs';

const SECTIONS = [ 'decision', 'cron', 'concurrent', 'admin', 'runs', 'breakers', 'load' ];
const USAGE = `Usage: npm run bench [-- --rows=<history rows for GET /runs, default 1000000>] [-- --only=<${ SECTIONS.join( '|' ) }>[,…]]`;
/** Runs on the bench site while the Runs table is paged in the browser. */
const TABLE_ROWS = 100000;
/** "Next page" clicks timed in the Runs table (plus one filter change). */
const PAGE_CLICKS = 20;
const DOC = path.join( ROOT, 'docs', 'benchmarks.md' );
const ACKS = [ 'run_history', 'failed_steps', 'audit_records', 'pending_approvals', 'provider_status', 'affected_records' ];

let site = null;
/** The two-node + Redis set-up of the load section (its own "scale" site). */
let cluster = null;

async function stopSite() {
	if ( cluster ) {
		const c = cluster;
		cluster = null;
		await c.stop().catch( () => {} );
	}
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
				body: JSON.stringify( pause ? { reason: `bench ${ i }` } : { acknowledged: ACKS, note: `bench ${ i }`, scope: { max_runs: 1 } } ),
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

/**
 * The load test of issue 8 (scripts/lib/load-test.mjs) on two php -S nodes sharing MariaDB and a
 * Redis object cache (scripts/lib/scale-cluster.mjs): 50 clients, 60 s. Lost = accepted changes
 * without an audit entry.
 */
async function loadTest() {
	cluster = new ScaleCluster( resolveTools( { forTests: true, scale: true } ) );
	await cluster.start( info );
	const base = `${ cluster.urls[ 0 ] }/wp-json/sophmate-safe-mode/v1`;
	const auditTotal = async () => Number( ( await fetch( `${ base }/audit?per_page=1`, { headers: { Authorization: cluster.auth } } ) ).headers.get( 'x-wp-total' ) );
	const before = await auditTotal();
	const { accepted_changes: changes, error_samples: samples, ...result } = await runLoadTest( { nodes: cluster.urls, auth: cluster.auth, clients: 50, seconds: 60 } );
	const audited = ( await auditTotal() ) - before;
	await cluster.stop();
	cluster = null;
	return { ...result, audited, lost: result.accepted - audited, first_errors: samples.slice( 0, 3 ), changes: changes.length };
}

/**
 * Gzipped size of each built admin asset, as a browser would download it: the entry the
 * overview loads (index.js, index.css) and the chunks the other views load on demand.
 */
function bundleSizes() {
	const dir = path.join( ROOT, 'build' );
	if ( ! fs.existsSync( path.join( dir, 'index.js' ) ) ) {
		throw new UserError( 'build/index.js is missing: run `npm run build` first.' );
	}
	return fs
		.readdirSync( dir )
		.filter( ( f ) => /\.(js|css)$/.test( f ) && ! f.includes( '-rtl' ) )
		.sort()
		.map( ( f ) => {
			const raw = fs.readFileSync( path.join( dir, f ) );
			return {
				file: f,
				kind: /^index\.(js|css)$/.test( f ) ? 'entry' : 'lazy',
				kb: Math.round( raw.length / 102.4 ) / 10,
				gzip_kb: Math.round( zlib.gzipSync( raw, { level: 9 } ).length / 102.4 ) / 10,
			};
		} );
}

function sumKb( bundle, kind ) {
	return Math.round( bundle.filter( ( b ) => ! kind || b.kind === kind ).reduce( ( sum, b ) => sum + b.gzip_kb, 0 ) * 10 ) / 10;
}

/** Debian's Chromium, headless, with no traffic beyond the bench site. */
async function launchBrowser() {
	const { chromium } = await import( '@playwright/test' );
	return chromium.launch( {
		executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
		args: [ '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1' ],
	} );
}

async function logIn( page ) {
	await page.goto( `${ site.url }/wp-login.php` );
	await page.fill( '#user_login', 'admin' );
	await page.fill( '#user_pass', 'password' );
	await Promise.all( [ page.waitForURL( /wp-admin/ ), page.click( '#wp-submit' ) ] );
}

function percentile( sorted, p ) {
	return sorted[ Math.min( sorted.length - 1, Math.ceil( ( p / 100 ) * sorted.length ) - 1 ) ];
}

/**
 * Time from a user action (click or change, caught in the capture phase before React sees it)
 * until the first row of the Runs table is another run, i.e. the new page is in the DOM.
 * Timed inside the page, so Playwright's own round trips do not count.
 *
 * @param page   Playwright page showing the Runs view.
 * @param action Performs the click or selection.
 */
async function timeRowsChange( page, action ) {
	await page.evaluate( () => {
		const first = () => document.querySelector( '[data-testid="runs-table"] tbody tr' )?.getAttribute( 'data-testid' ) ?? '';
		const state = { start: 0, end: 0, before: first() };
		window.__sophmateBench = state;
		const mark = () => {
			if ( ! state.start ) {
				state.start = performance.now();
			}
		};
		document.addEventListener( 'click', mark, { capture: true, once: true } );
		document.addEventListener( 'change', mark, { capture: true, once: true } );
		const observer = new MutationObserver( () => {
			const now = first();
			if ( state.start && now && now !== state.before ) {
				state.end = performance.now();
				observer.disconnect();
			}
		} );
		observer.observe( document.body, { subtree: true, childList: true, attributes: true, attributeFilter: [ 'data-testid' ] } );
	} );
	await action();
	await page.waitForFunction( () => window.__sophmateBench.end > 0, null, { timeout: 15000 } );
	return page.evaluate( () => {
		const { start, end } = window.__sophmateBench;
		// The GET /runs request of this change, to tell server time from client time.
		const request = performance
			.getEntriesByType( 'resource' )
			.filter( ( entry ) => entry.startTime >= start && decodeURIComponent( entry.name ).includes( 'sophmate-safe-mode/v1/runs' ) )
			.pop();
		return { total: end - start, request: request ? request.responseEnd - request.startTime : NaN };
	} );
}

/**
 * At phone width (390 px) the Runs table must fit without sideways scrolling, each cell showing
 * its column name (the data-label card layout of table.scss).
 *
 * @param page Playwright page showing the Runs view.
 */
async function phoneLayout( page ) {
	await page.setViewportSize( { width: 390, height: 844 } );
	await page.getByTestId( 'runs-table' ).waitFor();
	return page.evaluate( () => {
		const cell = document.querySelector( '[data-testid="runs-table"] tbody td' );
		const label = cell ? getComputedStyle( cell, '::before' ).content : '';
		return {
			width: 390,
			no_sideways_scroll: document.documentElement.scrollWidth <= document.documentElement.clientWidth,
			cell_label: label.replace( /^"|"$/g, '' ),
			rows_as_cards: cell ? getComputedStyle( cell.parentElement ).display === 'block' : false,
		};
	} );
}

/**
 * The Runs view over TABLE_ROWS runs: PAGE_CLICKS "Next page" clicks, then one status filter
 * change, each timed from the click to the new rows in the table.
 */
async function runsTablePaging() {
	const seeded = phpBench( 'seed-runs.php', [ String( TABLE_ROWS ) ] ).rows;
	const browser = await launchBrowser();
	try {
		const page = await browser.newPage( { viewport: { width: 1280, height: 900 } } );
		await logIn( page );
		await page.goto( `${ site.url }/wp-admin/admin.php?page=sophmate-safe-mode&view=runs` );
		await page.getByTestId( 'runs-table' ).waitFor();
		const info = await page.getByTestId( 'pagination-info' ).textContent();
		const next = page.getByRole( 'button', { name: 'Next page' } );
		const samples = [];
		for ( let i = 0; i < PAGE_CLICKS; i++ ) {
			samples.push( await timeRowsChange( page, () => next.click() ) );
		}
		const filter = await timeRowsChange( page, () => page.getByRole( 'combobox', { name: 'Status' } ).selectOption( 'failed' ) );
		const phone = await phoneLayout( page );
		const sorted = samples.map( ( x ) => x.total ).sort( ( a, b ) => a - b );
		// A page served from the prefetched copy makes no GET /runs while the user waits.
		const requests = samples.map( ( x ) => x.request ).filter( Number.isFinite ).sort( ( a, b ) => a - b );
		return {
			name: `Runs table page change over ${ seeded.toLocaleString( 'en' ) } runs (click → new rows in the DOM)`,
			rows: seeded,
			first_page: info,
			page_changes: samples.length,
			p50_ms: Math.round( percentile( sorted, 50 ) ),
			p95_ms: Math.round( percentile( sorted, 95 ) ),
			max_ms: Math.round( sorted[ sorted.length - 1 ] ),
			request_p50_ms: requests.length ? Math.round( percentile( requests, 50 ) ) : null,
			served_from_prefetch: samples.length - requests.length,
			filter_change_ms: Math.round( filter.total ),
			samples_ms: samples.map( ( x ) => Math.round( x.total ) ),
			request_samples_ms: samples.map( ( x ) => ( Number.isFinite( x.request ) ? Math.round( x.request ) : null ) ),
			phone_layout: phone,
		};
	} finally {
		await browser.close();
		phpBench( 'seed-runs.php', [ '0' ] );
	}
}

/** First contentful paint of the admin page (preloaded data), logged in, in Debian's Chromium. */
async function firstPaint() {
	const browser = await launchBrowser();
	try {
		const page = await browser.newPage();
		await logIn( page );
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

/**
 * Results and dates of the last full or partial run, from the JSON details in docs/benchmarks.md,
 * so a run with --only keeps the other sections.
 */
function previousResults() {
	if ( ! fs.existsSync( DOC ) ) {
		return { results: {}, measured: {} };
	}
	const text = fs.readFileSync( DOC, 'utf8' );
	const json = /```json\n([\s\S]*?)\n```/.exec( text );
	const lastRun = /Last run: (\d{4}-\d\d-\d\d \d\d:\d\d) UTC/.exec( text )?.[ 1 ] ?? '';
	try {
		const { measured = {}, ...results } = JSON.parse( json?.[ 1 ] ?? '{}' );
		for ( const key of Object.keys( results ) ) {
			measured[ key ] ??= lastRun;
		}
		return { results, measured };
	} catch {
		return { results: {}, measured: {} };
	}
}

/** Target rows for whatever results there are. */
function targetRows( r ) {
	const rows = [];
	const add = ( key, what, value, unit, ok, target ) => rows.push( { key, what, value, unit, ok, target } );
	if ( r.decision ) {
		add( 'decision', 'Decision, 200 automations registered, category paused (median)', r.decision[ 1 ].median_us, 'µs', r.decision[ 1 ].median_us <= 5, '≤ 5 µs' );
		add( 'decision', 'Decision, nothing paused (median)', r.decision[ 0 ].median_us, 'µs', r.decision[ 0 ].median_us <= 5, '≤ 5 µs' );
	}
	if ( r.cron ) {
		add( 'cron', 'Cron tick, 1,000 due events, 100 bound: added by the gate (median)', Math.round( r.cron[ 2 ].median_us ) / 1000, 'ms', r.cron[ 2 ].median_us < 2000, '< 2 ms' );
	}
	if ( r.runs ) {
		add( 'runs', 'Run recording, start + 3 steps + finish', r.runs[ 0 ].value, 'runs/s', r.runs[ 0 ].value >= 1000, '≥ 1,000 runs/s' );
		add( 'runs', r.runs[ 1 ].name.replace( /\(.*\)/, '' ).trim() + ' (p95)', r.runs[ 1 ].p95_ms, 'ms', r.runs[ 1 ].p95_ms < 50, '< 50 ms' );
	}
	if ( r.breakers ) {
		const b = r.breakers[ 0 ];
		add( 'breakers', `Breaker evaluation added to finishing a run at ${ Number( b.rows ).toLocaleString( 'en' ) } runs in history (median; evaluation alone p95 ${ r.breakers[ 1 ].p95_ms } ms)`, b.added_ms, 'ms', b.added_ms <= 0.2, '≤ 0.2 ms' );
	}
	if ( r.bundle ) {
		const total = sumKb( r.bundle );
		const entry = sumKb( r.bundle, 'entry' );
		const lazy = Math.round( ( total - entry ) * 10 ) / 10;
		add( 'bundle', `Admin app, all JS + CSS gzipped (overview entry ${ entry } KB + lazy view chunks ${ lazy } KB)`, total, 'KB', total <= 300, '≤ 300 KB' );
	}
	if ( r.paint ) {
		add( 'paint', 'Admin page first contentful paint, logged in, preloaded (median of 5)', r.paint.median_ms, 'ms', r.paint.median_ms <= 1000, '≤ 1,000 ms' );
	}
	if ( r.runs_table ) {
		const t = r.runs_table;
		add( 'runs_table', `Runs table page change at ${ t.rows.toLocaleString( 'en' ) } runs, click → new rows (p95 of ${ t.page_changes }; p50 ${ t.p50_ms } ms; ${ t.request_p50_ms === null || t.request_p50_ms === undefined ? 'every page came from the prefetched copy' : `GET /runs p50 ${ t.request_p50_ms } ms` }${ t.served_from_prefetch ? `, ${ t.served_from_prefetch } of them prefetched` : '' })`, t.p95_ms, 'ms', t.p95_ms <= 300, '≤ 300 ms' );
		add( 'runs_table', 'Runs table status filter change, same runs (one change)', t.filter_change_ms, 'ms', t.filter_change_ms <= 300, '≤ 300 ms' );
		if ( t.phone_layout ) {
			const p = t.phone_layout;
			add( 'runs_table', `Runs table at ${ p.width } px: rows as cards, cells labelled ("${ p.cell_label }"), no sideways scrolling`, p.no_sideways_scroll && p.rows_as_cards && p.cell_label ? 'yes' : 'no', '', p.no_sideways_scroll && p.rows_as_cards && !! p.cell_label, 'yes' );
		}
	}
	if ( r.load ) {
		const l = r.load;
		add( 'load', `${ l.clients } concurrent clients for ${ l.seconds } s over 2 web nodes + Redis object cache (GET /status p95 ${ l.latency.status.p95_ms } ms, pause/restart p95 ${ l.latency.pause.p95_ms }/${ l.latency.restart.p95_ms } ms; ${ l.requests } requests, ${ l.errors } errors, ${ l.lost } lost, ${ l.conflict } restart 409s): p95 all requests`, l.latency.all.p95_ms, 'ms', l.errors === 0 && l.lost === 0, '0 errors, 0 lost; p95 reported' );
	}
	if ( r.concurrent ) {
		add( 'concurrent', '200 concurrent pause/restart requests: accepted changes lost', r.concurrent[ 0 ].lost, '', r.concurrent[ 0 ].lost === 0 && r.concurrent[ 0 ].server_errors === 0, '0 lost, no 5xx' );
	}
	return rows;
}

function bundleTable( bundle ) {
	return [
		'| file | loaded | size | gzipped |',
		'| --- | --- | --- | --- |',
		...bundle.map( ( b ) => `| \`build/${ b.file }\` | ${ b.kind === 'entry' ? 'every view (overview entry)' : 'on demand (lazy chunk)' } | ${ b.kb } KB | ${ b.gzip_kb } KB |` ),
		`| **total** | | ${ Math.round( bundle.reduce( ( sum, b ) => sum + b.kb, 0 ) * 10 ) / 10 } KB | **${ sumKb( bundle ) } KB** |`,
	];
}

await runMain( async () => {
	const options = parseArgs( process.argv.slice( 2 ), { rows: 'string', only: 'string' }, USAGE );
	const rows = String( Number( options.rows || 1000000 ) );
	const only = options.only ? options.only.split( ',' ).map( ( x ) => x.trim() ) : SECTIONS;
	const unknown = only.filter( ( x ) => ! SECTIONS.includes( x ) );
	if ( unknown.length ) {
		throw new UserError( `Unknown section: ${ unknown.join( ', ' ) }`, { details: USAGE, exitCode: 2 } );
	}
	const wanted = ( section ) => only.includes( section );
	if ( wanted( 'admin' ) ) {
		bundleSizes(); // fails early without a build
	}
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

		const fresh = {};
		if ( wanted( 'decision' ) ) {
			step( 'Decisions' );
			fresh.decision = phpBench( 'decision.php' );
		}
		if ( wanted( 'cron' ) ) {
			step( 'Cron tick' );
			fresh.cron = phpBench( 'cron-tick.php' );
		}
		if ( wanted( 'concurrent' ) ) {
			step( 'Concurrent switch changes' );
			fresh.concurrent = await concurrentSwitches( install.app_password );
		}
		if ( wanted( 'admin' ) ) {
			step( 'Admin app: bundle size and first paint' );
			fresh.bundle = bundleSizes();
			fresh.paint = await firstPaint();
			step( `Admin app: Runs table paging over ${ TABLE_ROWS.toLocaleString( 'en' ) } runs` );
			fresh.runs_table = await runsTablePaging();
		}
		if ( wanted( 'runs' ) ) {
			step( `Run recording and GET /runs at ${ Number( rows ).toLocaleString( 'en' ) } rows (takes a minute)` );
			fresh.runs = phpBench( 'runs.php', [ rows ] );
		}
		if ( wanted( 'load' ) ) {
			step( 'Load: 50 clients for 60 s over two web nodes sharing MariaDB and Redis' );
			fresh.load = await loadTest();
		}
		if ( wanted( 'breakers' ) ) {
			step( `Breaker evaluation on run finish at ${ Number( rows ).toLocaleString( 'en' ) } runs in history` );
			fresh.breakers = phpBench( 'breakers.php', [ rows ] );
		}

		const now = new Date().toISOString().slice( 0, 16 ).replace( 'T', ' ' );
		const previous = previousResults();
		const results = { ...previous.results, ...fresh };
		const measured = { ...previous.measured };
		Object.keys( fresh ).forEach( ( key ) => ( measured[ key ] = now ) );
		const targets = targetRows( results );
		const cpu = os.cpus()[ 0 ]?.model || 'unknown CPU';
		const lines = [
			'# Benchmarks',
			'',
			'Measured by `npm run bench` (scripts/bench.mjs and scripts/bench/*.php) on a throwaway site:',
			'Debian 12, PHP ' + run( tools.php, [ '-r', 'echo PHP_VERSION;' ] ).stdout + ', MariaDB from Debian, WordPress from Debian,',
			`\`php -S\` with 4 workers, ${ os.cpus().length } cores (${ cpu }), ${ Math.round( os.totalmem() / 2 ** 30 ) } GiB. Last run: ${ now } UTC (${ only.join( ', ' ) }).`,
			'Numbers move with machine load; the targets are checked here, never in timed tests.',
			'',
			'| measure | result | target | met | measured (UTC) |',
			'| --- | --- | --- | --- | --- |',
			...targets.map( ( t ) => `| ${ t.what } | ${ fmt( t.value, t.unit ).trim() } | ${ t.target } | ${ t.ok ? 'yes' : '**no**' } | ${ measured[ t.key ] ?? '' } |` ),
			'',
			...( results.bundle ? [ '## Admin app bundle', '', ...bundleTable( results.bundle ), '' ] : [] ),
			'## Details',
			'',
			'```json',
			JSON.stringify( { ...results, measured }, null, 2 ),
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
			'- **Admin bundle**: every `build/*.js` and `build/*.css` (not the RTL copy), gzipped at level 9;',
			'  `index.js`/`index.css` are the entry every view loads (the overview needs nothing else), the',
			'  other files are the chunks of the other views (and one chunk they share), loaded on demand.',
			'  The 300 KB target is for all of them together. Needs a current `npm run build`.',
			'- **First paint**: Playwright in Debian\'s Chromium, logged in, loads the Automation Safety page five',
			'  times on the bench site (status and categories preloaded) and reads `first-contentful-paint`.',
			`- **Runs table paging**: ${ TABLE_ROWS.toLocaleString( 'en' ) } runs seeded like the GET /runs benchmark; Playwright`,
			'  in Debian\'s headless Chromium, logged in as admin, opens the Runs view (20 rows a page), clicks',
			`  **Next page** ${ PAGE_CLICKS } times, then picks status "Failed" once. Each is timed inside the page from`,
			'  the click/change event (capture phase, before React) until the first row of the table is another',
			'  run (a MutationObserver), so it covers the URL update, GET /runs over HTTP to `php -S`, the zod',
			'  parse and the render; the GET /runs request\'s own time (Resource Timing) is reported beside it.',
			'  Then the viewport is set to 390 px: the rows must be cards with labelled cells and the page',
			'  must not scroll sideways. The runs are deleted afterwards.',
			'- **Breakers**: history grown to the given number of runs, then 2,000 runs of one automation',
			'  (start, one step, finish; every other one failed) timed in ten alternating blocks with the',
			'  marketing category\'s failures and spend breakers off and on (settings that never trip); the row',
			'  is the median with them on minus the median with them off. The `run_finished` and `spend_recorded`',
			'  handlers are also timed alone. Nothing reads run history: one statement per finish (an upsert of',
			'  the scope\'s counter row that returns the new counters through LAST_INSERT_ID), and per spend',
			'  record one upsert of a minute and an hour bucket plus two window sums.',
			'- **Load**: `scripts/lib/load-test.mjs` on two `php -S` nodes (4 workers each) sharing one MariaDB and a',
			'  Redis object cache (the set-up of `npm run test:scale`): 50 clients, each looping for 60 s over the two',
			'  nodes in turn, about 70% `GET /status` and 30% pause or restart (six acknowledgements, one-run trial) of',
			'  a random category. Errors are 5xx, network errors and unexpected 4xx; a restart answered 409',
			'  `sophmate_not_paused` lost a race and is counted apart; lost = accepted changes minus new audit entries.',
			'- **Concurrency**: 200 simultaneous HTTP requests (application password) alternating pause and',
			'  restart over the 7 categories; every accepted change must be in the audit log.',
			'',
			'Reproduce: `npm run build` then `npm run bench` (a few minutes; `-- --rows=100000` for a quick run;',
			'`-- --only=admin` for the admin app rows alone: the other rows keep their last values and dates).',
			'',
		];
		fs.writeFileSync( DOC, lines.join( '\n' ) );
		console.log( '' );
		for ( const t of targets.filter( ( x ) => fresh[ x.key ] ) ) {
			console.log( `${ t.ok ? green( 'met ' ) : red( 'MISS' ) }  ${ t.what }: ${ bold( fmt( t.value, t.unit ) ) } (target ${ t.target })` );
		}
		info( 'Written to docs/benchmarks.md' );
	} finally {
		await stopSite();
	}
} );
