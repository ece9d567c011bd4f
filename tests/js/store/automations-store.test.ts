import { beforeEach, describe, expect, it, vi } from 'vitest';

import { automationsStore } from '../../../src/store/automations';
import { initialState, reducer } from '../../../src/store/automations/reducer';
import {
	getAutomation,
	getAutomations,
} from '../../../src/store/automations/selectors';
import {
	apiFetchMock,
	lastBody,
	requestedRoutes,
	routeApiFetch,
} from '../support/api-fetch';
import {
	automationConfigPayload,
	createdAutomationPayload,
	restError,
} from '../support/fixtures';
import { createTestRegistry } from '../support/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const AUTOMATIONS = 'GET /sophmate-safe-mode/v1/automations?per_page=200';
const CREATE = 'POST /sophmate-safe-mode/v1/automations';

const BODY = {
	id: 'acme_newsletter_send',
	label: 'Acme newsletter send',
	kind: 'workflow' as const,
	category: 'marketing',
	owner: 1,
	mode: 'live' as const,
	cron_hooks: [ 'acme_newsletter_send' ],
};

describe( 'automations reducer and selectors', () => {
	it( 'store the list of the latest request and find one by id', () => {
		const automations = automationConfigPayload();
		const state = reducer(
			reducer( initialState, { type: 'FETCH_AUTOMATIONS_START' } ),
			{ type: 'FETCH_AUTOMATIONS_SUCCESS', requestId: 1, automations }
		);

		expect( getAutomations( state ) ).toBe( automations );
		expect( getAutomation( state, 'shop_sync' )?.cron_hooks ).toEqual( [
			'shop_hourly_sync',
		] );
		expect( getAutomation( state, 'missing' ) ).toBeNull();
	} );

	it( 'ignore a superseded answer', () => {
		let state = reducer( initialState, {
			type: 'FETCH_AUTOMATIONS_START',
		} );
		state = reducer( state, { type: 'FETCH_AUTOMATIONS_START' } );

		const after = reducer( state, {
			type: 'FETCH_AUTOMATIONS_SUCCESS',
			requestId: 1,
			automations: [],
		} );

		expect( after ).toBe( state );
	} );
} );

describe( 'sophmate-safe-mode/automations store', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'loads GET /automations through the getAutomations resolver', async () => {
		routeApiFetch( { [ AUTOMATIONS ]: () => automationConfigPayload() } );
		const registry = createTestRegistry();

		const automations = await registry
			.resolveSelect( automationsStore )
			.getAutomations();

		expect( automations.map( ( a ) => a.id ) ).toEqual( [
			'newsletter-digest',
			'shop_sync',
		] );
		expect( registry.select( automationsStore ).hasLoaded() ).toBe( true );
	} );

	it( 'creates an automation, reloads the list and resolves to it with the warnings', async () => {
		let created = false;
		routeApiFetch( {
			[ AUTOMATIONS ]: () =>
				created
					? [
							...automationConfigPayload(),
							createdAutomationPayload( BODY ),
						]
					: automationConfigPayload(),
			[ CREATE ]: ( options ) => {
				created = true;
				return createdAutomationPayload(
					options.data as Record< string, unknown >,
					[ 'No event scheduled yet.' ]
				);
			},
		} );
		const registry = createTestRegistry();

		const result = await registry
			.dispatch( automationsStore )
			.createAutomation( BODY );

		expect( result ).toMatchObject( {
			ok: true,
			value: {
				id: 'acme_newsletter_send',
				warnings: [ 'No event scheduled yet.' ],
			},
		} );
		expect( lastBody( CREATE ) ).toEqual( BODY );
		expect( requestedRoutes() ).toEqual( [ CREATE, AUTOMATIONS ] );
		expect(
			registry
				.select( automationsStore )
				.getAutomation( 'acme_newsletter_send' )?.origin
		).toBe( 'admin' );
	} );

	it( 'resolves a refused creation to the server’s error without reloading', async () => {
		routeApiFetch( {
			[ CREATE ]: () => {
				throw restError(
					'sophmate_automation_exists',
					'An automation "acme_newsletter_send" already exists.',
					409
				);
			},
		} );
		const registry = createTestRegistry();

		const result = await registry
			.dispatch( automationsStore )
			.createAutomation( BODY );

		expect( result ).toMatchObject( {
			ok: false,
			error: {
				code: 'sophmate_automation_exists',
				status: 409,
				message: 'An automation "acme_newsletter_send" already exists.',
			},
		} );
		expect( requestedRoutes() ).toEqual( [ CREATE ] );
	} );
} );
