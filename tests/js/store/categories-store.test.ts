import { beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from '../../../src/api';
import { categoriesStore } from '../../../src/store/categories';
import { initialState, reducer } from '../../../src/store/categories/reducer';
import {
	getCategories,
	getPolicy,
} from '../../../src/store/categories/selectors';
import { apiFetchMock, routeApiFetch } from '../support/api-fetch';
import { categoryConfigPayload, restError } from '../support/fixtures';
import { createTestRegistry } from '../support/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const CATEGORIES = 'GET /sophmate-safe-mode/v1/categories?per_page=100';

describe( 'categories reducer and selectors', () => {
	it( 'store the list of the latest request and expose each policy', () => {
		const categories = categoryConfigPayload();
		const state = reducer(
			reducer( initialState, { type: 'FETCH_CATEGORIES_START' } ),
			{ type: 'FETCH_CATEGORIES_SUCCESS', requestId: 1, categories }
		);

		expect( getCategories( state ) ).toBe( categories );
		expect( getPolicy( state, 'content' )?.running ).toBe(
			'stop_at_checkpoint'
		);
		expect( getPolicy( state, 'missing' ) ).toBeNull();
	} );

	it( 'ignore a superseded answer', () => {
		let state = reducer( initialState, { type: 'FETCH_CATEGORIES_START' } );
		state = reducer( state, { type: 'FETCH_CATEGORIES_START' } );

		const after = reducer( state, {
			type: 'FETCH_CATEGORIES_FAILURE',
			requestId: 1,
			error: new ApiError( {
				code: 'x',
				message: 'old',
				status: 500,
				data: {},
			} ),
		} );

		expect( after ).toBe( state );
	} );
} );

describe( 'sophmate-safe-mode/categories store', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'loads GET /categories through the getCategories resolver', async () => {
		routeApiFetch( { [ CATEGORIES ]: () => categoryConfigPayload() } );
		const registry = createTestRegistry();

		const categories = await registry
			.resolveSelect( categoriesStore )
			.getCategories();

		expect( categories.map( ( c ) => c.slug ) ).toEqual( [
			'marketing',
			'content',
		] );
		expect(
			registry.select( categoriesStore ).getPolicy( 'marketing' )?.queued
		).toBe( 'hold' );
	} );

	it( 'keeps a refused load as the error', async () => {
		routeApiFetch( {
			[ CATEGORIES ]: () => {
				throw restError( 'rest_forbidden', 'Not for you.', 403 );
			},
		} );
		const registry = createTestRegistry();

		await registry.dispatch( categoriesStore ).refreshCategories();

		expect( registry.select( categoriesStore ).getError()?.status ).toBe(
			403
		);
		expect( registry.select( categoriesStore ).hasLoaded() ).toBe( false );
	} );
} );
