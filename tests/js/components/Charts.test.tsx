import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { OverviewCharts } from '../../../src/components/charts/OverviewCharts';
import { RunsChart } from '../../../src/components/charts/RunsChart';
import { SpendChart } from '../../../src/components/charts/SpendChart';
import { statsStore } from '../../../src/store/stats';
import { statusStore } from '../../../src/store/status';
import {
	apiFetchMock,
	requestedRoutes,
	routeApiFetch,
} from '../support/api-fetch';
import { statusPayload } from '../support/fixtures';
import { createTestRegistry, renderWithStores } from '../support/render';
import { statsPayload } from '../support/stats-fixtures';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const STATS_24H = 'GET /sophmate-safe-mode/v1/stats?window=24h';
const STATS_7D = 'GET /sophmate-safe-mode/v1/stats?window=7d';

function registryWithStats() {
	const registry = createTestRegistry();
	registry.register( statsStore );
	return registry;
}

async function renderChart( ui: Parameters< typeof renderWithStores >[ 0 ] ) {
	const registry = registryWithStats();
	await registry.dispatch( statusStore ).refreshStatus();
	return renderWithStores( ui, { registry } );
}

describe( 'RunsChart', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
		routeApiFetch( {
			'GET /sophmate-safe-mode/v1/status': () => statusPayload(),
			[ STATS_24H ]: () => statsPayload( '24h' ),
			[ STATS_7D ]: () => statsPayload( '7d' ),
			'GET /sophmate-safe-mode/v1/stats?window=24h&category=marketing':
				() => ( { ...statsPayload( '24h' ), category: 'marketing' } ),
		} );
	} );

	it( 'draws one stacked bar per hour with a summary for assistive technology', async () => {
		const { container } = await renderChart( <RunsChart /> );
		const img = await screen.findByRole( 'img' );
		expect(
			container.querySelectorAll( '.sophmate-chart__bar' )
		).toHaveLength( 24 );
		expect( img.getAttribute( 'aria-label' ) ).toBe(
			'Runs per hour, last 24 hours: 49 runs (37 succeeded, 3 failed, 4 skipped, 3 held, 2 other).'
		);
		// Stacked segments: the busiest hour has succeeded + failed.
		const last = [
			...container.querySelectorAll( '.sophmate-chart__bar' ),
		].pop();
		expect(
			[ ...( last?.querySelectorAll( 'rect' ) ?? [] ) ].map( ( r ) =>
				r.getAttribute( 'data-series' )
			)
		).toEqual( [ 'succeeded', 'failed' ] );
		// Series are told apart by pattern and legend label, not color only.
		expect( screen.getByText( 'Failed', { selector: 'li' } ) ).toBeTruthy();
	} );

	it( 'holds the numbers in a data table that "Show as table" reveals', async () => {
		await renderChart( <RunsChart /> );
		const table = await screen.findByRole( 'table', {
			name: 'Runs per hour by status, last 24 hours',
		} );
		expect( table.parentElement?.className ).toContain(
			'screen-reader-text'
		);
		const rows = within( table ).getAllByRole( 'row' );
		expect( rows ).toHaveLength( 25 );
		const lastCells = within( rows[ 24 ]! )
			.getAllByRole( 'cell' )
			.map( ( c ) => c.textContent );
		expect( lastCells ).toEqual( [ '28', '2', '0', '0', '0', '30' ] );
		const secondLast = within( rows[ 23 ]! )
			.getAllByRole( 'cell' )
			.map( ( c ) => c.textContent );
		expect( secondLast ).toEqual( [ '9', '1', '0', '3', '2', '15' ] );

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Show as table' } )
		);
		expect( table.parentElement?.className ).not.toContain(
			'screen-reader-text'
		);
		expect(
			screen
				.getByRole( 'button', { name: 'Hide table' } )
				.getAttribute( 'aria-expanded' )
		).toBe( 'true' );
	} );

	it( 'toggling to 7 days fetches the other window and draws 168 bars', async () => {
		const { container } = await renderChart( <RunsChart /> );
		await screen.findByRole( 'img' );
		expect( requestedRoutes() ).not.toContain( STATS_7D );

		await userEvent.click(
			screen.getByRole( 'button', { name: 'Last 7 days' } )
		);
		await waitFor( () =>
			expect(
				container.querySelectorAll( '.sophmate-chart__bar' )
			).toHaveLength( 168 )
		);
		expect( requestedRoutes() ).toContain( STATS_7D );
		expect(
			screen
				.getByRole( 'button', { name: 'Last 7 days' } )
				.getAttribute( 'aria-pressed' )
		).toBe( 'true' );
	} );

	it( 'loads one category’s runs when given a category', async () => {
		await renderChart( <RunsChart category="marketing" /> );
		await screen.findByRole( 'img' );
		expect( requestedRoutes() ).toContain(
			'GET /sophmate-safe-mode/v1/stats?window=24h&category=marketing'
		);
	} );

	it( 'says so when the history cannot be loaded', async () => {
		routeApiFetch( {} );
		await renderChart( <RunsChart /> );
		expect(
			await screen.findByText( /Run history could not be loaded/ )
		).toBeTruthy();
	} );
} );

