#!/usr/bin/env node
/**
 * npm run test:scale [-- --seconds=60] [-- --clients=50] [-- --keep]   (-- --stop: stop what --keep left running)
 * (also the "scale" step of npm test: npm test -- --only=scale)
 *
 * The plugin beyond one server (issue 8): two web nodes (php -S on 8894 and 8895, separate process
 * groups, one WordPress directory, one MariaDB) and Redis (6391) as a persistent object cache
 * shared by both through tests/fixtures/object-cache/object-cache.php. Checks, each counted:
 *
 *   nodes       both nodes answer and really use the shared Redis
 *   drop-in     the object-cache.php drop-in keeps the cache contract on both nodes
 *   pause-a-b   a pause through node A refuses the next run on node B (no stale cache window)
 *   restart-b-a a restart through node B is seen by node A at once (trial, runs allowed)
 *   race        the alloptions race reproduced (a slow request on B caches the pre-pause options
 *               after a pause through A): the gate on both nodes still refuses
 *   burst       200 simultaneous pause/restart requests over both nodes: nothing lost
 *   load        50 clients, 60 s, GET /status + pause/restart over both nodes: zero errors,
 *               zero lost updates, p50/p95 per request kind
 *   options     the plugin's sophmate_* options intact after the concurrent phases
 *   php-log     no PHP warning or error from the plugin in either node's logs
 * After each concurrent phase: accepted changes = new audit entries = board versions added, the
 * audit chain verifies on both nodes, and each category's state on both nodes is the state of its
 * last audited change (highest board version).
 *
 * Writes .wp/test-reports/scale.json and prints the numbers. Everything it starts (Redis, both
 * php -S groups, MariaDB) is stopped at the end, on failure and on SIGINT/SIGTERM (unless --keep).
 */
import fs from 'node:fs';
import path from 'node:path';

import { parseArgs } from './lib/args.mjs';
import { ensureAutoload } from './lib/bootstrap.mjs';
import { CATEGORIES, ACKS, call, runLoadTest } from './lib/load-test.mjs';
import { pluginProblems } from './lib/logs.mjs';
import { WP_HOME } from './lib/paths.mjs';
import { resolveTools } from './lib/prereqs.mjs';
import { sleep } from './lib/proc.mjs';
import { ScaleCluster } from './lib/scale-cluster.mjs';
import {
	UserError,
	bold,
	cyan,
	green,
	info,
	printError,
	red,
	yellow,
} from './lib/ui.mjs';

const USAGE =
	'Usage: npm run test:scale [-- --seconds=60] [-- --clients=50] [-- --keep] | [-- --stop]';
const REPORT_DIR =
	process.env.SOPHMATE_REPORT_DIR || path.join( WP_HOME, 'test-reports' );
const REPORT = path.join( REPORT_DIR, 'scale.json' );

/** @type {{ id: string, name: string, ok: boolean, detail: string }[]} */
const checks = [];
const report = { started_at: new Date().toISOString(), checks, phases: {} };
let cluster = null;
let keep = false;
let stopping = null;

function check( id, name, ok, detail = '' ) {
	checks.push( { id, name, ok: !! ok, detail } );
	info(
		`  ${ ok ? green( 'ok  ' ) : red( 'FAIL' ) } ${ name }${ detail ? ` — ${ detail }` : '' }`
	);
	return !! ok;
}

function phase( title ) {
	info( '' );
	info( cyan( bold( `── ${ title }` ) ) );
}

/* ------------------------------------------------------------------ */
/* REST helpers against one node                                       */
/* ------------------------------------------------------------------ */

const api = ( node, route ) =>
	`${ node }/wp-json/sophmate-safe-mode/v1${ route }`;
const probe = ( node, route ) =>
	`${ node }/wp-json/sophmate-scale/v1${ route }`;

async function json( url, request = {} ) {
	const response = await call( url, { auth: cluster.auth, ...request } );
	if ( response.status !== 200 ) {
		throw new UserError(
			`${ request.method || 'GET' } ${ url } answered ${ response.status || response.error }: ${ JSON.stringify( response.body ).slice( 0, 300 ) }`
		);
	}
	return response.body;
}

const pause = ( node, slug, reason ) =>
	call( api( node, `/categories/${ slug }/pause` ), {
		method: 'POST',
		auth: cluster.auth,
		body: { reason },
	} );
