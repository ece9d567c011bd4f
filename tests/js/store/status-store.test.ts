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
const PAUSE_CONTENT = 'POST /sophmate-safe-mode/v1/categories/content/pause';

function pausedContentStatus() {
	const status = statusPayload();
	const content = status.categories[ 1 ];
	if ( content ) {
		content.state = 'paused';
		content.paused = true;
		content.effective = 'blocked';
	}
	return status;
}

describe( 'sophmate-safe-mode/status store', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'loads GET /status through the getStatus resolver', async () => {
		routeApiFetch( { [ STATUS ]: () => statusPayload() } );
		const registry = createTestRegistry();

		const status = await registry.resolveSelect( statusStore ).getStatus();

		expect( status?.version ).toBe( 7 );
		expect( registry.select( statusStore ).hasLoaded() ).toBe( true );
		expect( requestedRoutes() ).toEqual( [ STATUS ] );
	} );

	it( 'pauses a category, then refreshes the snapshot', async () => {
		let paused = false;
		routeApiFetch( {
			[ STATUS ]: () =>
				paused ? pausedContentStatus() : statusPayload(),
			[ PAUSE_CONTENT ]: () => {
				paused = true;
				return {
					changed: true,
					scope: 'category:content',
					state: 'paused',
					switch: null,
				};
			},
		} );
		const registry = createTestRegistry();
		await registry.resolveSelect( statusStore ).getStatus();

		const result = await registry
			.dispatch( statusStore )
			.pauseCategory( 'content', { reason: 'Bad feed' } );

		expect( result.ok ).toBe( true );
		expect( lastBody( PAUSE_CONTENT ) ).toEqual( { reason: 'Bad feed' } );
		expect( requestedRoutes() ).toEqual( [
			STATUS,
			PAUSE_CONTENT,
			STATUS,
		] );
		expect(
			registry.select( statusStore ).getCategoryStatus( 'content' )?.state
		).toBe( 'paused' );
		expect(
			registry
				.select( statusStore )
				.getPendingOperation( 'category:content' )
		).toBeNull();
	} );

	it( 'resolves a refused change to the server’s error without refreshing', async () => {
		routeApiFetch( {
			[ STATUS ]: () => statusPayload(),
			'POST /sophmate-safe-mode/v1/categories/marketing/restart': () => {
				throw restError(
					'sophmate_review_incomplete',
					'Acknowledge every review item first.',
					422,
					{ missing: [ 'failed_steps' ] }
				);
			},
		} );
		const registry = createTestRegistry();
		await registry.resolveSelect( statusStore ).getStatus();

		const result = await registry
			.dispatch( statusStore )
			.restartCategory( 'marketing', {
				acknowledged: [ 'run_history' ],
				note: '',
			} );

		expect( result ).toMatchObject( {
			ok: false,
			error: {
				code: 'sophmate_review_incomplete',
				status: 422,
				message: 'Acknowledge every review item first.',
			},
		} );
		expect(
			requestedRoutes().filter( ( r ) => r === STATUS )
		).toHaveLength( 1 );
		expect(
			registry
				.select( statusStore )
				.getPendingOperation( 'category:marketing' )
		).toBeNull();
	} );

	it( 'marks the scope pending while the request is in flight', async () => {
		let release: ( value: unknown ) => void = () => {};
		routeApiFetch( {
			[ STATUS ]: () => statusPayload(),
			'POST /sophmate-safe-mode/v1/categories/commerce/promote': () =>
				new Promise( ( resolve ) => {
					release = resolve;
				} ),
		} );
		const registry = createTestRegistry();

		const promise = registry
			.dispatch( statusStore )
			.promoteCategory( 'commerce' );

		expect(
			registry
				.select( statusStore )
				.getPendingOperation( 'category:commerce' )
		).toBe( 'promote' );
		release( {
			changed: true,
			scope: 'category:commerce',
			state: 'running',
		} );
		await promise;
		expect(
			registry
				.select( statusStore )
				.getPendingOperation( 'category:commerce' )
		).toBeNull();
	} );

	it( 'records a failed status load as the fetch error', async () => {
		routeApiFetch( {
			[ STATUS ]: () => {
				throw restError( 'rest_forbidden', 'Sorry, no.', 403 );
			},
		} );
		const registry = createTestRegistry();

		const status = await registry.dispatch( statusStore ).refreshStatus();

		expect( status ).toBeNull();
		expect( registry.select( statusStore ).getFetchError() ).toMatchObject(
			{
				code: 'rest_forbidden',
				status: 403,
			}
		);
	} );

	it( 'sends safe mode changes with PUT', async () => {
		routeApiFetch( {
			[ STATUS ]: () => statusPayload(),
			'PUT /sophmate-safe-mode/v1/safe-mode': () => ( {
				changed: true,
				safe_mode: {
					mode: 'paused',
					reason: 'Provider outage',
					actor: null,
					source: 'admin',
					since: '2025-11-25T21:10:00Z',
				},
			} ),
		} );
		const registry = createTestRegistry();

		const result = await registry
			.dispatch( statusStore )
			.setSafeMode( { mode: 'paused', reason: 'Provider outage' } );

		expect( result.ok ).toBe( true );
		expect( lastBody( 'PUT /sophmate-safe-mode/v1/safe-mode' ) ).toEqual( {
			mode: 'paused',
			reason: 'Provider outage',
		} );
	} );
} );
