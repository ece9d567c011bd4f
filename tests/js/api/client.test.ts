import { beforeEach, describe, expect, it, vi } from 'vitest';

import {
	ApiError,
	fetchCategories,
	fetchStatus,
	pauseCategory,
	promoteCategory,
	putSafeMode,
	restartCategory,
} from '../../../src/api';
import { apiFetchMock, routeApiFetch } from '../support/api-fetch';
import {
	categoryConfigPayload,
	restError,
	statusPayload,
} from '../support/fixtures';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const pauseAnswer = {
	changed: true,
	scope: 'category:marketing',
	state: 'paused',
	switch: statusPayload().categories[ 0 ]?.switch,
};

describe( 'src/api fetchers', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'GETs /status without query arguments (so the preloaded response is used) and parses it', async () => {
		routeApiFetch( {
			'GET /sophmate-safe-mode/v1/status': () => statusPayload(),
		} );

		const status = await fetchStatus();

		expect( status.version ).toBe( 7 );
		expect( apiFetchMock ).toHaveBeenCalledWith( {
			path: '/sophmate-safe-mode/v1/status',
			method: 'GET',
		} );
	} );

	it( 'asks for 100 categories per page', async () => {
		routeApiFetch( {
			'GET /sophmate-safe-mode/v1/categories?per_page=100': () =>
				categoryConfigPayload(),
		} );

		const categories = await fetchCategories();

		expect( categories.map( ( c ) => c.slug ) ).toEqual( [
			'marketing',
			'content',
		] );
	} );

	it( 'POSTs the pause reason and incident link to the encoded category route', async () => {
		routeApiFetch( {
			'POST /sophmate-safe-mode/v1/categories/my%20cat/pause': () =>
				pauseAnswer,
		} );

		const answer = await pauseCategory( 'my cat', {
			reason: 'Duplicate mails',
			incident_url: 'https://status.example.com/1',
		} );

		expect( answer.changed ).toBe( true );
		expect( apiFetchMock.mock.calls[ 0 ]?.[ 0 ].data ).toEqual( {
			reason: 'Duplicate mails',
			incident_url: 'https://status.example.com/1',
		} );
	} );

	it( 'POSTs the restart review and PUTs safe mode', async () => {
		routeApiFetch( {
			'POST /sophmate-safe-mode/v1/categories/marketing/restart':
				() => ( {
					...pauseAnswer,
					state: 'trial',
				} ),
			'PUT /sophmate-safe-mode/v1/safe-mode': () => ( {
				changed: true,
				safe_mode: statusPayload().safe_mode,
			} ),
		} );

		const restart = await restartCategory( 'marketing', {
			acknowledged: [ 'run_history' ],
			note: '',
		} );
		const safeMode = await putSafeMode( { mode: 'off', reason: '' } );

		expect( restart.state ).toBe( 'trial' );
		expect( safeMode.safe_mode.mode ).toBe( 'off' );
	} );

	it( 'rejects with a normalised ApiError carrying the server’s message', async () => {
		routeApiFetch( {
			'POST /sophmate-safe-mode/v1/categories/marketing/promote': () => {
				throw restError(
					'sophmate_trial_not_clean',
					'The trial has no successful run yet.',
					409
				);
			},
		} );

		const promise = promoteCategory( 'marketing' );

		await expect( promise ).rejects.toBeInstanceOf( ApiError );
		await expect( promise ).rejects.toMatchObject( {
			code: 'sophmate_trial_not_clean',
			status: 409,
			message: 'The trial has no successful run yet.',
		} );
	} );

	it( 'rejects a 200 response that does not match the schema', async () => {
		routeApiFetch( {
			'GET /sophmate-safe-mode/v1/status': () => ( {
				...statusPayload(),
				safe_mode: { mode: 'maybe' },
			} ),
		} );

		await expect( fetchStatus() ).rejects.toMatchObject( {
			code: 'sophmate_invalid_response',
			message: expect.stringContaining( 'safe_mode.mode' ),
		} );
	} );
} );