const restart = ( node, slug, note, maxRuns = 1 ) =>
	call( api( node, `/categories/${ slug }/restart` ), {
		method: 'POST',
		auth: cluster.auth,
		body: { acknowledged: ACKS, note, scope: { max_runs: maxRuns } },
	} );
const gate = ( node, start = true ) =>
	json( probe( node, '/gate' ), { method: 'POST', body: { start } } );
const stateOn = async ( node, slug ) =>
	( await json( api( node, '/status' ) ) ).categories.find(
		( c ) => c.slug === slug
	)?.state;

async function auditTotal( node ) {
	const response = await fetch( api( node, '/audit?per_page=1' ), {
		headers: { Authorization: cluster.auth },
	} );
	return Number( response.headers.get( 'x-wp-total' ) );
}

/**
 * Audit entries newer than `afterId`, newest first, paging through GET /audit.
 * @param {string} node    base URL of a node
 * @param {number} afterId the newest audit id before the phase
 */
async function auditSince( node, afterId ) {
	const entries = [];
	for ( let page = 1; page < 1000; page++ ) {
		const items = await json(
			api( node, `/audit?per_page=100&page=${ page }` )
		);
		for ( const item of items ) {
			if ( item.id <= afterId ) {
				return entries;
			}
			entries.push( item );
		}
		if ( items.length < 100 ) {
			return entries;
		}
	}
	return entries;
}

async function options( node ) {
	return json( probe( node, '/options' ) );
}

/** The switch board as stored in the database (not through any cache). */
async function storedBoard() {
	const raw = ( await options( cluster.urls[ 0 ] ) )
		.sophmate_safe_mode_switches?.db;
	return raw ? JSON.parse( raw ) : { version: 0 };
}

/** Where the audit log and the board stand before a concurrent phase. */
async function mark() {
	const [ node ] = cluster.urls;
	const latest = await json( api( node, '/audit?per_page=1' ) );
	return {
		auditId: latest[ 0 ]?.id ?? 0,
		auditTotal: await auditTotal( node ),
		version: ( await storedBoard() ).version,
	};
}

/**
 * Nothing lost in a concurrent phase: every accepted change has exactly one audit entry, the board
 * versions of those entries are exactly the versions added, the chain verifies on both nodes and
 * each category shows, on both nodes, the state of its last change.
 * @param {string} id       check group
 * @param {Object} before   mark() before the phase
 * @param {number} accepted changes answered 200 with changed: true
 */
async function verifyNothingLost( id, before, accepted ) {
	const [ nodeA, nodeB ] = cluster.urls;
	const board = await storedBoard();
	const entries = ( await auditSince( nodeA, before.auditId ) ).filter(
		( e ) => e.context?.version !== undefined
	);
	const audited = ( await auditTotal( nodeA ) ) - before.auditTotal;
	check(
		id,
		'every accepted change has one audit entry',
		audited === accepted && entries.length === accepted,
		`${ accepted } accepted, ${ audited } new audit entries`
	);
	check(
		id,
		'the board moved by exactly the accepted changes',
		board.version - before.version === accepted,
		`version ${ before.version } → ${ board.version }`
	);
	const versions = entries
		.map( ( e ) => Number( e.context.version ) )
		.sort( ( a, b ) => a - b );
	const contiguous = versions.every(
		( v, i ) => v === before.version + 1 + i
	);
	check(
		id,
		'audited versions are each version added, once',
		contiguous && versions.length === board.version - before.version,
		contiguous ? '' : `versions ${ versions.slice( 0, 10 ).join( ',' ) }…`
	);
	for ( const node of [ nodeA, nodeB ] ) {
		const verify = await json( api( node, '/audit/verify' ) );
		check(
			id,
			`audit chain verifies through node ${ node === nodeA ? 'A' : 'B' }`,
			verify.ok === true,
			`${ verify.checked } checked${ verify.ok ? '' : `, first bad #${ verify.first_bad_id }` }`
		);
	}
	const last = new Map();
	for ( const entry of entries ) {
		const current = last.get( entry.scope );
		if (
			! current ||
			Number( entry.context.version ) > Number( current.context.version )
		) {
			last.set( entry.scope, entry );
		}
	}
	const [ statusA, statusB ] = await Promise.all( [
		json( api( nodeA, '/status' ) ),
		json( api( nodeB, '/status' ) ),
	] );
	const mismatches = [];
	for ( const slug of CATEGORIES ) {
		const expected = last.get( `category:${ slug }` )?.after;
		const stored = board.categories?.[ slug ]?.state ?? 'running';
		const a = statusA.categories.find( ( c ) => c.slug === slug )?.state;
		const b = statusB.categories.find( ( c ) => c.slug === slug )?.state;
		if ( ( expected && a !== expected ) || a !== b || a !== stored ) {
			mismatches.push(
				`${ slug }: last audited ${ expected ?? '(none)' }, stored ${ stored }, A ${ a }, B ${ b }`
			);
		}
	}
	check(
		id,
		'each category on both nodes is in the state of its last audited change',
		mismatches.length === 0,
		mismatches.join( '; ' )
	);
	return { audited, board_version: board.version };
}

