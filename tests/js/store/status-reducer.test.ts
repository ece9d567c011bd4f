import { describe, expect, it } from 'vitest';

import { ApiError } from '../../../src/api';
import { initialState, reducer } from '../../../src/store/status/reducer';
import type { StatusState } from '../../../src/store/status/types';
import { statusPayload } from '../support/fixtures';

const failure = new ApiError( {
	code: 'fetch_error',
	message: 'You are probably offline.',
	status: null,
	data: {},
} );

function started( state: StatusState = initialState ): StatusState {
	return reducer( state, { type: 'FETCH_STATUS_START' } );
}

describe( 'status reducer', () => {
	it( 'numbers each status request and marks it in flight', () => {
		const once = started();
		const twice = started( once );

		expect( once ).toMatchObject( {
			latestRequestId: 1,
			isFetching: true,
		} );
		expect( twice.latestRequestId ).toBe( 2 );
	} );

	it( 'stores the snapshot of the latest request and clears a previous error', () => {
		const failed = reducer( started(), {
			type: 'FETCH_STATUS_FAILURE',
			requestId: 1,
			error: failure,
		} );
		const status = statusPayload();

		const state = reducer( started( failed ), {
			type: 'FETCH_STATUS_SUCCESS',
			requestId: 2,
			status,
		} );

		expect( state.snapshot ).toBe( status );
		expect( state.isFetching ).toBe( false );
		expect( state.fetchError ).toBeNull();
	} );

	it( 'ignores the answer of a request that a newer one superseded', () => {
		const fresh = statusPayload();
		const stale = { ...statusPayload(), version: 6 };
		let state = started( started() );
		state = reducer( state, {
			type: 'FETCH_STATUS_SUCCESS',
			requestId: 2,
			status: fresh,
		} );

		const after = reducer( state, {
			type: 'FETCH_STATUS_SUCCESS',
			requestId: 1,
			status: stale,
		} );

		expect( after ).toBe( state );
		expect( after.snapshot?.version ).toBe( 7 );
	} );

	it( 'keeps the last good snapshot when a refresh fails', () => {
		const status = statusPayload();
		const loaded = reducer( started(), {
			type: 'FETCH_STATUS_SUCCESS',
			requestId: 1,
			status,
		} );

		const state = reducer( started( loaded ), {
			type: 'FETCH_STATUS_FAILURE',
			requestId: 2,
			error: failure,
		} );

		expect( state.snapshot ).toBe( status );
		expect( state.fetchError ).toBe( failure );
		expect( state.isFetching ).toBe( false );
	} );

	it( 'tracks mutations in flight per scope', () => {
		const pausing = reducer( initialState, {
			type: 'MUTATION_START',
			scope: 'category:marketing',
			operation: 'pause',
		} );
		const both = reducer( pausing, {
			type: 'MUTATION_START',
			scope: 'global',
			operation: 'safe-mode',
		} );

		const done = reducer( both, {
			type: 'MUTATION_FINISH',
			scope: 'category:marketing',
		} );

		expect( both.pending ).toEqual( {
			'category:marketing': 'pause',
			global: 'safe-mode',
		} );
		expect( done.pending ).toEqual( { global: 'safe-mode' } );
	} );
} );
