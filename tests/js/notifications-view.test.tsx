import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { store as noticesStore } from '@wordpress/notices';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { NotificationsView } from '../../src/pages/NotificationsView';
import { notificationsStore } from '../../src/store/notifications';
import {
	apiFetchMock,
	lastBody,
	requestedRoutes,
	routeApiFetch,
	type Routes,
} from './support/api-fetch';
import {
	createTestRegistry,
	pauserBoot,
	renderWithStores,
} from './support/render';
import { rawResponse } from './support/runs-fixtures';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const NS = '/sophmate-safe-mode/v1';
const LIST = `GET ${ NS }/notifications?page=1&per_page=25`;
const FAILED = `GET ${ NS }/notifications?status=failed&page=1&per_page=1`;

const failedRow = {
	id: 7,
	created_at: '2026-11-25T10:00:00Z',
	event: 'pause',
	scope: 'category:marketing',
	channel: 'webhook',
	target: 'https://hooks.example/ops',
	subject: '[Shop] Paused: category:marketing',
	status: 'failed',
	attempts: 6,
	next_attempt_at: null,
	last_error: 'HTTP 500: upstream down',
	sent_at: null,
};

const sentRow = {
	...failedRow,
	id: 6,
	channel: 'email',
	target: 'ops@example.test',
	status: 'sent',
	attempts: 1,
	last_error: null,
	sent_at: '2026-11-25T10:00:01Z',
};

function routes( extra: Routes = {} ): Routes {
	return {
		[ LIST ]: () =>
			rawResponse( [ failedRow, sentRow ], {
				'X-WP-Total': '2',
				'X-WP-TotalPages': '1',
			} ),
		[ FAILED ]: () =>
			rawResponse( [ failedRow ], {
				'X-WP-Total': '1',
				'X-WP-TotalPages': '1',
			} ),
		[ `GET ${ NS }/notifications/settings` ]: () => ( {
			emails: [ 'ops@example.test' ],
			webhooks: [ 'https://hooks.example/ops' ],
			webhook_secret_set: true,
		} ),
		...extra,
	};
}

function renderView( boot = {} ) {
	const registry = createTestRegistry();
	registry.register( notificationsStore );
	const navigate = vi.fn();
	const result = renderWithStores(
		<NotificationsView navigate={ navigate } />,
		{ registry, ...boot }
	);
	return { ...result, navigate };
}

const snackbars = ( registry: ReturnType< typeof createTestRegistry > ) =>
	registry
		.select( noticesStore )
		.getNotices( 'sophmate-safe-mode' )
		.map( ( notice ) => `${ notice.status }: ${ notice.content }` );

describe( 'NotificationsView', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'shows the failed count, the deliveries in words and retries one', async () => {
		routeApiFetch(
			routes( {
				[ `POST ${ NS }/notifications/7/retry` ]: () => ( {
					...failedRow,
					status: 'sent',
					attempts: 7,
					last_error: null,
				} ),
			} )
		);
		const user = userEvent.setup();
		const { registry, navigate } = renderView();

		expect(
			(
				await screen.findAllByText(
					/1 notification could not be delivered after every retry/
				)
			).length
		).toBeGreaterThan( 0 );
		const row = await screen.findByTestId( 'notification-row-7' );
		expect( within( row ).getByText( 'Failed, gave up' ) ).toBeTruthy();
		expect(
			within( row ).getByText( 'HTTP 500: upstream down' )
		).toBeTruthy();
		expect(
			within( screen.getByTestId( 'notification-row-6' ) ).getByText(
				'Delivered'
			)
		).toBeTruthy();
		expect(
			within( screen.getByTestId( 'notification-row-6' ) ).queryByRole(
				'button',
				{ name: 'Retry' }
			)
		).toBeNull();

		await user.click(
			within( row ).getByRole( 'button', { name: 'category:marketing' } )
		);
		expect( navigate ).toHaveBeenCalledWith( {
			view: 'category',
			slug: 'marketing',
		} );

		await user.click(
			within( row ).getByRole( 'button', { name: 'Retry' } )
		);
		await waitFor( () =>
			expect( snackbars( registry ) ).toEqual( [
				'success: Delivered to https://hooks.example/ops.',
			] )
		);
		expect(
			within( screen.getByTestId( 'notification-row-7' ) ).getByText(
				'Delivered'
			)
		).toBeTruthy();
	} );

	it( 'keeps the secret unless a new one is typed', async () => {
		routeApiFetch(
			routes( {
				[ `PUT ${ NS }/notifications/settings` ]: () => ( {
					emails: [ 'ops@example.test', 'oncall@example.test' ],
					webhooks: [ 'https://hooks.example/ops' ],
					webhook_secret_set: true,
				} ),
			} )
		);
		const user = userEvent.setup();
		const { registry } = renderView();
		const secret = await screen.findByLabelText(
			'Webhook secret: set (type a new one to replace it)'
		);
		const emails = screen.getByLabelText( 'Email addresses' );
		await user.type( emails, '{end}\noncall@example.test' );
		await user.click(
			screen.getByRole( 'button', { name: 'Save settings' } )
		);
		await waitFor( () =>
			expect( lastBody( `PUT ${ NS }/notifications/settings` ) ).toEqual(
				{
					emails: [ 'ops@example.test', 'oncall@example.test' ],
					webhooks: [ 'https://hooks.example/ops' ],
				}
			)
		);
		await waitFor( () =>
			expect( snackbars( registry ) ).toContain(
				'success: Notification settings saved.'
			)
		);
		await user.type( secret, 'a-brand-new-secret-123' );
		await user.click(
			screen.getByRole( 'button', { name: 'Save settings' } )
		);
		await waitFor( () =>
			expect(
				lastBody( `PUT ${ NS }/notifications/settings` )
			).toMatchObject( { webhook_secret: 'a-brand-new-secret-123' } )
		);
	} );

	it( 'does not ask for the settings of someone who may only pause', async () => {
		routeApiFetch( routes() );
		renderView( { boot: pauserBoot } );
		expect(
			(
				await screen.findAllByText(
					/Only people who may manage automation/
				)
			).length
		).toBeGreaterThan( 0 );
		await screen.findByTestId( 'notification-row-7' );
		expect( requestedRoutes() ).not.toContain(
			`GET ${ NS }/notifications/settings`
		);
	} );
} );
