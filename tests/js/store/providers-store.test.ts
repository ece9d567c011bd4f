import { createRegistry } from '@wordpress/data';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError, type Provider } from '../../../src/api';
import { providersStore } from '../../../src/store/providers';
import { initialState, reducer } from '../../../src/store/providers/reducer';
import {
	getProvider,
	getProviders,
	getProvidersBySlug,
	hasLoaded,
} from '../../../src/store/providers/selectors';
import { apiFetchMock, routeApiFetch } from '../support/api-fetch';
import { restError } from '../support/fixtures';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const PROVIDERS = 'GET /sophmate-safe-mode/v1/providers';

function providers(): Provider[] {
	return [
		{
			slug: 'mailchimp',
			label: 'Mailchimp',
			hosts: [ '*.api.mailchimp.com' ],
			status: 'outage',
			status_url: 'https://status.mailchimp.com/api/v2/status.json',
			checked_at: '2025-11-25T21:00:00Z',
		},
		{
			slug: 'openai',
			label: 'OpenAI',
			hosts: [ 'api.openai.com' ],
			status: 'unknown',
			status_url: null,
			checked_at: null,
		},
	];
}

const failure = ( message: string ) =>
	new ApiError( { code: 'x', message, status: 500, data: {} } );

describe( 'providers reducer and selectors', () => {
	it( 'keep the list of the latest request', () => {
		const list = providers();
		const state = reducer(
			reducer( initialState, { type: 'FETCH_PROVIDERS_START' } ),
			{ type: 'FETCH_PROVIDERS_SUCCESS', requestId: 1, items: list }
		);

		expect( hasLoaded( initialState ) ).toBe( false );
		expect( hasLoaded( state ) ).toBe( true );
		expect( getProviders( state ) ).toBe( list );
		expect( getProvider( state, 'openai' )?.label ).toBe( 'OpenAI' );
		expect( getProvider( state, 'stripe' ) ).toBeNull();
	} );

	it( 'ignore the answer of a superseded request', () => {
		let state = reducer( initialState, { type: 'FETCH_PROVIDERS_START' } );
		state = reducer( state, { type: 'FETCH_PROVIDERS_START' } );

		expect(
			reducer( state, {
				type: 'FETCH_PROVIDERS_SUCCESS',
				requestId: 1,
				items: providers(),
			} )
		).toBe( state );
		expect(
			reducer( state, {
				type: 'FETCH_PROVIDERS_FAILURE',
				requestId: 2,
				error: failure( 'down' ),
			} ).error?.message
		).toBe( 'down' );
	} );

	it( 'keep the last list when a refresh fails', () => {
		let state = reducer( initialState, { type: 'FETCH_PROVIDERS_START' } );
		state = reducer( state, {
			type: 'FETCH_PROVIDERS_SUCCESS',
			requestId: 1,
			items: providers(),
		} );
		state = reducer( state, { type: 'FETCH_PROVIDERS_START' } );
		state = reducer( state, {
			type: 'FETCH_PROVIDERS_FAILURE',
			requestId: 2,
			error: failure( 'down' ),
		} );

		expect( getProviders( state ) ).toHaveLength( 2 );
		expect( state.isFetching ).toBe( false );
	} );

	it( 'list a category’s providers in its order, unknown slugs included, memoised', () => {
		const state = reducer(
			{ ...initialState, latestRequestId: 1 },
			{
				type: 'FETCH_PROVIDERS_SUCCESS',
				requestId: 1,
				items: providers(),
			}
		);

		const slugs = [ 'openai', 'stripe' ];
		const rows = getProvidersBySlug( state, slugs );

		expect( rows.map( ( row ) => row.slug ) ).toEqual( [
			'openai',
			'stripe',
		] );
		expect( rows[ 0 ]?.provider?.label ).toBe( 'OpenAI' );
		expect( rows[ 1 ]?.provider ).toBeNull();
		expect( getProvidersBySlug( state, slugs ) ).toBe( rows );
	} );
} );

describe( 'sophmate-safe-mode/providers store', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'loads GET /providers through the getProviders resolver', async () => {
		routeApiFetch( { [ PROVIDERS ]: () => providers() } );
		const registry = createRegistry();
		registry.register( providersStore );

		const list = await registry
			.resolveSelect( providersStore )
			.getProviders();

		expect( list.map( ( p ) => p.status ) ).toEqual( [
			'outage',
			'unknown',
		] );
	} );

	it( 'reports an answer that breaks the contract as an error', async () => {
		routeApiFetch( {
			[ PROVIDERS ]: () => [ { ...providers()[ 0 ], status: 'meh' } ],
		} );
		const registry = createRegistry();
		registry.register( providersStore );

		await registry.resolveSelect( providersStore ).getProviders();

		expect( registry.select( providersStore ).getError()?.code ).toBe(
			'sophmate_invalid_response'
		);
		expect( registry.select( providersStore ).hasLoaded() ).toBe( false );
	} );

	it( 'keeps a refused load as the error', async () => {
		routeApiFetch( {
			[ PROVIDERS ]: () => {
				throw restError( 'rest_forbidden', 'Not for you.', 403 );
			},
		} );
		const registry = createRegistry();
		registry.register( providersStore );

		await registry.resolveSelect( providersStore ).getProviders();

		expect( registry.select( providersStore ).getError()?.status ).toBe(
			403
		);
	} );
} );