describe( 'SpendChart', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
		routeApiFetch( {
			'GET /sophmate-safe-mode/v1/status': () => statusPayload(),
			[ STATS_24H ]: () => statsPayload( '24h' ),
			[ STATS_7D ]: () => statsPayload( '7d' ),
		} );
	} );

	it( 'shows one bar per day in one unit, with a unit select and a table per category', async () => {
		const { container } = await renderChart( <SpendChart window="24h" /> );
		const img = await screen.findByRole( 'img' );
		expect( img.getAttribute( 'aria-label' ) ).toContain( '2,334 tokens' );
		expect(
			container.querySelectorAll( '.sophmate-chart__bar' )
		).toHaveLength( 2 );
		const table = screen.getByRole( 'table', {
			name: 'Spend per day and category, in tokens',
		} );
		expect(
			within( table )
				.getAllByRole( 'columnheader' )
				.map( ( c ) => c.textContent )
		).toEqual( [ 'Day', 'Content', 'Marketing', 'Total' ] );
		expect(
			within( table )
				.getAllByRole( 'cell' )
				.map( ( c ) => c.textContent )
		).toEqual( [ '0', '800', '800', '300', '1,234', '1,534' ] );

		await userEvent.selectOptions( screen.getByLabelText( 'Unit' ), 'USD' );
		expect(
			container.querySelectorAll( '.sophmate-chart__bar' )
		).toHaveLength( 1 );
		expect(
			screen.getByRole( 'table', {
				name: 'Spend per day and category, in USD',
			} ).textContent
		).toContain( '0.12' );
	} );

	it( 'says when nothing was spent', async () => {
		routeApiFetch( {
			'GET /sophmate-safe-mode/v1/status': () => statusPayload(),
			[ STATS_24H ]: () => ( { ...statsPayload(), spend_per_day: [] } ),
		} );
		await renderChart( <SpendChart window="24h" /> );
		expect(
			await screen.findByText( 'No spend was recorded in this window.' )
		).toBeTruthy();
		expect( screen.queryByLabelText( 'Unit' ) ).toBeNull();
	} );
} );

describe( 'OverviewCharts', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
		routeApiFetch( {
			'GET /sophmate-safe-mode/v1/status': () => statusPayload(),
			[ STATS_24H ]: () => statsPayload( '24h' ),
			[ STATS_7D ]: () => statsPayload( '7d' ),
		} );
	} );

	it( 'one window toggle drives both charts', async () => {
		await renderChart( <OverviewCharts /> );
		expect( await screen.findAllByRole( 'img' ) ).toHaveLength( 2 );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Last 7 days' } )
		);
		await waitFor( () =>
			expect(
				screen.getByRole( 'table', {
					name: 'Runs per hour by status, last 7 days',
				} )
			).toBeTruthy()
		);
		expect(
			requestedRoutes().filter( ( r ) => r === STATS_7D )
		).toHaveLength( 1 );
	} );
} );