/* ------------------------------------------------------------------ */
/* the phases                                                          */
/* ------------------------------------------------------------------ */

async function nodesUseRedis() {
	phase( 'Two nodes, one Redis' );
	for ( const [ i, node ] of cluster.urls.entries() ) {
		const facts = await json( probe( node, '/node' ) );
		check(
			'nodes',
			`node ${ 'AB'[ i ] } (${ node }) uses the shared Redis object cache`,
			facts.ext_object_cache &&
				facts.redis &&
				facts.port === Number( new URL( node ).port ),
			facts.redis ? `port ${ facts.port }` : facts.redis_error
		);
	}
}

/** The drop-in keeps the object cache contract on both nodes, and what one node stores the other reads. */
async function dropInContract() {
	phase( 'The object-cache.php drop-in keeps the cache contract' );
	const [ nodeA, nodeB ] = cluster.urls;
	const a = await json( probe( nodeA, '/cache-selftest' ), {
		method: 'POST',
		body: {},
	} );
	check(
		'drop-in',
		'node A: set/get/add/replace/delete/incr/decr/get_multiple, runtime-only groups, expiry',
		a.failures.length === 0,
		a.failures.join( '; ' )
	);
	const b = await json( probe( nodeB, '/cache-selftest' ), {
		method: 'POST',
		body: { token: a.token },
	} );
	check(
		'drop-in',
		'node B: the same, and it reads what node A stored',
		b.failures.length === 0,
		b.failures.join( '; ' )
	);
}

async function pauseOnASeenOnB() {
	phase(
		'A pause through node A stops automation on node B at its next check'
	);
	const [ nodeA, nodeB ] = cluster.urls;
	const warm = await gate( nodeB );
	check(
		'pause-a-b',
		'before: node B runs the probe automation (marketing running)',
		warm.run_allowed === true,
		`${ warm.effect }`
	);
	const paused = await pause(
		nodeA,
		'marketing',
		'scale test: pause through node A'
	);
	check(
		'pause-a-b',
		'pause through node A accepted',
		paused.status === 200 && paused.body.changed === true,
		`HTTP ${ paused.status }`
	);
	const next = await gate( nodeB );
	check(
		'pause-a-b',
		"node B's very next run is refused",
		next.effect === 'blocked' && next.run_allowed === false,
		`${ next.effect }, run ${ next.run_status }: ${ next.reason }`
	);
	check(
		'pause-a-b',
		'node B reports marketing paused',
		( await stateOn( nodeB, 'marketing' ) ) === 'paused'
	);
}

async function restartOnBSeenOnA() {
	phase( 'A restart through node B is seen by node A at once' );
	const [ nodeA, nodeB ] = cluster.urls;
	const restarted = await restart(
		nodeB,
		'marketing',
		'scale test: restart through node B',
		5
	);
	check(
		'restart-b-a',
		'restart through node B accepted',
		restarted.status === 200 && restarted.body.changed === true,
		`HTTP ${ restarted.status } ${ restarted.body?.code ?? '' }`
	);
	check(
		'restart-b-a',
		'node A reports marketing in trial',
		( await stateOn( nodeA, 'marketing' ) ) === 'trial'
	);
	const decision = await gate( nodeA, false );
	check(
		'restart-b-a',
		"node A's gate lets the probe run again (trial)",
		decision.effect !== 'blocked',
		`${ decision.effect }: ${ decision.reason }`
	);
}

/**
 * The classic persistent-cache race, made deterministic: node B's request reads the autoloaded
 * options from the database, stalls, and adds its (by then old) copy to Redis after a pause
 * through node A committed and dropped the cache. Every later alloptions read on every node
 * gets the old board until someone deletes it again.
 */
