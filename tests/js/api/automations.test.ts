import { beforeEach, describe, expect, it, vi } from 'vitest';

import {
	ApiError,
	createAutomation,
	fetchAutomation,
	fetchAutomations,
	fetchCronHooks,
	invalidParams,
	pauseAutomation,
	promoteAutomation,
	restartAutomation,
	toApiError,
} from '../../../src/api';
import { apiFetchMock, routeApiFetch } from '../support/api-fetch';
import {
	automationConfigPayload,
	createdAutomationPayload,
	cronHooksPayload,
	restError,
	statusPayload,
} from '../support/fixtures';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const BODY = {
	id: 'acme_newsletter_send',
	label: 'Acme newsletter send',
	kind: 'workflow' as const,
	category: 'marketing',
	owner: 1,
	mode: 'live' as const,
	cron_hooks: [ 'acme_newsletter_send' ],
};

describe( 'src/api automations and cron hooks', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'GETs /automations, 200 per page (the API’s maximum)', async () => {
		routeApiFetch( {
			'GET /sophmate-safe-mode/v1/automations?per_page=200': () =>
				automationConfigPayload(),
		} );

		const automations = await fetchAutomations();

		expect( automations.map( ( a ) => a.origin ) ).toEqual( [
			'code',
			'admin',
		] );
	} );

	it( 'GETs one automation from /automations/{id}, the id encoded', async () => {
		const [ first ] = automationConfigPayload();
		routeApiFetch( {
			'GET /sophmate-safe-mode/v1/automations/a%2Fb': () => ( {
				...first,
				id: 'a/b',
			} ),
		} );

		const automation = await fetchAutomation( 'a/b' );

		expect( automation.id ).toBe( 'a/b' );
		expect( automation.providers ).toEqual( [ 'mailchimp' ] );
	} );

	it( 'rejects an unknown automation with the server’s 404', async () => {
		routeApiFetch( {
			'GET /sophmate-safe-mode/v1/automations/nope': () => {
				throw restError(
					'sophmate_not_found',
					'Unknown automation "nope".',
					404
				);
			},
		} );

		await expect( fetchAutomation( 'nope' ) ).rejects.toMatchObject( {
			code: 'sophmate_not_found',
			status: 404,
		} );
	} );

	it( 'rejects an answer that is not an automation', async () => {
		routeApiFetch( {
			'GET /sophmate-safe-mode/v1/automations/x': () => ( { id: 'x' } ),
		} );

		await expect( fetchAutomation( 'x' ) ).rejects.toMatchObject( {
			code: 'sophmate_invalid_response',
		} );
	} );

	it( 'POSTs a new automation to /automations and parses the 201 with its warnings', async () => {
		routeApiFetch( {
			'POST /sophmate-safe-mode/v1/automations': ( options ) =>
				createdAutomationPayload(
					options.data as Record< string, unknown >,
					[ 'Nothing scheduled yet.' ]
				),
		} );

		const created = await createAutomation( BODY );

		expect( apiFetchMock ).toHaveBeenCalledWith( {
			path: '/sophmate-safe-mode/v1/automations',
			method: 'POST',
			data: BODY,
		} );
		expect( created.id ).toBe( 'acme_newsletter_send' );
		expect( created.warnings ).toEqual( [ 'Nothing scheduled yet.' ] );
	} );

	it( 'pauses, restarts and promotes an automation on its own routes', async () => {
		const scopeChange = {
			changed: true,
			scope: 'automation:shop_sync',
			state: 'paused',
			switch: statusPayload().automations[ 2 ]?.switch,
		};
		routeApiFetch( {
			'POST /sophmate-safe-mode/v1/automations/shop_sync/pause': () =>
				scopeChange,
			'POST /sophmate-safe-mode/v1/automations/shop_sync/restart':
				() => ( {
					...scopeChange,
					state: 'trial',
				} ),
			'POST /sophmate-safe-mode/v1/automations/shop_sync/promote':
				() => ( {
					changed: true,
					scope: 'automation:shop_sync',
					state: 'running',
				} ),
		} );

		const paused = await pauseAutomation( 'shop_sync', {
			reason: 'Dupes',
		} );
		const restarted = await restartAutomation( 'shop_sync', {
			acknowledged: [ 'run_history' ],
			note: '',
		} );
		const promoted = await promoteAutomation( 'shop_sync' );

		expect( [ paused.state, restarted.state, promoted.state ] ).toEqual( [
			'paused',
			'trial',
			'running',
		] );
	} );

	it( 'encodes the automation id in the path', async () => {
		routeApiFetch( {} );

		await expect(
			pauseAutomation( 'a/b', { reason: 'x' } )
		).rejects.toBeInstanceOf( ApiError );

		expect( apiFetchMock.mock.calls[ 0 ]?.[ 0 ].path ).toBe(
			'/sophmate-safe-mode/v1/automations/a%2Fb/pause'
		);
	} );

	it( 'GETs /cron-hooks and refuses a response in the wrong shape', async () => {
		routeApiFetch( {
			'GET /sophmate-safe-mode/v1/cron-hooks': () => cronHooksPayload(),
		} );
		expect( ( await fetchCronHooks() ).map( ( h ) => h.hook ) ).toEqual( [
			'acme_newsletter_send',
			'Acme\\Report::build',
			'shop_hourly_sync',
		] );

		routeApiFetch( {
			'GET /sophmate-safe-mode/v1/cron-hooks': () => ( {
				hooks: cronHooksPayload(),
			} ),
		} );
		await expect( fetchCronHooks() ).rejects.toMatchObject( {
			code: 'sophmate_invalid_response',
		} );
	} );
} );

describe( 'invalidParams()', () => {
	it( 'reads the per-field messages of sophmate_invalid_param', () => {
		const error = toApiError(
			restError(
				'sophmate_invalid_param',
				'Invalid parameter(s): kind',
				400,
				{ params: { kind: 'kind is not one of workflow, watcher.' } }
			)
		);

		expect( invalidParams( error ) ).toEqual( {
			kind: 'kind is not one of workflow, watcher.',
		} );
	} );

	it( 'is empty for errors without params', () => {
		expect(
			invalidParams(
				toApiError(
					restError( 'sophmate_automation_exists', 'x', 409 )
				)
			)
		).toEqual( {} );
	} );
} );
