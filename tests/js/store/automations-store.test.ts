import { beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError } from '../../../src/api';
import { automationsStore } from '../../../src/store/automations';
import { initialState, reducer } from '../../../src/store/automations/reducer';
import {
	getAutomation,
	getAutomationError,
	getAutomations,
	isAutomationFetching,
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
const ONE = 'GET /sophmate-safe-mode/v1/automations/shop_sync';

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

describe( 'one automation in the automations reducer', () => {
	const [ digest, shopSync ] = automationConfigPayload() as [
		ReturnType< typeof automationConfigPayload >[ number ],
		ReturnType< typeof automationConfigPayload >[ number ],
	];

	it( 'keeps an automation loaded on its own and finds it without the list', () => {
		let state = reducer( initialState, {
			type: 'FETCH_AUTOMATION_START',
			id: 'shop_sync',
		} );
		expect( isAutomationFetching( state, 'shop_sync' ) ).toBe( true );
		expect( getAutomation( state, 'shop_sync' ) ).toBeNull();

		state = reducer( state, {
			type: 'FETCH_AUTOMATION_SUCCESS',
			id: 'shop_sync',
			requestId: 1,
			automation: shopSync,
		} );

		expect( getAutomation( state, 'shop_sync' ) ).toBe( shopSync );
		expect( isAutomationFetching( state, 'shop_sync' ) ).toBe( false );
		expect( getAutomations( state ) ).toEqual( [] );
	} );

	it( 'ignores a superseded answer for the same automation', () => {
		let state = reducer( initialState, {
			type: 'FETCH_AUTOMATION_START',
			id: 'shop_sync',
		} );
		state = reducer( state, {
			type: 'FETCH_AUTOMATION_START',
			id: 'shop_sync',
		} );

		const after = reducer( state, {
			type: 'FETCH_AUTOMATION_SUCCESS',
			id: 'shop_sync',
			requestId: 1,
			automation: shopSync,
		} );

		expect( after ).toBe( state );
	} );

	it( 'forgets the automation on a 404 but keeps the last answer on other errors', () => {
		const loaded = reducer(
			reducer( initialState, {
				type: 'FETCH_AUTOMATION_START',
				id: 'shop_sync',
			} ),
			{
				type: 'FETCH_AUTOMATION_SUCCESS',
				id: 'shop_sync',
				requestId: 1,
				automation: shopSync,
			}
		);
		const retry = reducer( loaded, {
			type: 'FETCH_AUTOMATION_START',
			id: 'shop_sync',
		} );
		const offline = new ApiError( {
			code: 'fetch_error',
			message: 'You are probably offline.',
			status: null,
			data: {},
		} );
		const gone = new ApiError( {
			code: 'sophmate_not_found',
			message: 'Unknown automation.',
			status: 404,
			data: {},
		} );

		const afterOffline = reducer( retry, {
			type: 'FETCH_AUTOMATION_FAILURE',
			id: 'shop_sync',
			requestId: 2,
			error: offline,
		} );
		const afterGone = reducer( retry, {
			type: 'FETCH_AUTOMATION_FAILURE',
			id: 'shop_sync',
			requestId: 2,
			error: gone,
		} );

		expect( getAutomation( afterOffline, 'shop_sync' ) ).toBe( shopSync );
		expect( getAutomationError( afterOffline, 'shop_sync' ) ).toBe(
			offline
		);
		expect( getAutomation( afterGone, 'shop_sync' ) ).toBeNull();
		expect( getAutomationError( afterGone, 'shop_sync' )?.status ).toBe(
			404
		);
	} );

	it( 'lets a newer list replace an automation loaded on its own', () => {
		const renamed = { ...shopSync, label: 'Shop sync (renamed)' };
		let state = reducer(
			reducer( initialState, {
				type: 'FETCH_AUTOMATION_START',
				id: 'shop_sync',
			} ),
			{
				type: 'FETCH_AUTOMATION_SUCCESS',
				id: 'shop_sync',
				requestId: 1,
				automation: shopSync,
			}
		);
		state = reducer(
			reducer( state, { type: 'FETCH_AUTOMATIONS_START' } ),
			{
				type: 'FETCH_AUTOMATIONS_SUCCESS',
				requestId: 1,
				automations: [ digest, renamed ],
			}
		);

		expect( getAutomation( state, 'shop_sync' )?.label ).toBe(
			'Shop sync (renamed)'
		);
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

	it( 'loads one automation by id through the getAutomation resolver when the list is not loaded (a page opened by URL)', async () => {
		const [ , shopSync ] = automationConfigPayload();
		routeApiFetch( {
			[ ONE ]: () => shopSync,
		} );
		const registry = createTestRegistry();

		const automation = await registry
			.resolveSelect( automationsStore )
			.getAutomation( 'shop_sync' );

		expect( automation?.label ).toBe( 'Shop sync' );
		expect( requestedRoutes() ).toEqual( [ ONE ] );
	} );

	it( 'does not ask for each automation while the list is loading (overview rows)', async () => {
		routeApiFetch( { [ AUTOMATIONS ]: () => automationConfigPayload() } );
		const registry = createTestRegistry();

		const [ list, one, other ] = await Promise.all( [
			registry.resolveSelect( automationsStore ).getAutomations(),
			registry
				.resolveSelect( automationsStore )
				.getAutomation( 'shop_sync' ),
			registry
				.resolveSelect( automationsStore )
				.getAutomation( 'newsletter-digest' ),
		] );

		expect( list ).toHaveLength( 2 );
		expect( one?.id ).toBe( 'shop_sync' );
		expect( other?.id ).toBe( 'newsletter-digest' );
		expect( requestedRoutes() ).toEqual( [ AUTOMATIONS ] );
	} );

	it( 'records a 404 for an unknown id', async () => {
		routeApiFetch( {
			[ `GET /sophmate-safe-mode/v1/automations/nope` ]: () => {
				throw restError( 'sophmate_not_found', 'Unknown.', 404 );
			},
		} );
		const registry = createTestRegistry();

		await registry
			.resolveSelect( automationsStore )
			.getAutomation( 'nope' );

		expect(
			registry.select( automationsStore ).getAutomationError( 'nope' )
				?.status
		).toBe( 404 );
		expect(
			registry.select( automationsStore ).getAutomation( 'nope' )
		).toBeNull();
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