async function alloptionsRace() {
	phase(
		'The alloptions race: a slow request on node B caches the options read before a pause'
	);
	const [ nodeA, nodeB ] = cluster.urls;
	const slow = call( probe( nodeB, '/slow-alloptions' ), {
		method: 'POST',
		auth: cluster.auth,
		body: { sleep_ms: 1500 },
	} );
	await sleep( 400 );
	// Node A's pause stalls after its change (a slow listener) so that it does not re-fill the
	// cache itself before node B's stale copy lands.
	const paused = await call( api( nodeA, '/categories/marketing/pause' ), {
		method: 'POST',
		auth: cluster.auth,
		headers: { 'X-Scale-Stall-Ms': '2500' },
		body: { reason: 'scale test: pause during a slow request' },
	} );
	const slowDone = await slow;
	check(
		'race',
		'pause through node A accepted while node B stalls',
		paused.status === 200 && paused.body.changed === true,
		`HTTP ${ paused.status }`
	);
	const row = ( await options( nodeB ) ).sophmate_safe_mode_switches;
	const cachedState = row?.alloptions
		? ( JSON.parse( row.alloptions ).categories?.marketing?.state ??
			'running' )
		: null;
	const reproduced =
		slowDone.status === 200 &&
		row &&
		row.alloptions !== null &&
		row.alloptions !== row.db;
	check(
		'race',
		'race reproduced: the shared cache now holds the pre-pause options',
		reproduced,
		`cached marketing state: ${ cachedState ?? '(not cached)' }`
	);
	for ( const [ label, node ] of [
		[ 'B', nodeB ],
		[ 'A', nodeA ],
	] ) {
		const decision = await gate( node );
		check(
			'race',
			`node ${ label } still refuses the run`,
			decision.effect === 'blocked' && decision.run_allowed === false,
			`${ decision.effect }: ${ decision.reason }`
		);
	}
	report.phases.race = { reproduced, cached_state: cachedState };
}

async function burst() {
	phase( '200 simultaneous pause/restart requests over both nodes' );
	const before = await mark();
	const responses = await Promise.all(
		Array.from( { length: 200 }, ( _, i ) => {
			const slug = CATEGORIES[ i % CATEGORIES.length ];
			const node = cluster.urls[ i % 2 ];
			return Math.floor( i / CATEGORIES.length ) % 2 === 0
				? pause( node, slug, `burst ${ i }` )
				: restart( node, slug, `burst ${ i }` );
		} )
	);
	const accepted = responses.filter(
		( r ) => r.status === 200 && r.body?.changed === true
	).length;
	const conflicts = responses.filter( ( r ) => r.status === 409 ).length;
	const errors = responses.filter(
		( r ) => r.status !== 200 && r.status !== 409
	);
	check(
		'burst',
		'no error (only 200, or 409 for a restart that lost its race)',
		errors.length === 0,
		`${ accepted } accepted, ${ conflicts } conflicts, ${ errors.length } errors${
			errors.length
				? `: ${ errors
						.slice( 0, 3 )
						.map( ( e ) => e.status || e.error )
						.join( ', ' ) }`
				: ''
		}`
	);
	report.phases.burst = {
		accepted,
		conflicts,
		errors: errors.length,
		...( await verifyNothingLost( 'burst', before, accepted ) ),
	};
}

async function load( clients, seconds ) {
	phase(
		`Load: ${ clients } clients for ${ seconds } s over both nodes (GET /status, pause, restart)`
	);
	const before = await mark();
	const result = await runLoadTest( {
		nodes: cluster.urls,
		auth: cluster.auth,
		clients,
		seconds,
	} );
	const { accepted_changes: changes, ...numbers } = result;
	const l = result.latency;
	info(
		`  ${ result.requests } requests (${ result.requests_per_s }/s; per node ${ result.per_node.join( ' / ' ) }): ${ result.accepted } accepted changes, ${ result.noop } no-op pauses, ${ result.conflict } restart conflicts (409), ${ result.errors } errors`
	);
	for ( const kind of [ 'status', 'pause', 'restart', 'all' ] ) {
		info(
			`  ${ kind.padEnd( 8 ) } n=${ String( l[ kind ].count ).padStart( 6 ) }  p50 ${ l[ kind ].p50_ms } ms  p95 ${ l[ kind ].p95_ms } ms  max ${ l[ kind ].max_ms } ms`
		);
	}
	check(
		'load',
		'zero errors (no 5xx, no network error, no unexpected 4xx)',
		result.errors === 0,
		result.errors
			? JSON.stringify( result.error_samples.slice( 0, 3 ) )
			: `${ result.requests } requests`
	);
	check(
		'load',
		'both nodes served the load',
		result.per_node.every( ( n ) => n > 0 )
	);
	report.phases.load = {
		...numbers,
		changes_by_kind: {
			pause: changes.filter( ( c ) => c.kind === 'pause' ).length,
			restart: changes.filter( ( c ) => c.kind === 'restart' ).length,
		},
		...( await verifyNothingLost( 'load', before, result.accepted ) ),
	};
}

