import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { AutomationView } from '../../../src/pages/AutomationView';
import { providersStore } from '../../../src/store/providers';
import { statusStore } from '../../../src/store/status';
import {
	apiFetchMock,
	requestedRoutes,
	routeApiFetch,
	type Routes,
} from '../support/api-fetch';
import {
	automationConfigPayload,
	cronHooksPayload,
	restError,
	statusPayload,
} from '../support/fixtures';
import { createTestRegistry, renderWithStores } from '../support/render';
import {
	auditEventPayload,
	failedRunPayload,
	rawResponse,
} from '../support/runs-fixtures';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const NS = '/sophmate-safe-mode/v1';
const [ DIGEST, SHOP_SYNC ] = automationConfigPayload() as [
	ReturnType< typeof automationConfigPayload >[ number ],
	ReturnType< typeof automationConfigPayload >[ number ],
];

function page( items: unknown[] ) {
	return rawResponse( items, {
		'X-WP-Total': String( items.length ),
		'X-WP-TotalPages': '1',
	} );
}

const shopRun = failedRunPayload( {
	automation: 'shop_sync',
	category: 'commerce',
} );
const shopPause = auditEventPayload( {
	id: 9,
	scope: 'automation:shop_sync',
	reason: 'Orders imported twice',
	created_at: '2025-11-25T21:10:00+00:00',
} );

/**
 * Every request the page makes for an automation, answered; `overrides`
 * replace single routes.
 *
 * @param id        Automation id.
 * @param config    GET /automations/{id}.
 * @param overrides Routes to answer differently.
 */
function siteWith(
	id: string,
	config: unknown,
	overrides: Routes = {}
): Routes {
	return {
		[ `GET ${ NS }/status` ]: () => statusPayload(),
		[ `GET ${ NS }/automations/${ id }` ]: () => config,
		[ `GET ${ NS }/cron-hooks` ]: () => cronHooksPayload(),
		[ `GET ${ NS }/providers` ]: () => [],
		[ `GET ${ NS }/runs?automation=${ id }&page=1&per_page=1` ]: () =>
			page( [ shopRun ] ),
		[ `GET ${ NS }/runs/42` ]: () => shopRun,
		[ `GET ${ NS }/audit?scope=automation%3A${ id }&page=1&per_page=20` ]:
			() => page( [ shopPause ] ),
		[ `GET ${ NS }/runs?automation=${ id }&page=1&per_page=10` ]: () =>
			page( [ shopRun ] ),
		[ `GET ${ NS }/audit?scope=automation%3A${ id }&page=1&per_page=10` ]:
			() => page( [ shopPause ] ),
		...overrides,
	};
}

function renderPage( id: string ) {
	const registry = createTestRegistry();
	registry.register( providersStore );
	const navigate = vi.fn();
	renderWithStores( <AutomationView id={ id } navigate={ navigate } />, {
		registry,
	} );
	return { navigate, registry };
}

