import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { store as noticesStore } from '@wordpress/notices';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { CategoryView } from '../../src/pages/CategoryView';
import { ownersStore } from '../../src/store/owners';
import { providersStore } from '../../src/store/providers';
import {
	apiFetchMock,
	lastBody,
	requestedRoutes,
	routeApiFetch,
	type Routes,
} from './support/api-fetch';
import {
	categoryConfigPayload,
	restError,
	statusPayload,
} from './support/fixtures';
import {
	createTestRegistry,
	pauserBoot,
	renderWithStores,
} from './support/render';
import { statsPayload } from './support/stats-fixtures';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const NS = '/sophmate-safe-mode/v1';
const PATCH = `PATCH ${ NS }/categories/marketing`;

function routes( extra: Routes = {} ): Routes {
	return {
		[ `GET ${ NS }/status` ]: () => statusPayload(),
		[ `GET ${ NS }/categories?per_page=100` ]: () =>
			categoryConfigPayload(),
		[ `GET ${ NS }/providers` ]: () => [
			{
				slug: 'mailchimp',
				label: 'Mailchimp',
				hosts: [ '*.api.mailchimp.com' ],
				status: 'outage',
				status_url: null,
				checked_at: '2025-11-25T21:00:00Z',
			},
		],
		[ `GET ${ NS }/owners` ]: () => [
			{ id: 1, name: 'Ada Admin' },
			{ id: 7, name: 'Pia Pauser' },
		],
		[ `GET ${ NS }/stats?window=24h&category=marketing` ]: () => ( {
			...statsPayload( '24h' ),
			category: 'marketing',
		} ),
		...extra,
	};
}

function renderPage( slug = 'marketing', boot = {} ) {
	const registry = createTestRegistry();
	registry.register( providersStore );
	registry.register( ownersStore );
	registry.register( noticesStore );
	const navigate = vi.fn();
	const result = renderWithStores(
		<CategoryView slug={ slug } navigate={ navigate } />,
		{ registry, ...boot }
	);
	return { ...result, navigate };
}

const snackbars = ( registry: ReturnType< typeof createTestRegistry > ) =>
	registry
		.select( noticesStore )
		.getNotices( 'sophmate-safe-mode' )
		.map( ( notice ) => `${ notice.status }: ${ notice.content }` );

describe( 'CategoryView', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'shows the switch, its automations, policy in words, providers and this category’s charts', async () => {
		routeApiFetch( routes() );
		renderPage();

		const page = await screen.findByTestId( 'category-page' );
		expect(
			await within( page ).findByRole( 'heading', { name: 'Marketing' } )
		).toBeTruthy();
		expect(
			screen.getByTestId( 'category-state-marketing' ).textContent
		).toBe( 'Paused' );
		expect(
			screen.getByTestId( 'category-effective' ).textContent
		).toMatch( /Blocked.*this category’s pause/ );
		expect( screen.getByText( 'Newsletter went out twice' ) ).toBeTruthy();
		expect(
			screen.getByRole( 'link', { name: 'Restart Marketing' } )
		).toBeTruthy();

		const automations = screen.getByTestId( 'category-automations' );
		const link = within( automations ).getByRole( 'link', {
			name: 'Newsletter digest',
		} );
		expect( link.getAttribute( 'href' ) ).toContain(
			'view=automation&id=newsletter-digest'
		);
		expect( within( automations ).queryByText( 'Refund sync' ) ).toBeNull();

		const policy = screen.getByTestId( 'category-policy' );
		await waitFor( () =>
			expect( policy.textContent ).toContain( 'Running jobs finish.' )
		);
		expect( policy.textContent ).toContain(
			'Manual cleanup: Check the mailing provider for duplicates.'
		);
		await waitFor( () =>
			expect( policy.textContent ).toContain( 'Restarted by: Ada Admin' )
		);

		const provider = await screen.findByTestId(
			'category-provider-mailchimp'
		);
		await waitFor( () =>
			expect( provider.textContent ).toContain( 'Outage' )
		);
		expect( provider.textContent ).toContain( 'Mailchimp' );

		await waitFor( () =>
			expect( requestedRoutes() ).toContain(
				`GET ${ NS }/stats?window=24h&category=marketing`
			)
		);
		expect( screen.getByTestId( 'category-edit-form' ) ).toBeTruthy();
	} );

	it( 'says so when the category does not exist, with a way back', async () => {
		routeApiFetch( routes() );
		const { navigate } = renderPage( 'ghosts' );

		const message = await screen.findByTestId( 'category-not-found' );
		expect( message.textContent ).toContain( 'No category “ghosts”' );
		await userEvent.click(
			screen.getByRole( 'link', { name: /All categories/ } )
		);
		expect( navigate ).toHaveBeenCalledWith( { view: 'overview' } );
		expect( screen.queryByTestId( 'category-edit-form' ) ).toBeNull();
	} );

	it( 'hides the settings form from someone who may only pause', async () => {
		routeApiFetch( routes() );
		renderPage( 'marketing', { boot: pauserBoot } );

		await screen.findByTestId( 'category-automations' );
		await waitFor( () =>
			expect(
				screen.getByTestId( 'category-policy' ).textContent
			).toContain( 'Running jobs finish.' )
		);
		expect( screen.queryByTestId( 'category-edit-form' ) ).toBeNull();
		expect( requestedRoutes() ).not.toContain( `GET ${ NS }/owners` );
		// The restart owner is the owner, whom the status names for everyone.
		expect( screen.getByTestId( 'category-policy' ).textContent ).toContain(
			'Restarted by: Ada Admin'
		);
	} );
} );