/**
 * The alloptions race's real damage is a stale copy written back to the database by a read-modify-
 * write. After the concurrent phases every sophmate_* option must read, on both nodes, exactly what
 * the database holds, and decode. The switch board is the exception that proves the fix: its cached
 * alloptions copy may be stale (the race above), which is why the plugin reads the row itself on
 * sites with a persistent object cache; it must still be valid and equal on both nodes' gates.
 */
async function optionsIntact() {
	phase( "The plugin's options after the concurrent phases" );
	const [ nodeA, nodeB ] = cluster.urls;
	const [ a, b ] = await Promise.all( [
		options( nodeA ),
		options( nodeB ),
	] );
	const names = Object.keys( a ).sort();
	check(
		'options',
		'the plugin wrote its options',
		names.includes( 'sophmate_safe_mode_switches' ),
		names.join( ', ' )
	);
	let switchesCacheStale = false;
	for ( const name of names ) {
		const row = a[ name ];
		let valid = true;
		if ( name === 'sophmate_safe_mode_switches' ) {
			try {
				valid = Number.isInteger( JSON.parse( row.db ).version );
			} catch {
				valid = false;
			}
			switchesCacheStale = [
				a[ name ].alloptions,
				b[ name ]?.alloptions,
			].some( ( v ) => v !== null && v !== undefined && v !== row.db );
		}
		const same =
			name === 'sophmate_safe_mode_switches' ||
			( row.get_option === row.db && b[ name ]?.get_option === row.db );
		check(
			'options',
			`${ name }: intact${ name === 'sophmate_safe_mode_switches' ? '' : ', same on both nodes as in the database' }`,
			valid && same,
			same
				? ''
				: `A ${ String( row.get_option ).slice( 0, 60 ) } / B ${ String( b[ name ]?.get_option ).slice( 0, 60 ) } / DB ${ String( row.db ).slice( 0, 60 ) }`
		);
	}
	const [ statusA, statusB ] = await Promise.all( [
		json( api( nodeA, '/status' ) ),
		json( api( nodeB, '/status' ) ),
	] );
	const board = JSON.parse( a.sophmate_safe_mode_switches.db );
	const view = ( status ) =>
		CATEGORIES.map(
			( slug ) =>
				status.categories.find( ( c ) => c.slug === slug )?.state
		).join( ',' );
	const stored = CATEGORIES.map(
		( slug ) => board.categories?.[ slug ]?.state ?? 'running'
	).join( ',' );
	check(
		'options',
		'both nodes decide from the stored board',
		view( statusA ) === stored && view( statusB ) === stored,
		stored
	);
	report.phases.options = {
		names,
		switches_alloptions_copy_stale: switchesCacheStale,
	};
	info(
		`  (the cached alloptions copy of the switch board is ${ switchesCacheStale ? yellow( 'stale — the race happened; the plugin does not read it' ) : 'current' })`
	);
}

function phpLogs() {
	phase( 'PHP warnings and errors from the plugin on both nodes' );
	const site = cluster.site;
	const found = pluginProblems( [
		site.logs.debug,
		site.logs.server,
		path.join( site.logDir, 'php-server-b.log' ),
	] );
	for ( const { file, text } of found.slice( 0, 10 ) ) {
		info(
			red( `  ${ path.basename( file ) }: ${ text.slice( 0, 300 ) }` )
		);
	}
	check(
		'php-log',
		'no PHP warning, notice or error from the plugin in debug.log or either php -S log',
		found.length === 0,
		found.length ? `${ found.length } entries (${ site.logDir })` : ''
	);
}

/* ------------------------------------------------------------------ */
/* main                                                                */
/* ------------------------------------------------------------------ */

