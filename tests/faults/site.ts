/**
 * The throwaway "faults" site: its own MariaDB, WordPress and php -S (never the shared test site),
 * with the faults fixture as a must-use plugin. Helpers to read its state, hold requests and
 * run PHP in it as separate processes the tests can kill.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
// @ts-expect-error -- plain ESM scripts without type declarations
import { Site } from '../../scripts/lib/site.mjs';
// @ts-expect-error -- plain ESM scripts without type declarations
import { resolveTools } from '../../scripts/lib/prereqs.mjs';
// @ts-expect-error -- plain ESM scripts without type declarations
import { findFreePort } from '../../scripts/lib/net.mjs';

export const ROOT = path.resolve( __dirname, '../..' );

export interface FaultsSite {
	url: string;
	wpPath: string;
	appPassword: string;
	logs: { debug: string; server: string; mariadb: string };
	startDatabase: () => Promise< unknown >;
	stopDatabase: () => Promise< number >;
	pingDb: () => boolean;
	stop: () => Promise< string[] >;
}

export interface State {
	version: number;
	corrupt: string | null;
	safe_mode: string;
	categories: Record< string, string >;
	audit_ok: boolean;
	audit_checked: number;
	audit: Array< {
		id: number;
		action: string;
		scope: string;
		after: string;
		version: number | null;
	} >;
	runs: Array< {
		id: number;
		automation: string;
		status: string;
		error: string | null;
		context: Record< string, unknown > | null;
	} >;
	storage_alarm: string | null;
	cron: Array< { at: number; schedule: string | false } >;
	retries: Array< { at: number; args: unknown[] } >;
	sweep?: { abandoned: number; pruned: number };
	scheduled?: boolean;
}

const children = new Set< ChildProcess >();

export async function setUpFaultsSite(): Promise< FaultsSite > {
	const port =
		Number( process.env.SOPHMATE_FAULTS_PORT ) ||
		( await findFreePort( 8892, [ 8888, 8890 ] ) );
	const site = new Site( 'faults', resolveTools( { forTests: true } ), {
		port,
		demo: false,
		title: 'SophMate Safe Mode (faults)',
	} );
	await site.wipe();
	await site.startDatabase();
	site.prepareFiles();
	fs.copyFileSync(
		path.join( ROOT, 'tests/fixtures/faults-mu-plugin.php' ),
		path.join( site.wpPath, 'wp-content/mu-plugins/sophmate-faults.php' )
	);
	site.recreateDatabase();
	const install = site.install( { resetAdmin: true } );
	if ( ! install.plugin_active ) {
		throw new Error(
			`The plugin is not active on the faults site: ${ install.activation_error ?? '' }`
		);
	}
	await site.startServer();
	await site.waitForHttp( 20000 );
	site.appPassword = install.app_password;
	return site as FaultsSite;
}

/**
 * Stops every child process this suite started, then the site (MariaDB and php -S).
 * @param site
 */
export async function tearDownFaultsSite(
	site: FaultsSite | undefined
): Promise< void > {
	for ( const child of children ) {
		if ( child.exitCode === null && child.signalCode === null ) {
			child.kill( 'SIGKILL' );
		}
	}
	children.clear();
	if ( site ) {
		await site.stop();
	}
}

export function markerDir( site: FaultsSite ): string {
	return path.join( site.wpPath, 'wp-content/faults' );
}

export function clearMarkers( site: FaultsSite ): void {
	fs.rmSync( markerDir( site ), { recursive: true, force: true } );
}

export function marker( site: FaultsSite, name: string ): string | null {
	const file = path.join( markerDir( site ), name );
	return fs.existsSync( file ) ? fs.readFileSync( file, 'utf8' ) : null;
}

export async function waitForMarker(
	site: FaultsSite,
	name: string,
	timeoutMs = 20000
): Promise< string > {
	const until = Date.now() + timeoutMs;
	while ( Date.now() < until ) {
		const found = marker( site, name );
		if ( found !== null ) {
			return found;
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 25 ) );
	}
	throw new Error(
		`The marker ${ name } did not appear within ${ timeoutMs } ms (see ${ site.logs.debug })`
	);
}

export interface Child {
	process: ChildProcess;
	done: Promise< {
		code: number | null;
		signal: string | null;
		output: string;
	} >;
}

/**
 * A PHP fixture run in the site through eval-file.php, as a separate process the test may kill.
 * @param site
 * @param fixture
 * @param args
 */
export function phpInSite(
	site: FaultsSite,
	fixture: string,
	args: string[] = []
): Child {
	const child = spawn(
		'php',
		[
			path.join( ROOT, 'scripts/wp/eval-file.php' ),
			site.wpPath,
			path.join( ROOT, 'tests/fixtures', fixture ),
			...args,
		],
		{
			cwd: ROOT,
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		}
	);
	children.add( child );
	let output = '';
	child.stdout?.on( 'data', ( chunk ) => ( output += String( chunk ) ) );
	child.stderr?.on( 'data', ( chunk ) => ( output += String( chunk ) ) );
	const done = new Promise< {
		code: number | null;
		signal: string | null;
		output: string;
	} >( ( resolve ) => {
		child.on( 'exit', ( code, signal ) => {
			children.delete( child );
			resolve( { code, signal, output } );
		} );
	} );
	return { process: child, done };
}

export async function state( site: FaultsSite, action = '' ): Promise< State > {
	const { code, output } = await phpInSite(
		site,
		'faults-state.php',
		action ? [ action ] : []
	).done;
	const line = output
		.trim()
		.split( '\n' )
		.filter( ( l ) => l.startsWith( '{' ) )
		.pop();
	if ( code !== 0 || ! line ) {
		throw new Error( `faults-state.php failed (${ code }): ${ output }` );
	}
	return JSON.parse( line ) as State;
}

export async function rest(
	site: FaultsSite,
	method: string,
	route: string,
	body?: unknown,
	headers: Record< string, string > = {}
): Promise< {
	status: number;
	body: { code?: string; message?: string; [ key: string ]: unknown } | null;
	text: string;
} > {
	const response = await fetch(
		`${ site.url }/wp-json/sophmate-safe-mode/v1${ route }`,
		{
			method,
			headers: {
				Authorization: `Basic ${ Buffer.from( `admin:${ site.appPassword }` ).toString( 'base64' ) }`,
				'Content-Type': 'application/json',
				Accept: 'application/json',
				...headers,
			},
			body: body === undefined ? undefined : JSON.stringify( body ),
			signal: AbortSignal.timeout( 60000 ),
		}
	);
	const text = await response.text();
	let parsed = null;
	try {
		parsed = JSON.parse( text );
	} catch {
		// not JSON (a PHP fatal page): kept as text
	}
	return { status: response.status, body: parsed, text };
}

/**
 * The audit entries of one scope, and whether the stored switch and its last audit entry agree.
 * @param s
 * @param slug
 */
export function consistency(
	s: State,
	slug: string
): {
	state: string;
	last: State[ 'audit' ][ number ] | undefined;
	agrees: boolean;
} {
	const current = s.categories[ slug ] ?? 'running';
	const entries = s.audit.filter( ( a ) => a.scope === `category:${ slug }` );
	const last = entries[ entries.length - 1 ];
	const agrees =
		last === undefined
			? current === 'running'
			: last.after === current && last.version === s.version;
	return { state: current, last, agrees };
}
