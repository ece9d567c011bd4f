#!/usr/bin/env node
/**
 * npm test [-- --only=<ids>] [-- --keep]
 *
 * Every check the project has, on a throwaway test site that never touches the
 * dev site: .wp/test with its own MariaDB, socket and port (8890 upward), wiped
 * and installed fresh on every run. Steps run in order, never stopping early:
 *
 *   php-lint       php -l on every PHP file (one check per file)
 *   phpcs          PHP_CodeSniffer with phpcs.xml.dist (errors fail, warnings don't)
 *   unit           PHPUnit, phpunit.unit.xml.dist (no WordPress)
 *   integration    PHPUnit, phpunit.integration.xml.dist (inside the test site's WordPress)
 *   typecheck      tsc --noEmit
 *   lint-js        npm run lint:js (wp-scripts lint-js)
 *   vitest         vitest run
 *   e2e            Playwright in Debian's Chromium against the test site
 *   php-error-log  PHP warnings/notices/deprecations/fatals from the plugin in the test site's logs
 *   multisite      PHPUnit, phpunit.multisite.xml.dist, inside its own subdirectory multisite
 *                  (.wp/multisite, port 8896 upward), set up and always stopped by the step
 *   faults         vitest -c vitest.faults.config.ts: MariaDB stopped mid-pause and mid-run, PHP
 *                  workers killed mid-run, on its own throwaway site (.wp/faults, port 8892 upward)
 *                  that the suite sets up; the step scans its PHP logs and always stops it
 *   scale          npm run test:scale: two php -S nodes + Redis object cache + the 60 s load test
 *                  (.wp/scale, ports 8894, 8895, 6391), set up and always stopped by the step
 *
 * plus the setup rows "build" (admin bundle) and "test-site". Then one summary
 * table and, as the last line, "Total: N passed, N failed". Exit code 1 when
 * anything failed. Everything started here is stopped at the end, on failure,
 * on Ctrl-C / SIGTERM and on errors (unless --keep).
 *
 * --only=unit,integration   run some steps (ids above)
 * --keep                    leave the test site running afterwards (npm run stop -- --site=test)
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';

import { parseArgs, portFromEnv } from './lib/args.mjs';
import { buildAdmin, ensureAutoload, ensureNodeModules } from './lib/bootstrap.mjs';
import { pluginProblems } from './lib/logs.mjs';
import { findFreePort } from './lib/net.mjs';
import { ROOT, WP_HOME } from './lib/paths.mjs';
import { resolveTools } from './lib/prereqs.mjs';
import { findGroupsByMarker, sleep, stopGroup } from './lib/proc.mjs';
import { Site } from './lib/site.mjs';
import { UserError, bold, cyan, dim, green, info, printError, red, yellow } from './lib/ui.mjs';

const STEP_IDS = [ 'php-lint', 'phpcs', 'unit', 'integration', 'typecheck', 'lint-js', 'vitest', 'e2e', 'php-error-log', 'multisite', 'faults', 'scale' ];
const SITE_STEPS = new Set( [ 'integration', 'e2e', 'php-error-log' ] );
const USAGE = `Usage: npm test [-- --only=<ids>] [-- --keep]
  --only=a,b   run only these steps: ${ STEP_IDS.join( ', ' ) }
               (multisite sets up and stops its own network on port 8896 upward, SOPHMATE_MULTISITE_PORT)
               (faults sets up and stops its own site on port 8892 upward, SOPHMATE_FAULTS_PORT)
  --keep       leave the test site running afterwards (stop it with: npm run stop -- --site=test)`;

const REPORT_DIR = path.join( WP_HOME, 'test-reports' );
const BIN = ( name ) => path.join( ROOT, 'node_modules', '.bin', name );
const E2E_MARKER = `--sophmate-e2e-root=${ ROOT }`;

/** @type {{ id: string, result: 'pass'|'fail'|'skip', passed: number, failed: number, skipped: number, seconds: number, note: string }[]} */
const results = [];
let currentChild = null;
let testSite = null;
/** The faults step's own site while it runs (stopped by the step, or by cleanup()). */
let faultsSite = null;
/** The multisite step's own network while it runs (stopped by the step, or by cleanup()). */
let multisiteSite = null;
let keep = false;
let finished = false;