async function stopAll() {
	if ( ! cluster || keep ) {
		return;
	}
	stopping ??= cluster.stop().catch( ( error ) => printError( error ) );
	await stopping;
}

function writeReport() {
	const passed = checks.filter( ( c ) => c.ok ).length;
	Object.assign( report, {
		finished_at: new Date().toISOString(),
		passed,
		failed: checks.length - passed,
	} );
	fs.mkdirSync( REPORT_DIR, { recursive: true } );
	fs.writeFileSync( REPORT, `${ JSON.stringify( report, null, 2 ) }\n` );
	return { passed, failed: checks.length - passed };
}

async function main() {
	const opts = parseArgs(
		process.argv.slice( 2 ),
		{
			seconds: 'string',
			clients: 'string',
			keep: 'boolean',
			stop: 'boolean',
		},
		USAGE
	);
	keep = !! opts.keep;
	if ( opts.stop ) {
		const stopped = await new ScaleCluster(
			resolveTools( { scale: true } )
		).stop();
		info(
			stopped.length
				? `Stopped: ${ stopped.join( ', ' ) }`
				: 'Nothing of the scale site was running.'
		);
		check( 'stop', 'scale site stopped', true );
		return;
	}
	const seconds = Number( opts.seconds ?? 60 );
	const clients = Number( opts.clients ?? 50 );
	if ( ! (
		seconds > 0 &&
		seconds <= 600 &&
		Number.isInteger( clients ) &&
		clients > 0 &&
		clients <= 200
	) ) {
		throw new UserError( '--seconds must be 1–600 and --clients 1–200.', {
			details: USAGE,
			exitCode: 2,
		} );
	}
	info(
		bold(
			'npm run test:scale: two web nodes, one MariaDB, Redis as the shared object cache'
		)
	);
	const tools = resolveTools( { scale: true } );
	ensureAutoload( tools );
	cluster = new ScaleCluster( tools );
	report.setup = {
		nodes: cluster.urls,
		redis_port: cluster.redisPort,
		clients,
		seconds,
	};
	try {
		await cluster.start( ( message ) => info( message ) );
		check(
			'setup',
			'scale site up: two nodes, MariaDB, Redis',
			true,
			cluster.urls.join( ' + ' )
		);
	} catch ( error ) {
		printError( error );
		check(
			'setup',
			'scale site up: two nodes, MariaDB, Redis',
			false,
			error.message.slice( 0, 200 )
		);
		return;
	}
	const phases = [
		nodesUseRedis,
		dropInContract,
		pauseOnASeenOnB,
		restartOnBSeenOnA,
		alloptionsRace,
		burst,
		() => load( clients, seconds ),
		optionsIntact,
		phpLogs,
	];
	for ( const run of phases ) {
		if ( stopping ) {
			break;
		}
		try {
			await run();
		} catch ( error ) {
			printError( error );
			check(
				'error',
				`${ run.name || 'load' } could not finish`,
				false,
				error.message.slice( 0, 200 )
			);
		}
	}
}

for ( const signal of [ 'SIGINT', 'SIGTERM', 'SIGHUP' ] ) {
	process.on( signal, async () => {
		process.stderr.write(
			red( `\n${ signal }: stopping Redis, both nodes and MariaDB…\n` )
		);
		check( 'signal', `interrupted by ${ signal }`, false );
		keep = false;
		await stopAll();
		writeReport();
		process.exit( signal === 'SIGINT' ? 130 : 143 );
	} );
}
process.on( 'exit', () => {
	if ( cluster && ! keep && ! stopping ) {
		cluster.killSync();
	}
} );

let exitCode = 1;
try {
	await main();
	const { passed, failed } = writeReport();
	exitCode = failed || ! passed ? 1 : 0;
} catch ( error ) {
	exitCode = printError( error ) || 1;
	checks.push( {
		id: 'error',
		name: 'test:scale',
		ok: false,
		detail: error.message,
	} );
	writeReport();
} finally {
	await stopAll();
}
const { passed, failed } = {
	passed: checks.filter( ( c ) => c.ok ).length,
	failed: checks.filter( ( c ) => ! c.ok ).length,
};
info( '' );
info(
	`Report: ${ REPORT }${ keep && cluster ? `   (--keep: still running at ${ cluster.urls.join( ' and ' ) }; stop with npm run test:scale -- --stop)` : '' }`
);
process.stdout.write( `Scale: ${ passed } passed, ${ failed } failed\n` );
process.exitCode = exitCode;
