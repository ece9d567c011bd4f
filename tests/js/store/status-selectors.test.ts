import { describe, expect, it } from 'vitest';

import { initialState } from '../../../src/store/status/reducer';
import {
	getCategoryAutomations,
	getCategoryStatus,
	getCategoryStatuses,
	getPendingOperation,
	getSafeMode,
	hasLoaded,
} from '../../../src/store/status/selectors';
import type { StatusState } from '../../../src/store/status/types';
import { statusPayload } from '../support/fixtures';

const loaded: StatusState = { ...initialState, snapshot: statusPayload() };

describe( 'status selectors', () => {
	it( 'return nothing (but stable empty lists) before the first load', () => {
		expect( hasLoaded( initialState ) ).toBe( false );
		expect( getSafeMode( initialState ) ).toBeNull();
		expect( getCategoryStatuses( initialState ) ).toEqual( [] );
		expect( getCategoryStatuses( initialState ) ).toBe(
			getCategoryStatuses( initialState )
		);
	} );

	it( 'find one category by slug', () => {
		expect( getCategoryStatus( loaded, 'commerce' )?.label ).toBe(
			'Commerce'
		);
		expect( getCategoryStatus( loaded, 'nope' ) ).toBeNull();
	} );

	it( 'list the automations of a category, memoised per snapshot', () => {
		const first = getCategoryAutomations( loaded, 'marketing' );
		const again = getCategoryAutomations( loaded, 'marketing' );

		expect( first.map( ( a ) => a.id ) ).toEqual( [ 'newsletter-digest' ] );
		expect( again ).toBe( first );
		expect( getCategoryAutomations( loaded, 'content' ) ).toEqual( [] );
	} );

	it( 'report the operation in flight for a scope', () => {
		const state: StatusState = {
			...loaded,
			pending: { 'category:marketing': 'restart' },
		};

		expect( getPendingOperation( state, 'category:marketing' ) ).toBe(
			'restart'
		);
		expect( getPendingOperation( state, 'category:content' ) ).toBeNull();
	} );
} );