/* ------------------------------------------------------------------ */
/* running one step                                                    */
/* ------------------------------------------------------------------ */

function header( index, total, id, description ) {
	info( '' );
	info( cyan( bold( `━━ [${ index }/${ total }] ${ id }` ) ) + dim( ` — ${ description }` ) );
}

function record( id, started, { ok, passed = 0, failed = 0, skipped = 0, note = '' } ) {
	// A step that failed without counting a failed test counts as one failed check.
	const failedCount = ok ? failed : Math.max( failed, 1 );
	const entry = {
		id,
		result: ok ? 'pass' : 'fail',
		passed,
		failed: failedCount,
		skipped,
		seconds: ( Date.now() - started ) / 1000,
		note,
	};
	results.push( entry );
	const colour = ok ? green : red;
	info(
		colour( `── ${ id }: ${ ok ? 'PASS' : 'FAIL' }` ) +
			` (${ passed } passed, ${ failedCount } failed${ skipped ? `, ${ skipped } skipped` : '' }, ${ entry.seconds.toFixed( 1 ) } s)` +
			( note ? ` — ${ note }` : '' )
	);
	return entry;
}

/**
 * Runs a command in its own process group with output streamed and captured.
 *
 * @return {Promise<{ status: number, output: string }>}
 */
function exec( command, args, { env = {}, timeoutMs = 20 * 60 * 1000 } = {} ) {
	return new Promise( ( resolve ) => {
		let output = '';
		let child;
		try {
			child = spawn( command, args, {
				cwd: ROOT,
				detached: true,
				stdio: [ 'ignore', 'pipe', 'pipe' ],
				env: { ...process.env, ...stepEnv(), ...env },
			} );
		} catch ( error ) {
			resolve( { status: 127, output: error.message } );
			return;
		}
		currentChild = child;
		const onData = ( target ) => ( chunk ) => {
			const text = chunk.toString();
			target.write( text );
			output += text;
			if ( output.length > 16 * 1024 * 1024 ) {
				output = output.slice( -8 * 1024 * 1024 );
			}
		};
		child.stdout.on( 'data', onData( process.stdout ) );
		child.stderr.on( 'data', onData( process.stderr ) );
		const timer = setTimeout( () => {
			output += `\n[timed out after ${ Math.round( timeoutMs / 1000 ) } s]\n`;
			process.stderr.write( red( `\n[${ command } timed out after ${ Math.round( timeoutMs / 1000 ) } s: stopping it]\n` ) );
			stopChild( child );
		}, timeoutMs );
		child.on( 'error', ( error ) => {
			output += `\n${ error.message }\n`;
		} );
		child.on( 'close', ( status, signal ) => {
			clearTimeout( timer );
			currentChild = null;
			resolve( { status: status === null ? ( signal ? 128 : 1 ) : status, output } );
		} );
	} );
}

async function stopChild( child ) {
	if ( ! child || child.exitCode !== null || child.signalCode !== null ) {
		return;
	}
	await stopGroup( child.pid, null, { timeoutMs: 5000 } );
}

function stepEnv() {
	const env = { SOPHMATE_REPORT_DIR: REPORT_DIR, SOPHMATE_E2E_MARKER: E2E_MARKER };
	if ( testSite ) {
		env.SOPHMATE_TEST_SITE = testSite.siteJsonPath;
		env.WP_BASE_URL = testSite.url;
	}
	return env;
}

function readJson( file ) {
	try {
		return JSON.parse( fs.readFileSync( file, 'utf8' ) );
	} catch {
		return null;
	}
}

/* ------------------------------------------------------------------ */
/* the steps                                                           */
/* ------------------------------------------------------------------ */

const EXCLUDED_DIRS = new Set( [ 'node_modules', 'vendor', '.wp', '.git', 'build', 'dist', 'test-results', 'playwright-report' ] );

function phpFiles() {
	const files = [];
	const walk = ( dir ) => {
		for ( const entry of fs.readdirSync( dir, { withFileTypes: true } ) ) {
			const full = path.join( dir, entry.name );
			if ( entry.isDirectory() ) {
				if ( ! EXCLUDED_DIRS.has( entry.name ) ) {
					walk( full );
				}
			} else if ( entry.isFile() && entry.name.endsWith( '.php' ) ) {
				files.push( full );
			}
		}
	};
	walk( ROOT );
	return files.sort();
}

