import { describe, expect, it } from 'vitest';

import { keyedFetchSettled, keyedFetchStarted } from '../../../src/store/keyed';
import type { KeyedEntry, KeyedState } from '../../../src/store/keyed';

interface Entry extends KeyedEntry {
	value: string | null;
}

const empty: Entry = {
	value: null,
	isFetching: false,
	error: null,
	requestId: 0,
};
const initial: KeyedState< Entry > = { entries: {}, latestRequestId: 0 };

describe( 'keyed fetch state', () => {
	it( 'keeps the answer of the newest request per key only', () => {
		let state = keyedFetchStarted( initial, 'a', 1, empty );
		state = keyedFetchStarted( state, 'a', 2, empty );
		state = keyedFetchSettled( state, 'a', 2, { value: 'new' } );
		state = keyedFetchSettled( state, 'a', 1, { value: 'old' } );
		expect( state.entries.a ).toMatchObject( {
			value: 'new',
			isFetching: false,
			requestId: 2,
		} );
		expect( state.latestRequestId ).toBe( 2 );
	} );

	it( 'keeps the last value when a refresh fails, and clears the error on success', () => {
		let state = keyedFetchStarted( initial, 'a', 1, empty );
		state = keyedFetchSettled( state, 'a', 1, { value: 'v' } );
		state = keyedFetchStarted( state, 'a', 2, empty );
		const error = { code: 'x', message: 'down', status: 500 };
		state = keyedFetchSettled( state, 'a', 2, {
			error,
		} as Partial< Entry > );
		expect( state.entries.a ).toMatchObject( { value: 'v', error } );
		state = keyedFetchStarted( state, 'a', 3, empty );
		state = keyedFetchSettled( state, 'a', 3, { value: 'w' } );
		expect( state.entries.a ).toMatchObject( { value: 'w', error: null } );
	} );

	it( 'ignores an answer for a key that never started', () => {
		expect( keyedFetchSettled( initial, 'b', 1, { value: 'x' } ) ).toBe(
			initial
		);
	} );
} );