describe( 'category settings form', { timeout: 20000 }, () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'checks emails, URLs and days before asking the server', async () => {
		routeApiFetch( routes() );
		renderPage();
		const form = await screen.findByTestId( 'category-edit-form' );
		const user = userEvent.setup();

		const days = within( form ).getByLabelText( 'Review every (days)' );
		await user.clear( days );
		await user.type( days, '0' );
		const emails = within( form ).getByLabelText( 'Notification emails' );
		await user.clear( emails );
		await user.click( emails );
		await user.paste( 'ops@example.com\nnot-an-address' );
		await user.click( within( form ).getByLabelText( 'Webhook URLs' ) );
		await user.paste( 'ftp://hooks.example.com' );
		await user.click(
			within( form ).getByRole( 'button', { name: 'Save settings' } )
		);

		expect( form.textContent ).toContain(
			'Enter a whole number of days from 1 to 3650.'
		);
		expect( form.textContent ).toContain(
			'“not-an-address” is not an email address.'
		);
		expect( form.textContent ).toContain(
			'“ftp://hooks.example.com” is not an http:// or https:// address.'
		);
		expect( days.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect( requestedRoutes() ).not.toContain( PATCH );
	} );

	it( 'previews the policy as it is edited and saves every field', async () => {
		routeApiFetch(
			routes( {
				[ PATCH ]: ( options ) => ( {
					...categoryConfigPayload()[ 0 ],
					...( options.data as object ),
					changed: [ 'policy' ],
				} ),
			} )
		);
		const { registry } = renderPage();
		const form = await screen.findByTestId( 'category-edit-form' );
		const user = userEvent.setup();
		await waitFor( () =>
			expect(
				within( form ).getAllByRole( 'option', { name: 'Pia Pauser' } )
			).toHaveLength( 3 )
		);

		await user.selectOptions(
			within( form ).getByLabelText( 'Queued jobs' ),
			'cancel'
		);
		await user.selectOptions(
			within( form ).getByLabelText( 'Restart owner' ),
			'7'
		);
		const preview = screen.getByTestId( 'category-policy-preview' );
		expect( preview.textContent ).toContain( 'Queued jobs are cancelled.' );
		expect( preview.textContent ).toContain( 'Restarted by: Pia Pauser' );

		await user.click( within( form ).getByLabelText( 'Webhook URLs' ) );
		await user.paste( 'https://hooks.example.com/a' );
		await user.click(
			within( form ).getByRole( 'button', { name: 'Save settings' } )
		);

		await waitFor( () =>
			expect( snackbars( registry ) ).toEqual( [
				'success: Settings of Marketing saved.',
			] )
		);
		expect( lastBody( PATCH ) ).toEqual( {
			owner_id: 1,
			backup_owner_id: null,
			policy: {
				running: 'finish',
				queued: 'cancel',
				scheduled: 'skip',
				retrying: 'hold',
				cleanup_notes: 'Check the mailing provider for duplicates.',
				restart_owner_id: 7,
			},
			review_every_days: 90,
			notify: {
				emails: [ 'ops@example.com' ],
				webhooks: [ 'https://hooks.example.com/a' ],
			},
		} );
	} );

	it( 'puts a server refusal next to the field it names and keeps the form', async () => {
		routeApiFetch(
			routes( {
				[ PATCH ]: () => {
					throw restError(
						'sophmate_invalid_owner',
						'backup_owner_id must be the id of a user of this site (or null).',
						400
					);
				},
			} )
		);
		const { registry } = renderPage();
		const form = await screen.findByTestId( 'category-edit-form' );
		const user = userEvent.setup();
		await waitFor( () =>
			expect(
				within( form ).getAllByRole( 'option', { name: 'Pia Pauser' } )
			).toHaveLength( 3 )
		);
		await user.selectOptions(
			within( form ).getByLabelText( 'Backup owner' ),
			'7'
		);
		await user.click(
			within( form ).getByRole( 'button', { name: 'Save settings' } )
		);

		const backup = within( form ).getByLabelText( 'Backup owner' );
		await waitFor( () =>
			expect( backup.getAttribute( 'aria-invalid' ) ).toBe( 'true' )
		);
		const help = document.getElementById(
			backup.getAttribute( 'aria-describedby' ) ?? ''
		);
		expect( help?.textContent ).toContain(
			'backup_owner_id must be the id of a user'
		);
		expect( ( backup as HTMLSelectElement ).value ).toBe( '7' );
		expect( snackbars( registry )[ 0 ] ).toMatch(
			/^error: Marketing was not saved/
		);
	} );

	it( 'maps WordPress argument errors (data.params) to their fields', async () => {
		routeApiFetch(
			routes( {
				[ PATCH ]: () => {
					throw restError(
						'sophmate_invalid_param',
						'Invalid parameter(s): review_every_days',
						400,
						{
							params: {
								review_every_days:
									'review_every_days must be less than or equal to 3650',
							},
						}
					);
				},
			} )
		);
		renderPage();
		const form = await screen.findByTestId( 'category-edit-form' );
		await userEvent.click(
			within( form ).getByRole( 'button', { name: 'Save settings' } )
		);

		await waitFor( () =>
			expect( form.textContent ).toContain(
				'review_every_days must be less than or equal to 3650'
			)
		);
	} );
} );