async function stepPhpLint( tools ) {
	const files = phpFiles();
	let passed = 0;
	const failures = [];
	let next = 0;
	const worker = async () => {
		while ( next < files.length ) {
			const file = files[ next++ ];
			const result = await new Promise( ( resolve ) => {
				const child = spawn( tools.php, [ '-d', 'display_errors=1', '-l', file ], { stdio: [ 'ignore', 'pipe', 'pipe' ] } );
				let out = '';
				child.stdout.on( 'data', ( d ) => ( out += d ) );
				child.stderr.on( 'data', ( d ) => ( out += d ) );
				child.on( 'close', ( status ) => resolve( { status, out } ) );
				child.on( 'error', ( error ) => resolve( { status: 127, out: error.message } ) );
			} );
			if ( result.status === 0 ) {
				passed++;
			} else {
				failures.push( `${ path.relative( ROOT, file ) }: ${ result.out.trim() }` );
			}
		}
	};
	await Promise.all( [ worker(), worker(), worker(), worker() ] );
	for ( const failure of failures ) {
		info( red( failure ) );
	}
	info( `${ passed } of ${ files.length } PHP files have no syntax errors.` );
	return { ok: failures.length === 0, passed, failed: failures.length };
}

async function stepPhpcs( tools ) {
	const json = path.join( REPORT_DIR, 'phpcs.json' );
	const full = path.join( REPORT_DIR, 'phpcs.txt' );
	fs.rmSync( json, { force: true } );
	const run = await exec( tools.php, [ tools.phpcs, '--standard=phpcs.xml.dist', `--report-json=${ json }`, `--report-full=${ full }`, '-q', '--no-colors' ] );
	const report = readJson( json );
	if ( ! report || ! report.totals ) {
		return { ok: false, note: `phpcs did not run (exit ${ run.status })` };
	}
	const { errors, warnings } = report.totals;
	for ( const [ file, data ] of Object.entries( report.files ) ) {
		for ( const message of data.messages ) {
			if ( message.type === 'ERROR' ) {
				info( red( `${ path.relative( ROOT, path.resolve( ROOT, file ) ) }:${ message.line }:${ message.column }  ${ message.message } (${ message.source })` ) );
			}
		}
	}
	info( `phpcs: ${ errors } error(s), ${ warnings } warning(s) in ${ Object.keys( report.files ).length } files. Full report: ${ full }` );
	return { ok: errors === 0, passed: errors === 0 ? 1 : 0, failed: errors === 0 ? 0 : 1, note: warnings ? `${ warnings } warnings` : '' };
}

function hasTestFiles( dir ) {
	const walk = ( current ) => {
		let entries = [];
		try {
			entries = fs.readdirSync( current, { withFileTypes: true } );
		} catch {
			return false;
		}
		return entries.some( ( entry ) =>
			entry.isDirectory() ? walk( path.join( current, entry.name ) ) : entry.name.endsWith( 'Test.php' )
		);
	};
	return walk( dir );
}

async function stepPhpunit( tools, suite, env = {} ) {
	const config = `phpunit.${ suite }.xml.dist`;
	if ( ! hasTestFiles( path.join( ROOT, 'tests', 'php', suite ) ) ) {
		info( `No *Test.php files in tests/php/${ suite }: nothing to run.` );
		return { ok: true, note: 'no tests' };
	}
	const junit = path.join( REPORT_DIR, `phpunit-${ suite }.xml` );
	fs.rmSync( junit, { force: true } );
	const run = await exec( tools.php, [ tools.phpunit, '-c', config, `--log-junit=${ junit }`, `--colors=${ process.stdout.isTTY ? 'always' : 'never' }` ], { env } );
	if ( /No tests executed!/.test( run.output ) && ! /Tests: \d+/.test( run.output ) ) {
		return { ok: true, note: 'no tests executed' };
	}
	let xml = '';
	try {
		xml = fs.readFileSync( junit, 'utf8' );
	} catch {
		// no report: PHPUnit stopped before running tests
	}
	const suiteTag = /<testsuite\b[^>]*>/.exec( xml );
	if ( ! suiteTag ) {
		return { ok: false, note: `PHPUnit did not run the tests (exit ${ run.status })` };
	}
	const attr = ( name ) => Number( ( new RegExp( `\\b${ name }="(\\d+)"` ).exec( suiteTag[ 0 ] ) || [] )[ 1 ] || 0 );
	const tests = attr( 'tests' );
	const failed = attr( 'failures' ) + attr( 'errors' );
	const skipped = attr( 'skipped' );
	return {
		ok: run.status === 0,
		passed: tests - failed - skipped,
		failed,
		skipped,
		note: run.status !== 0 && failed === 0 ? `PHPUnit exited ${ run.status }` : '',
	};
}