describe( 'AutomationView', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
		vi.spyOn( console, 'error' ).mockImplementation( () => {} );
		window.history.replaceState(
			null,
			'',
			'/wp-admin/admin.php?page=sophmate-safe-mode&view=automation&id=shop_sync'
		);
	} );

	it( 'opened by URL, loads the one automation and shows who owns it, its state, decision and actions', async () => {
		routeApiFetch( siteWith( 'shop_sync', SHOP_SYNC ) );
		const user = userEvent.setup();
		const { navigate } = renderPage( 'shop_sync' );

		const header = await screen.findByRole( 'heading', {
			level: 2,
			name: 'Shop sync',
		} );
		expect( header ).toBeTruthy();
		expect( screen.getByTestId( 'automation-state' ).textContent ).toBe(
			'Paused'
		);
		expect(
			screen.getByTestId( 'automation-decision' ).textContent
		).toContain( 'Orders imported twice' );
		expect(
			screen.getByRole( 'link', { name: 'Restart Shop sync' } )
		).toBeTruthy();

		await user.click( screen.getByRole( 'link', { name: 'Commerce' } ) );
		expect( navigate ).toHaveBeenCalledWith( {
			view: 'category',
			slug: 'commerce',
		} );
		expect( requestedRoutes() ).toContain(
			`GET ${ NS }/automations/shop_sync`
		);
		expect( requestedRoutes() ).not.toContain(
			`GET ${ NS }/automations?per_page=200`
		);
	} );

	it( 'flags each missing checklist item and counts them', async () => {
		routeApiFetch( siteWith( 'shop_sync', SHOP_SYNC ) );
		renderPage( 'shop_sync' );

		const checklist = await screen.findByTestId( 'automation-checklist' );
		await waitFor( () =>
			expect(
				within( checklist ).getByTestId(
					'automation-checklist-summary'
				).textContent
			).toBe( '5 of 8 items missing' )
		);
		expect(
			within( checklist ).getByTestId( 'checklist-trigger' ).className
		).toBe( 'is-missing' );
		expect(
			within( checklist ).getByTestId( 'checklist-owner' ).textContent
		).toContain( 'Ada Admin' );
		expect(
			within( checklist ).getByTestId( 'checklist-retry' ).textContent
		).toContain( 'Up to 3 attempts, 120 s apart.' );
		expect(
			within( checklist ).getByTestId( 'checklist-kill_switch' ).className
		).toBe( 'is-done' );
	} );

	it( 'shows the bound cron hook with its next run, and providers with their status', async () => {
		routeApiFetch(
			siteWith( 'newsletter-digest', DIGEST, {
				[ `GET ${ NS }/providers` ]: () => [
					{
						slug: 'mailchimp',
						label: 'Mailchimp',
						hosts: [ '*.api.mailchimp.com' ],
						status: 'outage',
						checked_at: null,
					},
				],
			} )
		);
		renderPage( 'newsletter-digest' );

		const bindings = await screen.findByTestId( 'automation-bindings' );
		await waitFor( () =>
			expect( bindings.textContent ).toContain( 'Mailchimp (outage)' )
		);
		expect( bindings.textContent ).toContain( 'No retry policy' );
	} );

	it( 'shows the next run of a bound cron hook', async () => {
		routeApiFetch( siteWith( 'shop_sync', SHOP_SYNC ) );
		renderPage( 'shop_sync' );

		const bindings = await screen.findByTestId( 'automation-bindings' );
		await waitFor( () =>
			expect( bindings.textContent ).toContain(
				'shop_hourly_sync — next run'
			)
		);
		expect(
			bindings.querySelector( 'time' )?.getAttribute( 'dateTime' )
		).toBe( '2025-11-25T21:30:00Z' );
	} );

	it( 'explains the last run: trigger, outcome, highlighted failed step, records, the pause, and links the full run', async () => {
		routeApiFetch( siteWith( 'shop_sync', SHOP_SYNC ) );
		const user = userEvent.setup();
		const { navigate } = renderPage( 'shop_sync' );

		const explanation = await screen.findByTestId( 'last-run-explanation' );
		await waitFor( () =>
			expect(
				within( explanation ).getByTestId( 'last-run-failed-step' )
					.textContent
			).toBe( 'It failed at step “send”: SMTP refused the message' )
		);
		expect( explanation.textContent ).toContain(
			'Started by WP-Cron (hook “shop_hourly_sync”)'
		);
		expect( explanation.textContent ).toContain( 'it took 5 seconds.' );
		expect( explanation.textContent ).toContain( 'It spent 0.12 usd.' );
		expect( explanation.textContent ).toContain(
			'send — failed (1 second)'
		);

		const records = within( explanation ).getByTestId(
			'last-run-touched-records'
		);
		expect(
			within( records )
				.getByRole( 'link', { name: 'post #17' } )
				.getAttribute( 'href' )
		).toBe( 'https://example.test/wp-admin/post.php?post=17&action=edit' );
		expect( records.textContent ).toContain( 'order #A-9 (read)' );

		await waitFor( () =>
			expect(
				within( explanation ).getByTestId( 'last-run-switch-story' )
					.textContent
			).toMatch( /Paused by Ada Admin on .+: Orders imported twice/ )
		);
		expect(
			within( explanation ).getByTestId( 'last-run-switch-story' )
				.textContent
		).toContain( 'It is paused now.' );

		await user.click(
			within( explanation ).getByRole( 'link', {
				name: 'Open the full run #42',
			} )
		);
		expect( navigate ).toHaveBeenCalledWith( { view: 'run', id: 42 } );
		expect( requestedRoutes() ).toContain( `GET ${ NS }/runs/42` );
	} );

	it( 'reads the audit events again when the switch changes, so a restart shows in the story', async () => {
		const AUDIT = `GET ${ NS }/audit?scope=automation%3Ashop_sync&page=1&per_page=20`;
		let restarted = false;
		const restart = auditEventPayload( {
			id: 10,
			scope: 'automation:shop_sync',
			action: 'restart',
			before: 'paused',
			after: 'trial',
			reason: 'Dedup fixed',
			created_at: '2025-11-25T22:00:00+00:00',
			actor: { id: 2, login: 'bo', name: 'Bo Boss' },
		} );
		routeApiFetch(
			siteWith( 'shop_sync', SHOP_SYNC, {
				[ `GET ${ NS }/status` ]: () => {
					const status = statusPayload();
					if ( restarted ) {
						const shop = status.automations.find(
							( a ) => a.id === 'shop_sync'
						);
						Object.assign( shop ?? {}, {
							state: 'trial',
							paused: false,
							switch: {
								...shop?.switch,
								state: 'trial',
								reason: 'Dedup fixed',
								since: '2025-11-25T22:00:00+00:00',
							},
						} );
					}
					return status;
				},
				[ AUDIT ]: () =>
					page( restarted ? [ restart, shopPause ] : [ shopPause ] ),
			} )
		);
		const { registry } = renderPage( 'shop_sync' );
		const story = async () =>
			( await screen.findByTestId( 'last-run-switch-story' ) )
				.textContent ?? '';
		await waitFor( async () =>
			expect( await story() ).toContain( 'It is paused now.' )
		);

		restarted = true;
		await registry.dispatch( statusStore ).refreshStatus();

		await waitFor( async () =>
			expect( await story() ).toMatch(
				/Restarted by Bo Boss on .+: Dedup fixed/
			)
		);
		expect(
			requestedRoutes().filter( ( r ) => r === AUDIT ).length
		).toBeGreaterThanOrEqual( 2 );
	} );

	it( 'says when the automation has not run yet', async () => {
		routeApiFetch(
			siteWith( 'shop_sync', SHOP_SYNC, {
				[ `GET ${ NS }/runs?automation=shop_sync&page=1&per_page=1` ]:
					() => page( [] ),
			} )
		);
		renderPage( 'shop_sync' );

		const explanation = await screen.findByTestId( 'last-run-explanation' );
		await waitFor( () =>
			expect( explanation.textContent ).toContain(
				'This automation has not run yet.'
			)
		);
		expect( requestedRoutes() ).not.toContain( `GET ${ NS }/runs/42` );
	} );

	it( 'shows a failed section’s error and keeps the rest of the page', async () => {
		routeApiFetch(
			siteWith( 'shop_sync', SHOP_SYNC, {
				[ `GET ${ NS }/runs?automation=shop_sync&page=1&per_page=1` ]:
					() => {
						throw restError( 'db_down', 'Database is down.', 500 );
					},
			} )
		);
		renderPage( 'shop_sync' );

		const explanation = await screen.findByTestId( 'last-run-explanation' );
		await waitFor( () =>
			expect( explanation.textContent ).toContain(
				'The last run could not be loaded. Database is down.'
			)
		);
		expect(
			within( explanation ).getByRole( 'button', { name: 'Try again' } )
		).toBeTruthy();
		await waitFor( () =>
			expect(
				screen.getByTestId( 'automation-checklist-summary' ).textContent
			).toBe( '5 of 8 items missing' )
		);
	} );

	it( 'shows the header from the status when the configuration fails, with the error in its sections', async () => {
		routeApiFetch(
			siteWith( 'shop_sync', null, {
				[ `GET ${ NS }/automations/shop_sync` ]: () => {
					throw restError( 'db_down', 'Database is down.', 500 );
				},
			} )
		);
		renderPage( 'shop_sync' );

		await screen.findByRole( 'heading', { level: 2, name: 'Shop sync' } );
		const checklist = screen.getByTestId( 'automation-checklist' );
		await waitFor( () =>
			expect( checklist.textContent ).toContain(
				'The automation’s configuration could not be loaded. Database is down.'
			)
		);
	} );

	it( 'says an unknown automation does not exist and links back to the overview', async () => {
		routeApiFetch(
			siteWith( 'nope', null, {
				[ `GET ${ NS }/automations/nope` ]: () => {
					throw restError(
						'sophmate_not_found',
						'Unknown automation "nope".',
						404
					);
				},
			} )
		);
		const user = userEvent.setup();
		const { navigate } = renderPage( 'nope' );

		const message = await screen.findByTestId( 'automation-not-found' );
		expect( message.textContent ).toContain(
			'There is no automation with this id.'
		);
		await user.click(
			screen.getByRole( 'link', { name: '← Back to the overview' } )
		);
		expect( navigate ).toHaveBeenCalledWith( { view: 'overview' } );
		expect( screen.queryByTestId( 'last-run-explanation' ) ).toBeNull();
	} );
} );
