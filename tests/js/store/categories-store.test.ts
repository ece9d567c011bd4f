import { beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from '../../../src/api';
import { categoriesStore } from '../../../src/store/categories';
import { initialState, reducer } from '../../../src/store/categories/reducer';
import {
	getCategories,
	getPolicy,
} from '../../../src/store/categories/selectors';
import { apiFetchMock, lastBody, routeApiFetch } from '../support/api-fetch';
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

describe( 'updateCategory', () => {
	const PATCH = 'PATCH /sophmate-safe-mode/v1/categories/marketing';

	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'sends only the changed fields and puts the saved config in the list', async () => {
		const saved = {
			...categoryConfigPayload()[ 0 ]!,
			review_every_days: 7,
			changed: [ 'review_every_days' ],
		};
		routeApiFetch( {
			[ CATEGORIES ]: () => categoryConfigPayload(),
			[ PATCH ]: () => saved,
		} );
		const registry = createTestRegistry();
		await registry.resolveSelect( categoriesStore ).getCategories();

		const pending = registry
			.dispatch( categoriesStore )
			.updateCategory( 'marketing', { review_every_days: 7 } );
		expect(
			registry.select( categoriesStore ).isSaving( 'marketing' )
		).toBe( true );
		const result = await pending;

		expect( result.ok ).toBe( true );
		expect( lastBody( PATCH ) ).toEqual( { review_every_days: 7 } );
		const category = registry
			.select( categoriesStore )
			.getCategory( 'marketing' );
		expect( category?.review_every_days ).toBe( 7 );
		expect( category ).not.toHaveProperty( 'changed' );
		expect(
			registry.select( categoriesStore ).isSaving( 'marketing' )
		).toBe( false );
		expect(
			registry.select( categoriesStore ).getCategory( 'content' )
				?.review_every_days
		).toBe( 30 );
	} );

	it( 'resolves to the refusal and keeps the old config', async () => {
		routeApiFetch( {
			[ CATEGORIES ]: () => categoryConfigPayload(),
			[ PATCH ]: () => {
				throw restError(
					'sophmate_invalid_review_every_days',
					'review_every_days must be a whole number from 1 to 3650.',
					400
				);
			},
		} );
		const registry = createTestRegistry();
		await registry.resolveSelect( categoriesStore ).getCategories();

		const result = await registry
			.dispatch( categoriesStore )
			.updateCategory( 'marketing', { review_every_days: 7 } );

		expect( result.ok ).toBe( false );
		expect( ! result.ok && result.error.code ).toBe(
			'sophmate_invalid_review_every_days'
		);
		expect(
			registry.select( categoriesStore ).getCategory( 'marketing' )
				?.review_every_days
		).toBe( 90 );
		expect(
			registry.select( categoriesStore ).isSaving( 'marketing' )
		).toBe( false );
	} );
} );
