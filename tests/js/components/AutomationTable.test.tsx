import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { Status } from '../../../src/api';
import { AutomationTable } from '../../../src/components/AutomationTable';
import { statusStore } from '../../../src/store/status';
import {
	apiFetchMock,
	lastBody,
	requestedRoutes,
	routeApiFetch,
	type Routes,
} from '../support/api-fetch';
import {
	automationConfigPayload,
	cronHooksPayload,
	statusPayload,
} from '../support/fixtures';
import {
	createTestRegistry,
	managerBoot,
	snackbarTexts,
	pauserBoot,
	renderWithStores,
} from '../support/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const STATUS = 'GET /sophmate-safe-mode/v1/status';
const AUTOMATIONS = 'GET /sophmate-safe-mode/v1/automations?per_page=200';
const CRON_HOOKS = 'GET /sophmate-safe-mode/v1/cron-hooks';

function route( extra: Routes = {}, status: () => Status = statusPayload ) {
	routeApiFetch( {
		[ STATUS ]: status,
		[ AUTOMATIONS ]: () => automationConfigPayload(),
		[ CRON_HOOKS ]: () => cronHooksPayload(),
		...extra,
	} );
}

async function renderTable( boot = managerBoot ) {
	const registry = createTestRegistry();
	await registry.resolveSelect( statusStore ).getStatus();
	renderWithStores( <AutomationTable navigate={ vi.fn() } />, {
		registry,
		boot,
	} );
	return registry;
}

function row( id: string ) {
	return screen.getByTestId( `automation-row-${ id }` );
}

