import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { APIFetchOptions } from '@wordpress/api-fetch';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { Provider } from '../../../src/api';
import { ProvidersView } from '../../../src/pages/ProvidersView';
import { providersStore } from '../../../src/store/providers';
import { apiFetchMock } from '../support/api-fetch';
import { statusPayload } from '../support/fixtures';
import {
	createTestRegistry,
	pauserBoot,
	renderWithStores,
	snackbarTexts,
} from '../support/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const NS = '/sophmate-safe-mode/v1';

function openai(): Provider {
	return {
		slug: 'openai',
		label: 'OpenAI',
		hosts: [ 'api.openai.com' ],
		status: 'outage',
		status_url: 'https://status.openai.com/api/v2/status.json',
		checked_at: '2026-11-26T10:00:00Z',
		status_source: 'polled',
		status_description: 'Major API outage',
		last_polled_at: '2026-11-26T10:05:00Z',
		last_error: 'The status page answered HTTP 500.',
		polled_status: 'outage',
		used_by: { categories: [ 'marketing' ], automations: [] },
	};
}

function render( boot = {} ) {
	const registry = createTestRegistry();
	registry.register( providersStore );
	return renderWithStores( <ProvidersView navigate={ () => {} } />, {
		registry,
		...boot,
	} );
}

describe( 'Providers tab', () => {
	let requests: APIFetchOptions[];

	beforeEach( () => {
		requests = [];
		// The dialog's animation measures the page; jsdom has no scrolling.
		window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
		apiFetchMock.mockReset();
		apiFetchMock.mockImplementation( async ( options ) => {
			requests.push( options );
			const key = `${ options.method ?? 'GET' } ${ options.path ?? '' }`;
			if ( key === `GET ${ NS }/providers` ) {
				return [ openai() ];
			}
			if ( key === `GET ${ NS }/status` ) {
				return statusPayload();
			}
			if ( key === `POST ${ NS }/providers/openai/check` ) {
				return {
					...openai(),
					status: 'operational',
					last_error: null,
					status_description: 'All Systems Operational',
				};
			}
			if ( key === `PUT ${ NS }/providers/acme` ) {
				throw {
					code: 'sophmate_invalid_status_url',
					message: 'status_url must be an http(s) URL.',
					data: { status: 400 },
				};
			}
			throw {
				code: 'rest_no_route',
				message: key,
				data: { status: 404 },
			};
		} );
	} );

	it( 'shows status in words, source, the last error in red and who depends on it', async () => {
		render();
		const row = await screen.findByTestId( 'provider-row-openai' );
		expect( within( row ).getByText( 'Outage' ) ).toBeTruthy();
		expect( within( row ).getByText( 'Major API outage' ) ).toBeTruthy();
		expect( within( row ).getByText( 'Status page' ) ).toBeTruthy();
		expect(
			within( row ).getByTestId( 'provider-error-openai' ).textContent
		).toContain( 'The status page answered HTTP 500.' );
		expect(
			within( row ).getByRole( 'link', { name: 'Marketing' } )
		).toBeTruthy();
	} );

	it( 'checks now and says the new status', async () => {
		const user = userEvent.setup( { delay: null } );
		render();
		await user.click(
			await screen.findByTestId( 'provider-check-openai' )
		);
		await waitFor( () =>
			expect( snackbarTexts() ).toContain(
				'OpenAI checked: Operational.'
			)
		);
		expect(
			screen.getByTestId( 'provider-status-openai' ).textContent
		).toBe( 'Operational' );
		expect( screen.queryByTestId( 'provider-error-openai' ) ).toBeNull();
	} );

	it( 'shows a server refusal under the field it names and keeps the dialog open', async () => {
		const user = userEvent.setup( { delay: null } );
		render();
		await user.click( await screen.findByTestId( 'provider-add' ) );
		const form = screen.getByTestId( 'provider-edit-form' );
		await user.type( within( form ).getByLabelText( 'Slug' ), 'acme' );
		await user.type( within( form ).getByLabelText( 'Name' ), 'Acme' );
		await user.type(
			within( form ).getByLabelText( 'Status URL' ),
			'https://status.acme.test/status.json'
		);
		await user.click(
			within( form ).getByRole( 'button', { name: 'Add provider' } )
		);
		await waitFor( () =>
			expect(
				within( form ).getByText( 'status_url must be an http(s) URL.' )
			).toBeTruthy()
		);
		expect( screen.getByTestId( 'provider-edit-form' ) ).toBe( form );
	}, 20000 );

	it( 'offers no changes to someone who may only pause', async () => {
		render( { boot: pauserBoot } );
		await screen.findByTestId( 'provider-row-openai' );
		expect( screen.queryByTestId( 'provider-add' ) ).toBeNull();
		expect( screen.queryByTestId( 'provider-check-openai' ) ).toBeNull();
		expect(
			requests.every(
				( options ) => ( options.method ?? 'GET' ) === 'GET'
			)
		).toBe( true );
	} );
} );
