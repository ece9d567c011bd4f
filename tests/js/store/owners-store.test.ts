import { createRegistry } from '@wordpress/data';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from '../../../src/api';
import { ownersStore } from '../../../src/store/owners';
import { initialState, reducer } from '../../../src/store/owners/reducer';
import { getOwnerName, getOwners } from '../../../src/store/owners/selectors';
import { apiFetchMock, routeApiFetch } from '../support/api-fetch';
import { restError } from '../support/fixtures';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const OWNERS = 'GET /sophmate-safe-mode/v1/owners';
const people = () => [
	{ id: 1, name: 'Ada Admin' },
	{ id: 7, name: 'Pia Pauser' },
];

describe( 'owners reducer and selectors', () => {
	it( 'name a user by id once loaded', () => {
		const state = reducer(
			reducer( initialState, { type: 'FETCH_OWNERS_START' } ),
			{ type: 'FETCH_OWNERS_SUCCESS', requestId: 1, items: people() }
		);

		expect( getOwners( initialState ) ).toEqual( [] );
		expect( getOwnerName( initialState, 7 ) ).toBeNull();
		expect( getOwnerName( state, 7 ) ).toBe( 'Pia Pauser' );
		expect( getOwnerName( state, 99 ) ).toBeNull();
	} );

	it( 'ignore a superseded failure', () => {
		let state = reducer( initialState, { type: 'FETCH_OWNERS_START' } );
		state = reducer( state, { type: 'FETCH_OWNERS_START' } );

		expect(
			reducer( state, {
				type: 'FETCH_OWNERS_FAILURE',
				requestId: 1,
				error: new ApiError( {
					code: 'x',
					message: 'old',
					status: 500,
					data: {},
				} ),
			} )
		).toBe( state );
	} );
} );

describe( 'sophmate-safe-mode/owners store', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'loads GET /owners through the getOwners resolver', async () => {
		routeApiFetch( { [ OWNERS ]: () => people() } );
		const registry = createRegistry();
		registry.register( ownersStore );

		const owners = await registry.resolveSelect( ownersStore ).getOwners();

		expect( owners ).toHaveLength( 2 );
		expect( registry.select( ownersStore ).getOwnerName( 1 ) ).toBe(
			'Ada Admin'
		);
	} );

	it( 'keeps a 403 as the error', async () => {
		routeApiFetch( {
			[ OWNERS ]: () => {
				throw restError( 'rest_forbidden', 'Not for you.', 403 );
			},
		} );
		const registry = createRegistry();
		registry.register( ownersStore );

		await registry.resolveSelect( ownersStore ).getOwners();

		expect( registry.select( ownersStore ).getError()?.status ).toBe( 403 );
		expect( registry.select( ownersStore ).hasLoaded() ).toBe( false );
	} );
} );
