/**
 * The load test of issue 8, shared by npm run test:scale (which asserts on it) and
 * npm run bench -- --only=load (which records it in docs/benchmarks.md):
 *
 * `clients` concurrent clients (default 50), each a loop of requests for `seconds` (default 60),
 * loopback only, spread over the web nodes in turn: about 70% GET /status, the rest pause or
 * restart of a random category (the restart with the six acknowledgements and a one-run trial,
 * as in the contract). Every response is classified:
 *   ok        200 (a pause with changed: true is an accepted change; changed: false is a no-op)
 *   conflict  409 sophmate_not_paused / sophmate_state_changed: the restart lost a race to another
 *             client's restart; the contract's answer, counted apart
 *   error     anything else: a 5xx, a network error, a timeout, an unexpected 4xx
 * Latency is measured per request kind; p50/p95/max in milliseconds.
 */

export const ACKS = [
	'run_history',
	'failed_steps',
	'audit_records',
	'pending_approvals',
	'provider_status',
	'affected_records',
];
export const CATEGORIES = [
	'commerce',
	'content',
	'support',
	'marketing',
	'system',
	'image',
	'agent',
];
const CONFLICT_CODES = new Set( [
	'sophmate_not_paused',
	'sophmate_state_changed',
] );

export function percentile( sorted, p ) {
	if ( ! sorted.length ) {
		return null;
	}
	return sorted[
		Math.min(
			sorted.length - 1,
			Math.max( 0, Math.ceil( ( p / 100 ) * sorted.length ) - 1 )
		)
	];
}

/**
 * A tiny seeded PRNG (Park–Miller), so a run's request mix can be replayed.
 *
 * @param {number} seed any positive integer
 * @return {() => number} next number in [0, 1)
 */
export function random( seed ) {
	let state = ( Math.abs( Math.floor( seed ) ) % 2147483646 ) + 1;
	return () => {
		state = ( state * 16807 ) % 2147483647;
		return ( state - 1 ) / 2147483646;
	};
}

/**
 * One request; never rejects.
 *
 * @param {string} url               full URL
 * @param {Object} options           request options
 * @param {string} options.method    HTTP method (GET)
 * @param {string} options.auth      Authorization header
 * @param {Object} options.body      JSON body, if any
 * @param {Object} options.headers   more headers
 * @param {number} options.timeoutMs give up after (30 s)
 * @return {Promise<{ status: number, body: any, ms: number, error?: string }>} the answer (status 0 on a network error)
 */
export async function call(
	url,
	{ method = 'GET', auth, body, headers = {}, timeoutMs = 30000 } = {}
) {
	const started = performance.now();
	try {
		const response = await fetch( url, {
			method,
			headers: {
				Authorization: auth,
				...( body ? { 'Content-Type': 'application/json' } : {} ),
				...headers,
			},
			body: body ? JSON.stringify( body ) : undefined,
			signal: AbortSignal.timeout( timeoutMs ),
		} );
		const text = await response.text();
		let json = null;
		try {
			json = JSON.parse( text );
		} catch {
			json = { raw: text.slice( 0, 300 ) };
		}
		return {
			status: response.status,
			body: json,
			ms: performance.now() - started,
		};
	} catch ( error ) {
		return {
			status: 0,
			body: null,
			ms: performance.now() - started,
			error: error.message,
		};
	}
}

const summarize = ( samples ) => {
	const sorted = [ ...samples ].sort( ( a, b ) => a - b );
	const round = ( v ) => ( v === null ? null : Math.round( v * 10 ) / 10 );
	return {
		count: sorted.length,
		p50_ms: round( percentile( sorted, 50 ) ),
		p95_ms: round( percentile( sorted, 95 ) ),
		max_ms: round( sorted[ sorted.length - 1 ] ?? null ),
	};
};

/**
 * @param {{ nodes: string[], auth: string, clients?: number, seconds?: number, seed?: number,
 *           statusShare?: number, categories?: string[] }} options  nodes: site base URLs
 */
export async function runLoadTest( {
	nodes,
	auth,
	clients = 50,
	seconds = 60,
	seed = 8,
	statusShare = 0.7,
	categories = CATEGORIES,
} ) {
	const api = ( node ) => `${ node }/wp-json/sophmate-safe-mode/v1`;
	const latency = { status: [], pause: [], restart: [] };
	const counts = {
		requests: 0,
		ok: 0,
		accepted: 0,
		noop: 0,
		conflict: 0,
		errors: 0,
	};
	const perNode = Object.fromEntries( nodes.map( ( n ) => [ n, 0 ] ) );
	const errorSamples = [];
	const accepted = [];
	const deadline = Date.now() + seconds * 1000;
	const started = performance.now();

	const client = async ( index ) => {
		const rand = random( seed * 1000 + index );
		let turn = index;
		while ( Date.now() < deadline ) {
			const node = nodes[ turn++ % nodes.length ];
			perNode[ node ]++;
			const roll = rand();
			let kind = 'status';
			let response;
			if ( roll < statusShare ) {
				response = await call( `${ api( node ) }/status`, { auth } );
			} else {
				const slug =
					categories[ Math.floor( rand() * categories.length ) ];
				kind = rand() < 0.5 ? 'pause' : 'restart';
				const body =
					kind === 'pause'
						? { reason: `load ${ index }-${ turn }` }
						: {
								acknowledged: ACKS,
								note: `load ${ index }-${ turn }`,
								scope: { max_runs: 1 },
							};
				response = await call(
					`${ api( node ) }/categories/${ slug }/${ kind }`,
					{ method: 'POST', auth, body }
				);
				if (
					response.status === 200 &&
					response.body?.changed === true
				) {
					accepted.push( { kind, slug, node } );
				}
			}
			counts.requests++;
			latency[ kind ].push( response.ms );
			if ( response.status === 200 ) {
				counts.ok++;
				if ( kind !== 'status' ) {
					counts[
						response.body?.changed === true ? 'accepted' : 'noop'
					]++;
				}
			} else if (
				response.status === 409 &&
				kind === 'restart' &&
				CONFLICT_CODES.has( response.body?.code )
			) {
				counts.conflict++;
			} else {
				counts.errors++;
				if ( errorSamples.length < 10 ) {
					errorSamples.push( {
						kind,
						node,
						status: response.status,
						error:
							response.error ||
							response.body?.code ||
							JSON.stringify( response.body ).slice( 0, 200 ),
					} );
				}
			}
		}
	};
	await Promise.all(
		Array.from( { length: clients }, ( _, i ) => client( i ) )
	);
	const elapsed = ( performance.now() - started ) / 1000;
	return {
		clients,
		seconds: Math.round( elapsed * 10 ) / 10,
		nodes: nodes.length,
		requests_per_s: Math.round( ( counts.requests / elapsed ) * 10 ) / 10,
		...counts,
		per_node: Object.values( perNode ),
		latency: {
			all: summarize( [
				...latency.status,
				...latency.pause,
				...latency.restart,
			] ),
			status: summarize( latency.status ),
			pause: summarize( latency.pause ),
			restart: summarize( latency.restart ),
		},
		error_samples: errorSamples,
		accepted_changes: accepted,
	};
}
