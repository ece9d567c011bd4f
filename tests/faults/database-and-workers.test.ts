/**
 * Faults that need control over processes: the database goes away in the middle of a pause and of
 * a run, a PHP worker is killed mid-run, a cron worker is killed mid-job. Each runs against the
 * throwaway faults site, whose MariaDB the tests stop and start; afterwards the audit chain still
 * verifies and the stored switch agrees with its audit entries. Pauses use support and marketing;
 * the runs are of commerce automations, which stay running.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	clearMarkers,
	consistency,
	marker,
	phpInSite,
	rest,
	setUpFaultsSite,
	state,
	tearDownFaultsSite,
	waitForMarker,
	type FaultsSite,
} from './site';

let site: FaultsSite | undefined;

function requireSite(): FaultsSite {
	if ( ! site ) {
		throw new Error( 'The faults site did not come up.' );
	}
	return site;
}

async function ensureDatabase( s: FaultsSite ): Promise< void > {
	if ( ! s.pingDb() ) {
		await s.startDatabase();
	}
}

beforeAll( async () => {
	site = await setUpFaultsSite();
	const cleanup = () => {
		void tearDownFaultsSite( site ).finally( () => process.exit( 143 ) );
	};
	process.once( 'SIGTERM', cleanup );
	process.once( 'SIGINT', cleanup );
} );

afterAll( async () => {
	await tearDownFaultsSite( site );
} );

beforeEach( async () => {
	const s = requireSite();
	await ensureDatabase( s );
	clearMarkers( s );
} );

describe( 'the database goes away mid-request', () => {
	it( 'a pause whose database stops before its audit entry is written leaves neither the switch change nor an audit entry', async () => {
		const s = requireSite();
		const before = await state( s );
		expect( before.categories.support ).toBeUndefined();

		const pending = rest(
			s,
			'POST',
			'/categories/support/pause',
			{ reason: 'incident: database dies now' },
			{ 'X-Faults-Hold-Audit': '3000' }
		);
		await waitForMarker( s, 'audit-insert-reached' );
		await s.stopDatabase(); // the compare-and-swap already ran, inside the open transaction
		const response = await pending;
		await s.startDatabase();

		// WordPress itself cannot answer without its database: an error, never a 2xx.
		expect( response.status, response.text ).toBeGreaterThanOrEqual( 500 );
		const after = await state( s );
		expect( after.corrupt ).toBeNull();
		expect( after.audit_ok ).toBe( true );
		expect(
			after.categories.support,
			'the switch change was rolled back with the transaction'
		).toBeUndefined();
		expect( after.audit.length ).toBe( before.audit.length );
		expect( consistency( after, 'support' ).agrees ).toBe( true );

		// Once the database is back the same pause goes through whole: state and audit together.
		const again = await rest( s, 'POST', '/categories/support/pause', {
			reason: 'incident: retried',
		} );
		expect( again.status, again.text ).toBe( 200 );
		const done = await state( s );
		expect( done.categories.support ).toBe( 'paused' );
		expect( consistency( done, 'support' ).agrees ).toBe( true );
		expect( done.audit_ok ).toBe( true );
	} );

	it( 'a database that is back before the audit insert cannot produce an audit entry without its switch change (no silent reconnect inside the transaction)', async () => {
		const s = requireSite();
		const before = await state( s );

		const pending = rest(
			s,
			'POST',
			'/categories/marketing/pause',
			{ reason: 'incident: database blips' },
			{ 'X-Faults-Hold-Audit': '4000' }
		);
		await waitForMarker( s, 'audit-insert-reached' );
		await s.stopDatabase();
		await s.startDatabase(); // back while the request still holds: wpdb would reconnect
		const response = await pending;

		const after = await state( s );
		expect( after.audit_ok ).toBe( true );
		const check = consistency( after, 'marketing' );
		expect(
			check.agrees,
			`switch ${ check.state }, last audit ${ JSON.stringify( check.last ) }, response ${ response.status }`
		).toBe( true );
		if ( response.status === 200 ) {
			expect( after.categories.marketing ).toBe( 'paused' );
		} else {
			expect( after.categories.marketing ).toBeUndefined();
			expect( after.audit.length ).toBe( before.audit.length );
		}
	} );

	it( 'a run whose database goes away stops at its checkpoint without doing its write, and the sweeper fails it once the database is back', async () => {
		const s = requireSite();
		const worker = phpInSite( s, 'faults-run.php', [ '3' ] );
		const runId = Number( await waitForMarker( s, 'run-started' ) );
		expect( runId ).toBeGreaterThan( 0 );
		await s.stopDatabase();

		const status = await rest( s, 'GET', '/status' ).catch(
			( error: Error ) => ( {
				status: 0,
				text: error.message,
				body: null,
			} )
		);
		expect(
			status.status,
			'no request can decide to run while the database is gone'
		).not.toBe( 200 );
		const exit = await worker.done;
		expect(
			marker( s, 'run-wrote-after-checkpoint' ),
			`the run went on without its database: ${ exit.output }`
		).toBeNull();

		await s.startDatabase();
		const after = await state( s, 'sweep' );
		const run = after.runs.find( ( r ) => r.id === runId );
		expect( run?.status ).toBe( 'failed' );
		expect( run?.error ?? '' ).toMatch( /abandoned/ );
		expect( after.audit_ok ).toBe( true );
		expect( after.corrupt ).toBeNull();
	} );
} );

describe( 'a PHP worker killed mid-run', () => {
	it( 'a run whose worker is SIGKILLed stays running until the sweeper marks it failed (abandoned); it never did its write', async () => {
		const s = requireSite();
		const worker = phpInSite( s, 'faults-run.php', [ '30' ] );
		const runId = Number( await waitForMarker( s, 'run-started' ) );
		worker.process.kill( 'SIGKILL' );
		const exit = await worker.done;
		expect( exit.signal ).toBe( 'SIGKILL' );

		const killed = await state( s );
		expect(
			killed.runs.find( ( r ) => r.id === runId )?.status,
			'nothing could record the end of a killed worker'
		).toBe( 'running' );
		const swept = await state( s, 'sweep' );
		expect( swept.sweep?.abandoned ).toBe( 1 );
		const run = swept.runs.find( ( r ) => r.id === runId );
		expect( run?.status ).toBe( 'failed' );
		expect( run?.error ?? '' ).toMatch( /^abandoned/ );
		expect( marker( s, 'run-wrote-after-checkpoint' ) ).toBeNull();
	} );

	it( 'a cron worker killed mid-job: the run is failed by the sweeper and the recurring event is still scheduled (nothing lost)', async () => {
		const s = requireSite();
		const scheduled = await state( s, 'schedule-cron' );
		expect( scheduled.scheduled ).toBe( true );
		const due = scheduled.cron.filter( ( e ) => e.schedule === 'hourly' );
		expect( due ).toHaveLength( 1 );

		const worker = phpInSite( s, 'faults-cron-tick.php' );
		await waitForMarker( s, 'cron-started' );
		worker.process.kill( 'SIGKILL' );
		await worker.done;
		expect( marker( s, 'cron-finished' ) ).toBeNull();

		const killed = await state( s );
		const run = killed.runs
			.filter( ( r ) => r.automation === 'faults-cron' )
			.pop();
		expect( run?.status ).toBe( 'running' );
		expect( run?.context?.hook ).toBe( 'sophmate_faults_cron_hook' );
		expect(
			killed.cron,
			'the next occurrence of the series is in place'
		).toHaveLength( 1 );
		expect( killed.cron[ 0 ]?.schedule ).toBe( 'hourly' );
		expect( killed.cron[ 0 ]?.at ).toBeGreaterThan( due[ 0 ]!.at );

		const swept = await state( s, 'sweep' );
		expect( swept.runs.find( ( r ) => r.id === run?.id )?.status ).toBe(
			'failed'
		);
		expect( swept.cron ).toHaveLength( 1 );
		expect( swept.audit_ok ).toBe( true );
	} );

	it( 'a single cron event killed mid-job is retried by the sweeper per its retry policy (attempt 2, same arguments)', async () => {
		const s = requireSite();
		expect( ( await state( s, 'schedule-retry-job' ) ).scheduled ).toBe(
			true
		);

		const worker = phpInSite( s, 'faults-cron-tick.php' );
		expect( await waitForMarker( s, 'retry-job-started' ) ).toBe(
			'order-42'
		);
		worker.process.kill( 'SIGKILL' );
		await worker.done;

		const killed = await state( s );
		const run = killed.runs
			.filter( ( r ) => r.automation === 'faults-retry' )
			.pop();
		expect( run?.status ).toBe( 'running' );
		expect(
			killed.retries,
			'a single event is gone once it starts: only the sweeper can bring it back'
		).toHaveLength( 0 );

		const swept = await state( s, 'sweep' );
		expect( swept.runs.find( ( r ) => r.id === run?.id )?.status ).toBe(
			'failed'
		);
		expect( swept.retries ).toHaveLength( 1 );
		expect( swept.retries[ 0 ]?.args ).toEqual( [
			'faults-retry',
			'sophmate_faults_retry_hook',
			[ 'order-42' ],
			2,
		] );
		const again = await state( s, 'sweep' );
		expect( again.retries, 'swept once, retried once' ).toHaveLength( 1 );
	} );
} );
