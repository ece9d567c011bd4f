import { createRegistry } from '@wordpress/data';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { ApiError, type Provider } from '../../src/api';
import {
	EMPTY_PROVIDER_FORM,
	hostList,
	providerFormValues,
	providerServerErrors,
	providerUpdate,
	validateProviderForm,
} from '../../src/components/providers/form';
import { providersStore } from '../../src/store/providers';
import { apiFetchMock, lastBody, routeApiFetch } from './support/api-fetch';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

function polled(): Provider {
	return {
		slug: 'openai',
		label: 'OpenAI',
		hosts: [ 'api.openai.com' ],
		status: 'operational',
		status_url: 'https://status.openai.com/api/v2/status.json',
		checked_at: '2026-11-26T10:00:00Z',
		status_source: 'polled',
		status_description: 'All Systems Operational',
		last_polled_at: '2026-11-26T10:05:00Z',
		last_error: null,
		polled_status: 'operational',
		used_by: { categories: [ 'agent' ], automations: [] },
	};
}

const valid = {
	...EMPTY_PROVIDER_FORM,
	slug: 'acme',
	label: 'Acme',
	hosts: 'api.acme.test\n*.acme-cdn.test',
};

describe( 'provider form validation', () => {
	it( 'accepts a complete new provider', () => {
		expect( validateProviderForm( valid, [ 'openai' ], true ) ).toEqual(
			{}
		);
	} );

	it( 'names each field in error', () => {
		const errors = validateProviderForm(
			{
				...valid,
				slug: 'Acme AI',
				label: ' ',
				hosts: 'api.acme.test, https://bad.test/x',
				status_url: 'ftp://status.acme.test/status.json',
			},
			[],
			true
		);
		expect( Object.keys( errors ).sort() ).toEqual( [
			'hosts',
			'label',
			'slug',
			'status_url',
		] );
		expect( errors.hosts ).toContain( 'https://bad.test/x' );
	} );

	it( 'refuses a slug that is taken, only when adding', () => {
		expect(
			validateProviderForm(
				{ ...valid, slug: 'openai' },
				[ 'openai' ],
				true
			).slug
		).toContain( 'already exists' );
		expect(
			validateProviderForm(
				providerFormValues( polled() ),
				[ 'openai' ],
				false
			)
		).toEqual( {} );
	} );

	it( 'takes hosts one per line or comma-separated, lowercased', () => {
		expect( hostList( ' API.acme.test,\n\n*.cdn.test ' ) ).toEqual( [
			'api.acme.test',
			'*.cdn.test',
		] );
	} );
} );

describe( 'provider PUT body', () => {
	it( 'leaves out an unchanged status so a polled status is not overridden', () => {
		const values = {
			...providerFormValues( polled() ),
			label: 'OpenAI API',
		};
		expect( providerUpdate( values, polled() ) ).toEqual( {
			label: 'OpenAI API',
			hosts: [ 'api.openai.com' ],
			status_url: 'https://status.openai.com/api/v2/status.json',
		} );
	} );

	it( 'sends a changed status with its reason, and an empty status URL as null', () => {
		const values = {
			...providerFormValues( polled() ),
			status: 'outage' as const,
			reason: ' Timeouts since 14:05 ',
			status_url: ' ',
		};
		expect( providerUpdate( values, polled() ) ).toMatchObject( {
			status: 'outage',
			reason: 'Timeouts since 14:05',
			status_url: null,
		} );
	} );
} );

describe( 'provider server errors', () => {
	it( 'put sophmate_invalid_status_url under the status URL', () => {
		const error = new ApiError( {
			code: 'sophmate_invalid_status_url',
			message: 'status_url must be an http(s) URL.',
			status: 400,
			data: { status: 400 },
		} );
		expect( providerServerErrors( error ) ).toEqual( {
			fields: { status_url: 'status_url must be an http(s) URL.' },
			form: null,
		} );
	} );

	it( 'put WordPress’ per-parameter messages under their field, others on top', () => {
		const error = new ApiError( {
			code: 'sophmate_invalid_param',
			message: 'Invalid parameter(s): status',
			status: 400,
			data: {
				status: 400,
				params: { status: 'status is not one of …', other: 'x' },
			},
		} );
		expect( providerServerErrors( error ) ).toEqual( {
			fields: { status: 'status is not one of …' },
			form: 'x',
		} );
	} );
} );

describe( 'providers store mutations', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'save, check and delete update the list', async () => {
		const list = [ polled() ];
		routeApiFetch( {
			'GET /sophmate-safe-mode/v1/providers': () => list,
			'PUT /sophmate-safe-mode/v1/providers/acme': () => ( {
				...polled(),
				slug: 'acme',
				label: 'Acme',
				changed: [ 'config' ],
			} ),
			'POST /sophmate-safe-mode/v1/providers/openai/check': () => ( {
				...polled(),
				last_error: 'The status page answered HTTP 500.',
			} ),
			'DELETE /sophmate-safe-mode/v1/providers/acme': () => ( {
				deleted: true,
				previous: { ...polled(), slug: 'acme' },
			} ),
		} );
		const registry = createRegistry();
		registry.register( providersStore );
		await registry.resolveSelect( providersStore ).getProviders();

		const saved = await registry
			.dispatch( providersStore )
			.saveProvider( 'acme', { label: 'Acme' } );
		expect( saved.ok ).toBe( true );
		expect(
			lastBody( 'PUT /sophmate-safe-mode/v1/providers/acme' )
		).toEqual( { label: 'Acme' } );
		expect(
			registry.select( providersStore ).getProvider( 'acme' )
		).not.toHaveProperty( 'changed' );

		await registry.dispatch( providersStore ).checkProvider( 'openai' );
		expect(
			registry.select( providersStore ).getProvider( 'openai' )
				?.last_error
		).toBe( 'The status page answered HTTP 500.' );

		await registry.dispatch( providersStore ).deleteProvider( 'acme' );
		expect(
			registry
				.select( providersStore )
				.getProviders()
				.map( ( p ) => p.slug )
		).toEqual( [ 'openai' ] );
		expect(
			registry.select( providersStore ).getPendingOperation( 'acme' )
		).toBeNull();
	} );

	it( 'a refused delete resolves to the error and keeps the provider', async () => {
		routeApiFetch( {
			'GET /sophmate-safe-mode/v1/providers': () => [ polled() ],
			'DELETE /sophmate-safe-mode/v1/providers/openai': () => {
				throw {
					code: 'sophmate_provider_in_use',
					message:
						'Provider "openai" is still named by category agent.',
					data: { status: 409 },
				};
			},
		} );
		const registry = createRegistry();
		registry.register( providersStore );
		await registry.resolveSelect( providersStore ).getProviders();

		const result = await registry
			.dispatch( providersStore )
			.deleteProvider( 'openai' );
		expect( result.ok ).toBe( false );
		expect( result.ok ? null : result.error.code ).toBe(
			'sophmate_provider_in_use'
		);
		expect( registry.select( providersStore ).getProviders() ).toHaveLength(
			1
		);
	} );
} );