/**
 * The fault suite: vitest with vitest.faults.config.ts, which sets up .wp/faults itself (it needs to
 * stop that site's MariaDB and kill its PHP processes), then a scan of that site's PHP logs. The
 * site is stopped here whatever happened in the suite (also from cleanup() on a signal).
 */
async function stepFaults( tools ) {
	const json = path.join( REPORT_DIR, 'faults.json' );
	fs.rmSync( json, { force: true } );
	const site = new Site( 'faults', tools );
	faultsSite = site;
	try {
		const run = await exec( BIN( 'vitest' ), [ 'run', '-c', 'vitest.faults.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${ json }` ], {
			env: { FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
			timeoutMs: 10 * 60 * 1000,
		} );
		const report = readJson( json );
		if ( ! report ) {
			return { ok: false, note: `the faults suite wrote no report (exit ${ run.status })` };
		}
		const problems = pluginProblems( [ site.logs.debug, site.logs.server ] );
		for ( const { file, text } of problems ) {
			info( red( `${ path.relative( ROOT, file ) }: ${ text }` ) );
		}
		const failed = ( report.numFailedTests || 0 ) + ( run.status !== 0 && ! report.numFailedTests ? Math.max( 1, report.numFailedTestSuites || 0 ) : 0 );
		return {
			ok: run.status === 0 && problems.length === 0,
			passed: report.numPassedTests || 0,
			failed: failed + ( problems.length ? 1 : 0 ),
			skipped: ( report.numPendingTests || 0 ) + ( report.numTodoTests || 0 ),
			note: problems.length ? `${ problems.length } PHP log entries from the plugin` : '',
		};
	} finally {
		await site.stop();
		faultsSite = null;
	}
}

/** scripts/test-scale.mjs in its own process group (it stops what it starts); counts from its report. */
async function stepScale() {
	const json = path.join( REPORT_DIR, 'scale.json' );
	fs.rmSync( json, { force: true } );
	const run = await exec( process.execPath, [ path.join( ROOT, 'scripts', 'test-scale.mjs' ) ], { timeoutMs: 15 * 60 * 1000 } );
	const report = readJson( json );
	if ( ! report || ! Array.isArray( report.checks ) ) {
		return { ok: false, note: `test-scale.mjs wrote no report (exit ${ run.status })` };
	}
	const load = report.phases?.load;
	return {
		ok: run.status === 0 && report.failed === 0,
		passed: report.passed,
		failed: report.failed,
		note: load ? `load p95 ${ load.latency.all.p95_ms } ms, ${ load.requests } requests, ${ load.errors } errors` : '',
	};
}

async function stepCommand( command, args ) {
	const run = await exec( command, args );
	return { ok: run.status === 0, passed: run.status === 0 ? 1 : 0, failed: run.status === 0 ? 0 : 1 };
}

async function stepVitest() {
	const json = path.join( REPORT_DIR, 'vitest.json' );
	fs.rmSync( json, { force: true } );
	const run = await exec( BIN( 'vitest' ), [ 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${ json }`, '--passWithNoTests' ], {
		env: { FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
	} );
	const report = readJson( json );
	if ( ! report ) {
		return { ok: false, note: `vitest wrote no report (exit ${ run.status })` };
	}
	return {
		ok: run.status === 0,
		passed: report.numPassedTests || 0,
		failed: ( report.numFailedTests || 0 ) + ( run.status !== 0 && ! report.numFailedTests ? report.numFailedTestSuites || 0 : 0 ),
		skipped: ( report.numPendingTests || 0 ) + ( report.numTodoTests || 0 ),
	};
}

async function stepE2e() {
	const json = path.join( REPORT_DIR, 'playwright.json' );
	fs.rmSync( json, { force: true } );
	const run = await exec( BIN( 'playwright' ), [ 'test', '--pass-with-no-tests' ] );
	// Chromium left behind by a killed Playwright (it is started with our marker flag).
	for ( const pgid of findGroupsByMarker( E2E_MARKER ) ) {
		await stopGroup( pgid, E2E_MARKER, { timeoutMs: 3000 } );
	}
	const report = readJson( json );
	if ( ! report || ! report.stats ) {
		return { ok: false, note: `Playwright wrote no report (exit ${ run.status })` };
	}
	const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
	const setupErrors = ( report.errors || [] ).length;
	return {
		ok: run.status === 0,
		passed: expected + flaky,
		failed: unexpected,
		skipped,
		note: setupErrors ? `${ setupErrors } error(s) outside tests (global setup?)` : flaky ? `${ flaky } flaky` : '',
	};
}

function stepPhpErrorLog( site ) {
	const found = pluginProblems( [ site.logs.debug, site.logs.server ] );
	for ( const { file, text } of found ) {
		info( red( `${ path.relative( ROOT, file ) }: ${ text }` ) );
	}
	info(
		found.length
			? `${ found.length } PHP warning/notice/deprecation/error entr${ found.length === 1 ? 'y' : 'ies' } from the plugin (logs: ${ site.logDir }).`
			: `No PHP warnings, notices, deprecations or errors from the plugin in ${ path.relative( ROOT, site.logDir ) }/{debug,php-server}.log.`
	);
	return { ok: found.length === 0, passed: found.length ? 0 : 1, failed: found.length ? 1 : 0, note: found.length ? `${ found.length } entries` : '' };
}

/**
 * A fresh subdirectory multisite (main site + /site2/, plugin network-active) with its own
 * MariaDB and php -S, the multisite PHPUnit suite inside it, then a scan of its PHP logs.
 * Never touches the shared test site; always stops what it started.
 */
async function stepMultisite( tools ) {
	const start = portFromEnv( 'SOPHMATE_MULTISITE_PORT', 8896 );
	const port = await findFreePort( start, [ portFromEnv( 'SOPHMATE_DEV_PORT', 8888 ), portFromEnv( 'SOPHMATE_TEST_PORT', 8890 ) ] );
	if ( ! port ) {
		throw new UserError( `No free port from ${ start } upward for the multisite network.` );
	}
	const site = new Site( 'multisite', tools, { port, multisite: true, title: 'SophMate Safe Mode (multisite)', portEnv: 'SOPHMATE_MULTISITE_PORT' } );
	multisiteSite = site;
	try {
		info( `Setting up a subdirectory multisite in ${ path.relative( ROOT, site.dir ) } on ${ site.url }…` );
		await site.wipe();
		await site.startDatabase();
		site.prepareFiles();
		site.recreateDatabase();
		site.install( { resetAdmin: true, extra: { network_setup: true } } );
		const install = site.install( { extra: { network_activate: true, sites: [ 'site2' ] } } );
		if ( install.activation_error || ! install.plugin_active ) {
			throw new UserError( `The plugin could not be network-activated: ${ install.activation_error || 'not active' }`, { details: `WordPress log: ${ site.logs.debug }` } );
		}
		await site.startServer();
		await site.waitForHttp( 20000 );
		site.writeSiteJson( { ...site.siteJson( install.app_password ), multisite: true, sites: install.sites } );
		const result = await stepPhpunit( tools, 'multisite', { SOPHMATE_TEST_SITE: site.siteJsonPath, WP_BASE_URL: site.url } );
		const problems = pluginProblems( [ site.logs.debug, site.logs.server ] );
		for ( const { file, text } of problems ) {
			info( red( `${ path.relative( ROOT, file ) }: ${ text }` ) );
		}
		if ( problems.length ) {
			return { ...result, ok: false, failed: result.failed + 1, note: `${ problems.length } PHP log entries from the plugin` };
		}
		return result;
	} finally {
		await site.stop();
		multisiteSite = null;
	}
}

/* ------------------------------------------------------------------ */
/* the test site                                                       */
/* ------------------------------------------------------------------ */

async function setUpTestSite( tools ) {
	const devPort = portFromEnv( 'SOPHMATE_DEV_PORT', 8888 );
	const start = portFromEnv( 'SOPHMATE_TEST_PORT', 8890 );
	const port = await findFreePort( start, [ devPort ] );
	if ( ! port ) {
		throw new UserError( `No free port from ${ start } upward for the test site.`, { details: 'Set SOPHMATE_TEST_PORT to where the search should start.' } );
	}
	const site = new Site( 'test', tools, { port, demo: false, title: 'SophMate Safe Mode (test)', portEnv: 'SOPHMATE_TEST_PORT' } );
	testSite = site;
	info( `Wiping ${ path.relative( ROOT, site.dir ) } and starting a fresh MariaDB…` );
	await site.wipe();
	await site.startDatabase();
	site.prepareFiles();
	site.recreateDatabase();
	info( 'Installing WordPress and activating the plugin…' );
	const install = site.install( { resetAdmin: true } );
	info( `Starting php -S on ${ site.url }…` );
	await site.startServer();
	const { namespaces } = await site.waitForHttp( 20000 );
	const data = site.siteJson( install.app_password );
	site.writeSiteJson( data );
	site.markInstalled( install );
	info( `Test site up at ${ site.url } (site.json: ${ site.siteJsonPath }).` );
	if ( install.activation_error ) {
		throw new UserError( `The plugin could not be activated on the test site:\n${ install.activation_error }`, {
			details: `WordPress log: ${ site.logs.debug }`,
		} );
	}
	if ( ! install.plugin_active ) {
		throw new UserError( 'The plugin is not active on the test site.' );
	}
	if ( ! namespaces.includes( 'sophmate-safe-mode/v1' ) ) {
		throw new UserError( `The plugin is active but its REST namespace sophmate-safe-mode/v1 is missing (see ${ site.logs.debug }).` );
	}
	return site;
}

/* ------------------------------------------------------------------ */
/* cleanup and summary                                                 */
/* ------------------------------------------------------------------ */

async function cleanup() {
	if ( currentChild ) {
		await stopChild( currentChild );
	}
	for ( const pgid of findGroupsByMarker( E2E_MARKER ) ) {
		await stopGroup( pgid, E2E_MARKER, { timeoutMs: 3000 } );
	}
	if ( testSite && ! keep ) {
		try {
			await testSite.stop();
		} catch ( error ) {
			printError( error );
		}
	}
	if ( multisiteSite ) {
		try {
			await multisiteSite.stop();
		} catch ( error ) {
			printError( error );
		}
	}
	if ( faultsSite ) {
		try {
			await faultsSite.stop();
		} catch ( error ) {
			printError( error );
		}
	}
}

/** Last resort when the process exits without cleanup(): signal the groups, synchronously. */
function killSync() {
	if ( currentChild && currentChild.exitCode === null ) {
		try {
			process.kill( -currentChild.pid, 'SIGKILL' );
		} catch {
			// gone
		}
	}
	for ( const site of [ keep ? null : testSite, multisiteSite, faultsSite ] ) {
		if ( ! site ) {
			continue;
		}
		for ( const kind of [ 'php', 'mariadb' ] ) {
			const rec = site.readRun( kind );
			if ( rec && rec.pgid ) {
				try {
					process.kill( -rec.pgid, 'SIGTERM' );
				} catch {
					// gone
				}
			}
		}
	}
}

function summary() {
	const pad = ( value, width, right = false ) => {
		const text = String( value );
		return right ? text.padStart( width ) : text.padEnd( width );
	};
	info( '' );
	info( bold( 'Summary' ) );
	info( `${ pad( 'step', 15 ) }${ pad( 'result', 8 ) }${ pad( 'passed', 8, true ) }${ pad( 'failed', 8, true ) }${ pad( 'seconds', 9, true ) }  note` );
	for ( const r of results ) {
		const result = r.result === 'pass' ? green( pad( 'pass', 8 ) ) : r.result === 'fail' ? red( pad( 'FAIL', 8 ) ) : yellow( pad( 'skip', 8 ) );
		info(
			`${ pad( r.id, 15 ) }${ result }${ pad( r.passed, 8, true ) }${ pad( r.failed, 8, true ) }${ pad( r.seconds.toFixed( 1 ), 9, true ) }  ${ r.note }`
		);
	}
	const passed = results.reduce( ( sum, r ) => sum + r.passed, 0 );
	const failed = results.reduce( ( sum, r ) => sum + r.failed, 0 );
	return { passed, failed, anyFailed: results.some( ( r ) => r.result === 'fail' ) };
}

function printTotal( { passed, failed } ) {
	// The very last line: read by people and by CI.
	process.stdout.write( `Total: ${ passed } passed, ${ failed } failed\n` );
}

/* ------------------------------------------------------------------ */
/* main                                                                */
/* ------------------------------------------------------------------ */

async function main() {
	const options = parseArgs( process.argv.slice( 2 ), { only: 'string', keep: 'boolean' }, USAGE );
	keep = !! options.keep;
	let selected = STEP_IDS;
	if ( options.only ) {
		selected = options.only.split( ',' ).map( ( id ) => id.trim() ).filter( Boolean );
		const unknown = selected.filter( ( id ) => ! STEP_IDS.includes( id ) );
		if ( unknown.length || ! selected.length ) {
			throw new UserError( `Unknown step id(s): ${ unknown.join( ', ' ) || '(none given)' }`, { details: USAGE, exitCode: 2 } );
		}
		selected = STEP_IDS.filter( ( id ) => selected.includes( id ) );
	}
	const needSite = selected.some( ( id ) => id === 'integration' || id === 'e2e' );
	if ( needSite && ! selected.includes( 'php-error-log' ) ) {
		// The log scan always follows the suites that used the site.
		selected = [ ...selected, 'php-error-log' ];
	}
	const needBuild = selected.some( ( id ) => id === 'integration' || id === 'e2e' );
	const needNode = selected.some( ( id ) => [ 'typecheck', 'lint-js', 'vitest', 'e2e', 'faults' ].includes( id ) ) || needBuild;
	const started = Date.now();

	info( bold( `npm test: ${ selected.join( ', ' ) }` ) );
	const tools = resolveTools( { forTests: true } );
	if ( needNode || ! fs.existsSync( path.join( ROOT, 'node_modules' ) ) ) {
		await ensureNodeModules();
	}
	ensureAutoload( tools );
	fs.rmSync( REPORT_DIR, { recursive: true, force: true } );
	fs.mkdirSync( REPORT_DIR, { recursive: true } );

	const total = selected.length + ( needBuild ? 1 : 0 ) + ( needSite ? 1 : 0 );
	let index = 0;

	if ( needBuild ) {
		header( ++index, total, 'build', 'npm run build (admin bundle)' );
		const t = Date.now();
		const build = await buildAdmin();
		record( 'build', t, { ok: build.ok, passed: build.ok ? 1 : 0, note: build.skippedReason || '' } );
	}

	let siteError = null;
	let siteReady = false;
	const ensureSite = async () => {
		if ( siteReady || siteError || ! needSite ) {
			return;
		}
		header( ++index, total, 'test-site', 'fresh MariaDB + WordPress + plugin on a free port' );
		const t = Date.now();
		try {
			await setUpTestSite( tools );
			siteReady = true;
			record( 'test-site', t, { ok: true, passed: 1, note: testSite.url } );
		} catch ( error ) {
			siteError = error instanceof UserError ? error.message : String( error && error.stack ? error.stack : error );
			printError( error );
			// The site may be up even though the plugin is broken: the suites still run and report.
			siteReady = !! ( testSite && testSite.alive( 'php' ) && fs.existsSync( testSite.siteJsonPath ) );
			record( 'test-site', t, { ok: false, note: siteError.split( '\n' )[ 0 ].slice( 0, 80 ) } );
		}
	};

	const steps = {
		'php-lint': [ 'php -l on every PHP file', () => stepPhpLint( tools ) ],
		phpcs: [ 'phpcs --standard=phpcs.xml.dist', () => stepPhpcs( tools ) ],
		unit: [ 'phpunit -c phpunit.unit.xml.dist', () => stepPhpunit( tools, 'unit' ) ],
		integration: [ 'phpunit -c phpunit.integration.xml.dist (inside the test site)', () => stepPhpunit( tools, 'integration' ) ],
		typecheck: [ 'tsc --noEmit', () => stepCommand( BIN( 'tsc' ), [ '--noEmit' ] ) ],
		'lint-js': [ 'npm run lint:js', () => stepCommand( 'npm', [ 'run', '--silent', 'lint:js' ] ) ],
		vitest: [ 'vitest run', () => stepVitest() ],
		e2e: [ 'playwright test (Chromium, against the test site)', () => stepE2e() ],
		'php-error-log': [ "the test site's debug.log and php-server.log", () => stepPhpErrorLog( testSite ) ],
		multisite: [ 'phpunit -c phpunit.multisite.xml.dist (inside its own multisite network)', () => stepMultisite( tools ) ],
		faults: [ 'vitest -c vitest.faults.config.ts (database stopped, workers killed; own site)', () => stepFaults( tools ) ],
		scale: [ 'npm run test:scale (two web nodes, Redis object cache, load test)', () => stepScale() ],
	};

	for ( const id of selected ) {
		if ( signalled ) {
			break;
		}
		if ( SITE_STEPS.has( id ) && id !== 'php-error-log' ) {
			await ensureSite();
		}
		const [ description, fn ] = steps[ id ];
		header( ++index, total, id, description );
		const t = Date.now();
		if ( id === 'php-error-log' && ! testSite ) {
			const site = new Site( 'test', tools );
			if ( ! fs.existsSync( site.logDir ) ) {
				record( id, t, { ok: true, note: 'no test site logs to scan' } );
				continue;
			}
			testSite = site;
		}
		if ( SITE_STEPS.has( id ) && id !== 'php-error-log' && ! siteReady ) {
			info( red( `Not run: the test site is not up (${ siteError })` ) );
			record( id, t, { ok: false, note: 'test site not up' } );
			continue;
		}
		try {
			record( id, t, await fn() );
		} catch ( error ) {
			printError( error );
			record( id, t, { ok: false, note: error instanceof UserError ? error.message.slice( 0, 80 ) : 'crashed' } );
		}
	}
	await cleanup();
	finished = true;
	const totals = summary();
	info( dim( `Reports: ${ REPORT_DIR }   (${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s in all)` ) );
	if ( keep && testSite ) {
		info( yellow( `--keep: the test site is still running at ${ testSite.url } (site.json: ${ testSite.siteJsonPath }); stop it with: npm run stop -- --site=test` ) );
	}
	if ( signalled ) {
		info( red( `Interrupted by ${ signalled }: the remaining steps did not run.` ) );
		printTotal( { ...totals, failed: Math.max( totals.failed, 1 ) } );
		return signalled === 'SIGINT' ? 130 : 143;
	}
	printTotal( totals );
	return totals.anyFailed ? 1 : 0;
}

/** Set by SIGINT/SIGTERM/SIGHUP: the running step is stopped, no further step starts. */
let signalled = null;
for ( const signal of [ 'SIGINT', 'SIGTERM', 'SIGHUP' ] ) {
	process.on( signal, () => {
		if ( signalled ) {
			// Second signal: stop now.
			killSync();
			process.exit( 130 );
		}
		signalled = signal;
		process.stderr.write( red( `\n${ signal }: stopping the test run and everything it started…\n` ) );
		if ( currentChild ) {
			stopChild( currentChild );
		}
		// main() notices at the next step boundary; if it is stuck, give up after 30 s.
		setTimeout( async () => {
			process.stderr.write( red( 'The test run did not stop in 30 s: forcing it.\n' ) );
			await cleanup();
			finished = true;
			process.exit( signal === 'SIGINT' ? 130 : 143 );
		}, 30000 ).unref();
	} );
}
process.on( 'exit', () => {
	if ( ! finished ) {
		killSync();
	}
} );

try {
	process.exitCode = await main();
} catch ( error ) {
	const code = printError( error );
	await cleanup();
	finished = true;
	if ( results.length ) {
		const totals = summary();
		printTotal( { ...totals, failed: Math.max( totals.failed, 1 ) } );
	}
	process.exitCode = code || 1;
}
// Give stdout a moment to drain in CI before Node exits.
await sleep( 10 );
