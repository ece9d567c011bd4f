import { beforeEach, describe, expect, it, vi } from 'vitest';

import { EMPTY_AUDIT_FILTERS, EMPTY_RUN_FILTERS } from '../../../src/api';
import { auditStore } from '../../../src/store/audit';
import {
	initialState as auditInitial,
	reducer as auditReducer,
} from '../../../src/store/audit/reducer';
import { runsStore } from '../../../src/store/runs';
import { initialState, reducer } from '../../../src/store/runs/reducer';
import { getRun, getRuns, getTotal } from '../../../src/store/runs/selectors';
import { apiFetchMock } from '../support/api-fetch';
import {
	auditEventPayload,
	failedRunPayload,
	rawResponse,
} from '../support/runs-fixtures';
import { createTestRegistry } from '../support/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

describe( 'runs reducer and selectors', () => {
	it( 'keep the page of the latest request and ignore a superseded answer', () => {
		let state = reducer( initialState, {
			type: 'FETCH_RUNS_START',
			queryKey: 'old',
		} );
		state = reducer( state, { type: 'FETCH_RUNS_START', queryKey: 'new' } );
		const stale = reducer( state, {
			type: 'FETCH_RUNS_SUCCESS',
			requestId: 1,
			items: [ failedRunPayload( { id: 1 } ) ],
			total: 1,
			totalPages: 1,
		} );
		expect( stale ).toBe( state );
		state = reducer( state, {
			type: 'FETCH_RUNS_SUCCESS',
			requestId: 2,
			items: [ failedRunPayload() ],
			total: 41,
			totalPages: 3,
		} );
		expect( getRuns( state ).map( ( run ) => run.id ) ).toEqual( [ 42 ] );
		expect( getTotal( state ) ).toBe( 41 );
		expect( state.isFetching ).toBe( false );
	} );

	it( 'store a single run and clear its earlier error', () => {
		let state = reducer( initialState, {
			type: 'RECEIVE_RUN_ERROR',
			id: 42,
			error: { code: 'x', message: 'y', status: 500, data: {} } as never,
		} );
		state = reducer( state, {
			type: 'RECEIVE_RUN',
			run: failedRunPayload(),
		} );
		expect( getRun( state, 42 )?.error ).toBe( 'SMTP refused the message' );
		expect( state.runErrors[ 42 ] ).toBeUndefined();
	} );
} );

describe( 'runs and audit stores', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'load a filtered page of runs with its totals', async () => {
		apiFetchMock.mockResolvedValue(
			rawResponse( [ failedRunPayload() ], {
				'X-WP-Total': '21',
				'X-WP-TotalPages': '2',
			} )
		);
		const registry = createTestRegistry();
		await registry.dispatch( runsStore ).loadRuns( {
			...EMPTY_RUN_FILTERS,
			status: 'failed',
			page: 2,
			perPage: 20,
		} );
		expect( apiFetchMock.mock.calls[ 0 ]?.[ 0 ].path ).toBe(
			'/sophmate-safe-mode/v1/runs?status=failed&page=2&per_page=20'
		);
		expect( registry.select( runsStore ).getTotalPages() ).toBe( 2 );
		expect( registry.select( runsStore ).getRuns() ).toHaveLength( 1 );
	} );

	it( 'fetch the next page ahead, show it at once when asked for, and fetch it again behind it', async () => {
		const pages: Record< string, number > = {};
		let slow: ( () => void ) | null = null;
		apiFetchMock.mockImplementation( async ( options ) => {
			const path = String( options?.path );
			pages[ path ] = ( pages[ path ] ?? 0 ) + 1;
			const page = Number( /page=(\d+)/.exec( path )?.[ 1 ] );
			const answer = rawResponse( [ failedRunPayload( { id: page } ) ], {
				'X-WP-Total': '3',
				'X-WP-TotalPages': '3',
			} );
			if ( page === 2 && pages[ path ] === 2 ) {
				// The refresh of the prefetched page is slow: the page must show before it.
				await new Promise< void >( ( resolve ) => ( slow = resolve ) );
			}
			return answer;
		} );
		const registry = createTestRegistry();
		const query = { ...EMPTY_RUN_FILTERS, page: 1, perPage: 1 };
		const next = '/sophmate-safe-mode/v1/runs?page=2&per_page=1';

		await registry.dispatch( runsStore ).loadRuns( query );
		await vi.waitFor( () => expect( pages[ next ] ).toBe( 1 ) );
		await vi.waitFor( () =>
			expect(
				registry.select( runsStore ).getPrefetched( next )
			).not.toBeNull()
		);

		const loading = registry
			.dispatch( runsStore )
			.loadRuns( { ...query, page: 2 } );
		await vi.waitFor( () => expect( slow ).not.toBeNull() );
		expect( registry.select( runsStore ).getRuns()[ 0 ]?.id ).toBe( 2 );
		expect( registry.select( runsStore ).isFetching() ).toBe( true );
		( slow as unknown as () => void )();
		await loading;
		expect( pages[ next ] ).toBe( 2 );
		expect( registry.select( runsStore ).isFetching() ).toBe( false );
		await vi.waitFor( () =>
			expect(
				pages[ '/sophmate-safe-mode/v1/runs?page=3&per_page=1' ]
			).toBe( 1 )
		);
		expect(
			pages[ '/sophmate-safe-mode/v1/runs?page=4&per_page=1' ]
		).toBeUndefined();
	} );

	it( 'keep a list error in getError() and resolve to null', async () => {
		apiFetchMock.mockImplementation( async () => {
			throw new Response(
				JSON.stringify( {
					code: 'rest_forbidden',
					message: 'Sorry',
					data: { status: 403 },
				} ),
				{ status: 403 }
			);
		} );
		const registry = createTestRegistry();
		const result = await registry.dispatch( auditStore ).loadAudit( {
			...EMPTY_AUDIT_FILTERS,
			page: 1,
			perPage: 50,
		} );
		expect( result ).toBeNull();
		expect( registry.select( auditStore ).getError()?.code ).toBe(
			'rest_forbidden'
		);
	} );

	it( 'verify the audit chain and keep the result', async () => {
		apiFetchMock.mockResolvedValue( {
			ok: true,
			checked: 9,
			first_bad_id: null,
		} );
		const registry = createTestRegistry();
		const result = await registry.dispatch( auditStore ).verifyAudit();
		expect( result.ok ).toBe( true );
		expect( registry.select( auditStore ).getVerification() ).toEqual( {
			ok: true,
			checked: 9,
			first_bad_id: null,
		} );
	} );

	it( 'audit reducer ignores a superseded page', () => {
		let state = auditReducer( auditInitial, { type: 'FETCH_AUDIT_START' } );
		state = auditReducer( state, { type: 'FETCH_AUDIT_START' } );
		expect(
			auditReducer( state, {
				type: 'FETCH_AUDIT_SUCCESS',
				requestId: 1,
				items: [ auditEventPayload() ],
				total: 1,
				totalPages: 1,
			} )
		).toBe( state );
	} );
} );
