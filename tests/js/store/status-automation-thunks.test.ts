import { beforeEach, describe, expect, it, vi } from 'vitest';

import { statusStore } from '../../../src/store/status';
import {
	apiFetchMock,
	lastBody,
	requestedRoutes,
	routeApiFetch,
} from '../support/api-fetch';
import { restError, statusPayload } from '../support/fixtures';
import { createTestRegistry } from '../support/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const STATUS = 'GET /sophmate-safe-mode/v1/status';
const AUTOMATION = '/sophmate-safe-mode/v1/automations';

function statusWithRefundSync( state: 'paused' | 'trial' | 'running' ) {
	const status = statusPayload();
	const refund = status.automations[ 1 ];
	if ( refund ) {
		refund.state = state;
		refund.paused = state === 'paused';
	}
	return status;
}

describe( 'status store: automation switches', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'lists every automation and finds one by id', async () => {
		routeApiFetch( { [ STATUS ]: () => statusPayload() } );
		const registry = createTestRegistry();
		await registry.resolveSelect( statusStore ).getStatus();

		const select = registry.select( statusStore );

		expect( select.getAutomationStatuses().map( ( a ) => a.id ) ).toEqual( [
			'newsletter-digest',
			'refund-sync',
			'shop_sync',
		] );
		expect( select.getAutomationStatus( 'shop_sync' )?.state ).toBe(
			'paused'
		);
		expect( select.getAutomationStatus( 'nope' ) ).toBeNull();
	} );

	it( 'pauses one automation on its own route, then refreshes the snapshot', async () => {
		let paused = false;
		routeApiFetch( {
			[ STATUS ]: () =>
				paused ? statusWithRefundSync( 'paused' ) : statusPayload(),
			[ `POST ${ AUTOMATION }/refund-sync/pause` ]: () => {
				paused = true;
				return {
					changed: true,
					scope: 'automation:refund-sync',
					state: 'paused',
					switch: null,
				};
			},
		} );
		const registry = createTestRegistry();
		await registry.resolveSelect( statusStore ).getStatus();

		const result = await registry
			.dispatch( statusStore )
			.pauseAutomation( 'refund-sync', { reason: 'Wrong refunds' } );

		expect( result.ok ).toBe( true );
		expect( lastBody( `POST ${ AUTOMATION }/refund-sync/pause` ) ).toEqual(
			{ reason: 'Wrong refunds' }
		);
		expect( requestedRoutes() ).toEqual( [
			STATUS,
			`POST ${ AUTOMATION }/refund-sync/pause`,
			STATUS,
		] );
		expect(
			registry.select( statusStore ).getAutomationStatus( 'refund-sync' )
				?.state
		).toBe( 'paused' );
	} );

	it( 'marks automation:ID pending while a restart is in flight', async () => {
		let release: ( value: unknown ) => void = () => {};
		routeApiFetch( {
			[ STATUS ]: () => statusWithRefundSync( 'trial' ),
			[ `POST ${ AUTOMATION }/shop_sync/restart` ]: () =>
				new Promise( ( resolve ) => {
					release = resolve;
				} ),
		} );
		const registry = createTestRegistry();

		const promise = registry
			.dispatch( statusStore )
			.restartAutomation( 'shop_sync', {
				acknowledged: [ 'run_history' ],
				note: 'checked',
				scope: { max_runs: 1 },
			} );

		expect(
			registry
				.select( statusStore )
				.getPendingOperation( 'automation:shop_sync' )
		).toBe( 'restart' );
		expect(
			registry
				.select( statusStore )
				.getPendingOperation( 'category:commerce' )
		).toBeNull();
		release( {
			changed: true,
			scope: 'automation:shop_sync',
			state: 'trial',
			switch: null,
		} );
		await promise;
		expect(
			registry
				.select( statusStore )
				.getPendingOperation( 'automation:shop_sync' )
		).toBeNull();
	} );

	it( 'resolves a refused promotion to the server’s error', async () => {
		routeApiFetch( {
			[ `POST ${ AUTOMATION }/refund-sync/promote` ]: () => {
				throw restError(
					'sophmate_trial_not_clean',
					'No successful trial run yet.',
					409,
					{ succeeded: 0, failed: 0 }
				);
			},
		} );
		const registry = createTestRegistry();

		const result = await registry
			.dispatch( statusStore )
			.promoteAutomation( 'refund-sync' );

		expect( result ).toMatchObject( {
			ok: false,
			error: { code: 'sophmate_trial_not_clean', status: 409 },
		} );
		expect( requestedRoutes() ).toEqual( [
			`POST ${ AUTOMATION }/refund-sync/promote`,
		] );
	} );

	it( 'exposes one generic thunk per operation for either kind of scope', async () => {
		routeApiFetch( {
			[ STATUS ]: () => statusPayload(),
			'POST /sophmate-safe-mode/v1/categories/content/pause': () => ( {
				changed: true,
				scope: 'category:content',
				state: 'paused',
				switch: null,
			} ),
			[ `POST ${ AUTOMATION }/shop_sync/pause` ]: () => ( {
				changed: false,
				scope: 'automation:shop_sync',
				state: 'paused',
				switch: null,
			} ),
		} );
		const registry = createTestRegistry();
		const { pauseSwitch } = registry.dispatch( statusStore );

		await pauseSwitch(
			{ type: 'category', id: 'content' },
			{ reason: 'a' }
		);
		await pauseSwitch(
			{ type: 'automation', id: 'shop_sync' },
			{ reason: 'b' }
		);

		expect(
			requestedRoutes().filter( ( route ) => route.startsWith( 'POST' ) )
		).toEqual( [
			'POST /sophmate-safe-mode/v1/categories/content/pause',
			`POST ${ AUTOMATION }/shop_sync/pause`,
		] );
	} );
} );
