import { render, screen, waitFor, within } from '@testing-library/react';
import { RegistryProvider } from '@wordpress/data';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { App } from '../../../src/App';
import { parseBoot } from '../../../src/boot';
import {
	apiFetchMock,
	requestedRoutes,
	routeApiFetch,
} from '../support/api-fetch';
import {
	automationConfigPayload,
	categoryConfigPayload,
	cronHooksPayload,
	restError,
	statusPayload,
} from '../support/fixtures';
import { createTestRegistry, managerBoot } from '../support/render';
import { statsPayload } from '../support/stats-fixtures';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const STATUS = 'GET /sophmate-safe-mode/v1/status';
const CATEGORIES = 'GET /sophmate-safe-mode/v1/categories?per_page=100';
const AUTOMATIONS = 'GET /sophmate-safe-mode/v1/automations?per_page=200';
const CRON_HOOKS = 'GET /sophmate-safe-mode/v1/cron-hooks';
const STATS = 'GET /sophmate-safe-mode/v1/stats?window=24h';

function renderApp( bootValue: unknown ) {
	const registry = createTestRegistry();
	return render(
		<RegistryProvider value={ registry }>
			<App boot={ parseBoot( bootValue ) } />
		</RegistryProvider>
	);
}

describe( 'Automation Safety page', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'loads the status, category policies, automation bindings and cron hooks, and lists every category and automation', async () => {
		routeApiFetch( {
			[ STATUS ]: () => statusPayload(),
			[ CATEGORIES ]: () => categoryConfigPayload(),
			[ AUTOMATIONS ]: () => automationConfigPayload(),
			[ CRON_HOOKS ]: () => cronHooksPayload(),
			[ STATS ]: () => statsPayload(),
		} );

		renderApp( managerBoot );

		expect(
			screen.getByRole( 'heading', {
				level: 1,
				name: 'Automation Safety',
			} )
		).toBeTruthy();
		const marketing = await screen.findByTestId( 'category-row-marketing' );
		expect( screen.getByTestId( 'safe-mode-panel' ).textContent ).toContain(
			'Safe mode is off'
		);
		expect(
			screen
				.getAllByTestId( /^category-row-/ )
				.map( ( row ) => row.dataset.testid )
		).toEqual( [
			'category-row-marketing',
			'category-row-content',
			'category-row-commerce',
		] );
		await waitFor( () =>
			expect( marketing.textContent ).toContain( 'Running jobs: finish' )
		);
		expect(
			screen
				.getAllByTestId( /^automation-row-/ )
				.map( ( row ) => row.dataset.testid )
		).toEqual( [
			'automation-row-newsletter-digest',
			'automation-row-refund-sync',
			'automation-row-shop_sync',
		] );
		expect(
			screen.getByRole( 'form', { name: 'Govern a cron hook' } )
		).toBeTruthy();
		await waitFor( () =>
			expect( requestedRoutes().sort() ).toEqual( [
				AUTOMATIONS,
				CATEGORIES,
				CRON_HOOKS,
				STATS,
				STATUS,
			] )
		);
	} );

	it( 'shows no cron-hook form, and loads no cron hooks, for someone who may only pause', async () => {
		routeApiFetch( {
			[ STATUS ]: () => statusPayload(),
			[ CATEGORIES ]: () => categoryConfigPayload(),
			[ AUTOMATIONS ]: () => automationConfigPayload(),
		} );

		renderApp( { ...managerBoot, canManage: false } );

		await screen.findByTestId( 'automation-row-shop_sync' );
		expect(
			screen.queryByRole( 'form', { name: 'Govern a cron hook' } )
		).toBeNull();
		expect( requestedRoutes() ).not.toContain( CRON_HOOKS );
	} );

	it( 'shows the server’s message when the status cannot be loaded', async () => {
		routeApiFetch( {
			[ STATUS ]: () => {
				throw restError(
					'rest_forbidden',
					'Sorry, you are not allowed to do that.',
					403
				);
			},
		} );

		renderApp( managerBoot );

		await waitFor( () =>
			expect(
				document.querySelector( '.components-notice.is-error' )
					?.textContent
			).toContain(
				'The status could not be loaded. Sorry, you are not allowed to do that.'
			)
		);
		expect( screen.queryByTestId( 'safe-mode-panel' ) ).toBeNull();
	} );

	it( 'explains invalid boot data instead of calling the API', () => {
		renderApp( { namespace: 'sophmate-safe-mode/v1', canManage: 'yes' } );

		const notice = document.querySelector( '.components-notice.is-error' );
		expect( notice?.textContent ).toContain( 'canManage' );
		expect( apiFetchMock ).not.toHaveBeenCalled();
	} );

	it( 'refuses to run against another API version', () => {
		renderApp( { ...managerBoot, namespace: 'sophmate-safe-mode/v2' } );

		const notice = document.querySelector( '.components-notice.is-error' );
		expect( notice?.textContent ).toContain( 'sophmate-safe-mode/v2' );
		expect( apiFetchMock ).not.toHaveBeenCalled();
	} );

	it( 'does not warn about policies a pauser may not read', async () => {
		routeApiFetch( {
			[ STATUS ]: () => statusPayload(),
			[ CATEGORIES ]: () => {
				throw restError( 'rest_forbidden', 'Sorry.', 403 );
			},
			[ AUTOMATIONS ]: () => automationConfigPayload(),
		} );

		renderApp( { ...managerBoot, canManage: false } );

		const row = await screen.findByTestId( 'category-row-content' );
		await waitFor( () =>
			expect( row.textContent ).toContain( 'Policy not available' )
		);
		expect(
			within( document.body ).queryByText(
				/Pause policies could not be loaded/
			)
		).toBeNull();
	} );
} );