describe( 'AutomationTable', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
		route();
	} );

	it( 'shows what each automation is, its own state and the switch that decided what it may do', async () => {
		await renderTable();

		const digest = row( 'newsletter-digest' );
		expect(
			screen.getByTestId( 'automation-state-newsletter-digest' )
				.textContent
		).toBe( 'Running' );
		expect( digest.textContent ).toContain( 'Newsletter digest' );
		expect( digest.textContent ).toContain( 'Workflow' );
		expect( digest.textContent ).toContain( 'Marketing' );
		expect( digest.textContent ).toContain( 'Ada Admin' );
		expect( digest.textContent ).toContain( 'Live' );
		expect(
			digest.querySelector( '.sophmate-safe-mode__effective' )
				?.textContent
		).toBe( 'Blocked by category:marketing' );
		expect( digest.textContent ).toContain(
			'Paused (category:marketing): Newsletter went out twice'
		);

		const refund = row( 'refund-sync' );
		expect(
			refund.querySelector( '.sophmate-safe-mode__effective' )
				?.textContent
		).toBe( 'Read-only by category:commerce' );
		expect( refund.textContent ).toContain( 'No owner' );
		expect( refund.textContent ).toContain( 'Commerce' );
		expect( refund.textContent ).toContain( 'Watcher' );
	} );

	it( 'shows who paused an automation, why and when', async () => {
		await renderTable();

		const shop = row( 'shop_sync' );
		expect(
			screen.getByTestId( 'automation-state-shop_sync' ).textContent
		).toBe( 'Paused' );
		expect( shop.textContent ).toContain( 'Orders imported twice' );
		expect( shop.textContent ).toContain( 'By Ada Admin via REST API' );
		expect( shop.querySelector( 'time' )?.getAttribute( 'datetime' ) ).toBe(
			'2025-11-25T21:10:00+00:00'
		);
		expect(
			shop.querySelector( '.sophmate-safe-mode__effective' )?.textContent
		).toBe( 'Blocked by automation:shop_sync' );
	} );

	it( 'adds the bound cron hooks and where the automation comes from once loaded', async () => {
		await renderTable();

		await waitFor( () =>
			expect( row( 'shop_sync' ).textContent ).toContain(
				'Cron hooks: shop_hourly_sync'
			)
		);
		expect( row( 'shop_sync' ).textContent ).toContain(
			'Created in the admin'
		);
		expect( row( 'newsletter-digest' ).textContent ).toContain(
			'Registered by code'
		);
	} );

	it( 'names the row actions after the automation and offers them by state and capability', async () => {
		const trial = () => {
			const status = statusPayload();
			const refund = status.automations[ 1 ];
			if ( refund ) {
				refund.state = 'trial';
			}
			return status;
		};
		route( {}, trial );
		await renderTable();

		expect(
			within( row( 'newsletter-digest' ) ).getByRole( 'button', {
				name: 'Pause Newsletter digest',
			} )
		).toBeTruthy();
		expect(
			within( row( 'shop_sync' ) ).getByRole( 'link', {
				name: 'Restart Shop sync',
			} ).textContent
		).toBe( 'Review and restart…' );
		expect(
			within( row( 'refund-sync' ) ).getByRole( 'button', {
				name: 'Promote Refund sync',
			} ).textContent
		).toBe( 'Promote to running' );
	} );

	it( 'lets someone who may only pause pause, but not restart, and hides the cron-hook form', async () => {
		await renderTable( pauserBoot );

		expect(
			within( row( 'newsletter-digest' ) ).getByRole( 'button', {
				name: 'Pause Newsletter digest',
			} )
		).toBeTruthy();
		expect(
			within( row( 'shop_sync' ) ).queryAllByRole( 'button' )
		).toEqual( [] );
		expect(
			screen.queryByRole( 'form', { name: 'Govern a cron hook' } )
		).toBeNull();
	} );

	it( 'pauses one automation through the pause dialog on the automation’s own route', async () => {
		const PAUSE =
			'POST /sophmate-safe-mode/v1/automations/newsletter-digest/pause';
		route( {
			[ PAUSE ]: () => ( {
				changed: true,
				scope: 'automation:newsletter-digest',
				state: 'paused',
				switch: null,
			} ),
		} );
		const user = userEvent.setup();
		await renderTable();

		await user.click(
			within( row( 'newsletter-digest' ) ).getByRole( 'button', {
				name: 'Pause Newsletter digest',
			} )
		);
		const dialog = screen.getByRole( 'dialog', {
			name: 'Pause Newsletter digest',
		} );
		expect( dialog.textContent ).toContain(
			'Other automations keep running.'
		);
		await user.type(
			within( dialog ).getByLabelText( 'Reason' ),
			'Sent to the wrong list'
		);
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Pause' } )
		);

		await waitFor( () =>
			expect( snackbarTexts() ).toEqual( [
				'Newsletter digest is paused.',
			] )
		);
		expect( lastBody( PAUSE ) ).toEqual( {
			reason: 'Sent to the wrong list',
		} );
		expect(
			requestedRoutes().filter( ( r ) => r.startsWith( 'POST' ) )
		).toEqual( [ PAUSE ] );
	} );

	it( 'sends a restart to the automation’s own review, not a dialog', async () => {
		await renderTable();
		const link = within( row( 'shop_sync' ) ).getByRole( 'link', {
			name: 'Restart Shop sync',
		} );
		expect( link.getAttribute( 'href' ) ).toContain(
			'view=review&scope=automation%3Ashop_sync'
		);
	} );

	it( 'explains how automations get here when there are none', async () => {
		route( {}, () => ( { ...statusPayload(), automations: [] } ) );
		await renderTable();

		const empty = screen.getByTestId( 'automations-empty' );
		expect( empty.textContent ).toContain(
			'No automations are governed yet.'
		);
		expect( empty.textContent ).toContain(
			'sophmate_safe_mode_register_automation()'
		);
		expect( empty.textContent ).toContain( 'with the form below' );
		expect( screen.queryByRole( 'table' ) ).toBeNull();
		expect(
			screen.getByRole( 'form', { name: 'Govern a cron hook' } )
		).toBeTruthy();
	} );
} );
