import { beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from '../../../src/api';
import { cronHooksStore } from '../../../src/store/cron-hooks';
import { initialState, reducer } from '../../../src/store/cron-hooks/reducer';
import {
	getCronHook,
	getUnboundCronHooks,
} from '../../../src/store/cron-hooks/selectors';
import {
	apiFetchMock,
	requestedRoutes,
	routeApiFetch,
} from '../support/api-fetch';
import { cronHooksPayload, restError } from '../support/fixtures';
import { createTestRegistry } from '../support/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const CRON_HOOKS = 'GET /sophmate-safe-mode/v1/cron-hooks';

function loaded() {
	return reducer(
		reducer( initialState, { type: 'FETCH_CRON_HOOKS_START' } ),
		{
			type: 'FETCH_CRON_HOOKS_SUCCESS',
			requestId: 1,
			hooks: cronHooksPayload(),
		}
	);
}

describe( 'cron hooks reducer and selectors', () => {
	it( 'offer only hooks no automation is bound to, memoised per list', () => {
		const state = loaded();

		const unbound = getUnboundCronHooks( state );

		expect( unbound.map( ( hook ) => hook.hook ) ).toEqual( [
			'acme_newsletter_send',
			'Acme\\Report::build',
		] );
		expect( getUnboundCronHooks( state ) ).toBe( unbound );
		expect( getCronHook( state, 'shop_hourly_sync' )?.automations ).toEqual(
			[ 'shop_sync' ]
		);
	} );

	it( 'offer nothing before the list is loaded', () => {
		expect( getUnboundCronHooks( initialState ) ).toEqual( [] );
		expect( getCronHook( initialState, 'any' ) ).toBeNull();
	} );

	it( 'ignore a superseded answer', () => {
		let state = reducer( initialState, { type: 'FETCH_CRON_HOOKS_START' } );
		state = reducer( state, { type: 'FETCH_CRON_HOOKS_START' } );

		const after = reducer( state, {
			type: 'FETCH_CRON_HOOKS_FAILURE',
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

describe( 'sophmate-safe-mode/cron-hooks store', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'loads GET /cron-hooks through the getCronHooks resolver, once', async () => {
		routeApiFetch( { [ CRON_HOOKS ]: () => cronHooksPayload() } );
		const registry = createTestRegistry();

		const hooks = await registry
			.resolveSelect( cronHooksStore )
			.getCronHooks();
		await registry.resolveSelect( cronHooksStore ).getCronHooks();

		expect( hooks ).toHaveLength( 3 );
		expect( requestedRoutes() ).toEqual( [ CRON_HOOKS ] );
	} );

	it( 'refreshes on demand and keeps a failure as the error', async () => {
		routeApiFetch( {
			[ CRON_HOOKS ]: () => {
				throw restError( 'rest_forbidden', 'Not for you.', 403 );
			},
		} );
		const registry = createTestRegistry();

		const hooks = await registry
			.dispatch( cronHooksStore )
			.refreshCronHooks();

		expect( hooks ).toBeNull();
		expect( registry.select( cronHooksStore ).getError()?.message ).toBe(
			'Not for you.'
		);
		expect( registry.select( cronHooksStore ).hasLoaded() ).toBe( false );
	} );
} );
