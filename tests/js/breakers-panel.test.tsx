import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { CategoryStatus } from '../../src/api';
import { BreakersPanel } from '../../src/components/breakers';
import { CategoryRow } from '../../src/components/CategoryRow';
import { AuditView } from '../../src/pages/AuditView';
import { breakersStore } from '../../src/store/breakers';
import {
	apiFetchMock,
	lastBody,
	requestedRoutes,
	routeApiFetch,
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
	snackbarTexts,
} from './support/render';
import { rawResponse } from './support/runs-fixtures';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const NS = '/sophmate-safe-mode/v1';
const GET = `GET ${ NS }/categories/marketing`;
const PATCH = `PATCH ${ NS }/categories/marketing`;
const SIMULATE = `POST ${ NS }/categories/marketing/breakers/simulate`;

/** GET /categories/marketing as the server answers it (issue 7 fields). */
function categoryPayload( breakers: Record< string, unknown > = {} ) {
	return {
		...categoryConfigPayload()[ 0 ],
		breakers,
		breaker_state: {
			config: {
				failures: {
					enabled: true,
					consecutive: 5,
					rate_percent: 50,
					window_runs: 20,
					min_runs: 10,
				},
				spend: {
					enabled: true,
					budgets: [ { unit: 'usd', per_hour: 5, per_day: 50 } ],
				},
				...breakers,
			},
			failures: {
				enabled: true,
				consecutive: 2,
				recent_runs: 12,
				rate_percent: 25,
				threshold: {
					consecutive: 5,
					rate_percent: 50,
					window_runs: 20,
					min_runs: 10,
				},
			},
			spend: [
				{
					unit: 'usd',
					last_hour: 5.2,
					last_day: 10,
					per_hour: 5,
					per_day: 50,
				},
			],
			customer_impact: {
				enabled: false,
				count: 12,
				window_minutes: 60,
				max_actions: 100,
			},
			stale_context: [
				{
					automation: 'newsletter-digest',
					age_minutes: 190,
					max_age_minutes: 120,
					source: 'option last_sync',
				},
			],
			last_trip: {
				at: '2026-11-25T14:02:00Z',
				signal: 'failure_rate',
				reason: 'failure rate 60% over last 20 runs ≥ 50%',
			},
		},
	};
}

/**
 * The help (or error) text shown under a field.
 *
 * @param testId The field's test id (on its input).
 */
function helpOf( testId: string ): string {
	const input = screen.getByTestId( testId );
	const id = input.getAttribute( 'aria-describedby' );
	return id ? ( document.getElementById( id )?.textContent ?? '' ) : '';
}

async function renderPanel(
	boot = undefined as typeof pauserBoot | undefined
) {
	const registry = createTestRegistry();
	renderWithStores( <BreakersPanel slug="marketing" />, {
		registry,
		...( boot ? { boot } : {} ),
	} );
	await screen.findByTestId( 'breakers-last-trip' );
	return registry;
}

describe( 'BreakersPanel', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'shows the last trip and the current values next to the thresholds', async () => {
		routeApiFetch( { [ GET ]: () => categoryPayload() } );
		await renderPanel();

		expect(
			screen.getByTestId( 'breakers-last-trip' ).textContent
		).toContain( 'failure rate 60% over last 20 runs ≥ 50%' );
		const failures = screen.getByTestId( 'breakers-now-failures' );
		expect( failures.textContent ).toContain( '2 in a row (trips at 5)' );
		expect( failures.textContent ).toContain(
			'failure rate 25% over the last 12 runs (trips at 50% with at least 10 runs)'
		);
		const spend = screen.getByTestId( 'breakers-now-spend' );
		expect( spend.textContent ).toContain(
			'5.2 usd in the last hour (budget 5)'
		);
		// Over budget is marked.
		expect( spend.querySelector( '.is-over' )?.textContent ).toContain(
			'last hour'
		);
		expect(
			screen.getByTestId( 'breakers-now-stale_context' ).textContent
		).toContain( 'newsletter-digest 3h 10m old (limit 2h)' );
		expect(
			screen.getByTestId( 'breakers-now-customer_impact' ).textContent
		).toContain(
			'12 customer-facing actions in the last 60 min (trips above 100)'
		);
		// The settings in effect (breaker_state.config) fill the form.
		expect(
			(
				screen.getByTestId(
					'breakers-field-spend.budgets.0.per_day'
				) as HTMLInputElement
			 ).value
		).toBe( '50' );
	} );

	it( 'checks fields before saving, and saves the full settings through PATCH /categories/{slug}', async () => {
		routeApiFetch( {
			[ GET ]: () => categoryPayload(),
			[ PATCH ]: () => ( {
				...categoryPayload( {
					failures: {
						enabled: true,
						consecutive: null,
						rate_percent: 40,
						window_runs: 20,
						min_runs: 10,
					},
				} ),
				changed: [ 'breakers' ],
			} ),
		} );
		await renderPanel();

		const rate = screen.getByLabelText( 'Failure rate (%)' );
		await userEvent.clear( rate );
		await userEvent.type( rate, '150' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Save breakers' } )
		);
		expect( helpOf( 'breakers-field-failures.rate_percent' ) ).toContain(
			'Enter a whole number from 1 to 100'
		);
		expect( requestedRoutes() ).not.toContain( PATCH );

		await userEvent.clear( rate );
		await userEvent.type( rate, '40' );
		// The error goes away as soon as the field changes.
		expect(
			helpOf( 'breakers-field-failures.rate_percent' )
		).not.toContain( 'Enter a whole number' );
		await userEvent.clear( screen.getByLabelText( 'Failures in a row' ) );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Save breakers' } )
		);
		await waitFor( () => expect( requestedRoutes() ).toContain( PATCH ) );
		expect( lastBody( PATCH ) ).toEqual( {
			breakers: {
				failures: {
					enabled: true,
					consecutive: null,
					rate_percent: 40,
					window_runs: 20,
					min_runs: 10,
				},
				spend: {
					enabled: true,
					budgets: [ { unit: 'usd', per_hour: 5, per_day: 50 } ],
				},
				stale_context: { enabled: false, max_age_minutes: 120 },
				customer_impact: {
					enabled: false,
					max_actions: 100,
					window_minutes: 60,
				},
				updates: { enabled: false },
				provider_outage: { enabled: true },
			},
		} );
		await waitFor( () =>
			expect( snackbarTexts() ).toContain(
				'Breakers of Marketing saved.'
			)
		);
	} );

	it( 'shows a server 400 next to the field it names', async () => {
		routeApiFetch( {
			[ GET ]: () => categoryPayload(),
			[ PATCH ]: () => {
				throw restError(
					'sophmate_invalid_breakers',
					'breakers.spend.budgets[0] needs per_hour, per_day or both.',
					400,
					{ field: 'breakers.spend.budgets[0]' }
				);
			},
		} );
		await renderPanel();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Save breakers' } )
		);
		await waitFor( () =>
			expect(
				helpOf( 'breakers-field-spend.budgets.0.per_hour' )
			).toContain( 'needs per_hour, per_day or both' )
		);
	} );

	it( 'simulates the draft and lists when it would have tripped', async () => {
		routeApiFetch( {
			[ GET ]: () => categoryPayload(),
			[ SIMULATE ]: () => ( {
				trips: [
					{
						at: '2026-11-25T14:02:00Z',
						scope: 'category:marketing',
						signal: 'failure_rate',
						reason: 'failure rate 30% over last 20 runs ≥ 30%',
					},
					{
						at: '2026-11-26T05:00:00Z',
						scope: 'automation:demo-sync',
						signal: 'stale_context',
						reason: 'context 3h old ≥ 2h (option demo_last_sync)',
						now: true,
					},
				],
				runs_considered: 40,
				since: '2026-11-18T14:02:00Z',
				truncated: false,
			} ),
		} );
		await renderPanel();
		const rate = screen.getByLabelText( 'Failure rate (%)' );
		await userEvent.clear( rate );
		await userEvent.type( rate, '30' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Simulate' } )
		);

		const trips = await screen.findAllByTestId( 'breakers-simulated-trip' );
		expect( trips ).toHaveLength( 2 );
		expect( trips[ 0 ]?.textContent ).toMatch(
			/^Would have tripped at .+: failure rate 30% over last 20 runs ≥ 30%$/
		);
		expect( trips[ 1 ]?.textContent ).toBe(
			'Would trip now: context 3h old ≥ 2h (option demo_last_sync) (automation:demo-sync)'
		);
		expect(
			screen.getByTestId( 'breakers-simulation' ).textContent
		).toContain( '40 runs considered' );
		expect(
			( lastBody( SIMULATE ) as { breakers: { failures: unknown } } )
				.breakers.failures
		).toEqual( {
			enabled: true,
			consecutive: 5,
			rate_percent: 30,
			window_runs: 20,
			min_runs: 10,
		} );
		expect( requestedRoutes() ).not.toContain( PATCH );

		// Editing the draft drops a simulation that no longer describes it.
		await userEvent.type( rate, '5' );
		expect( screen.queryByTestId( 'breakers-simulation' ) ).toBeNull();
	} );

	it( 'suggests a budget when spend is turned on without one', async () => {
		routeApiFetch( {
			[ GET ]: () => ( {
				...categoryPayload(),
				breaker_state: {
					...categoryPayload().breaker_state,
					config: { spend: { enabled: false, budgets: [] } },
				},
			} ),
		} );
		await renderPanel();
		const spend = screen.getByTestId( 'breakers-kind-spend' );
		expect( within( spend ).queryByLabelText( 'Unit' ) ).toBeNull();
		await userEvent.click( within( spend ).getByLabelText( 'On' ) );
		expect(
			( within( spend ).getByLabelText( 'Unit' ) as HTMLInputElement )
				.value
		).toBe( 'usd' );
	} );

	it( 'is read-only for someone who may only pause', async () => {
		routeApiFetch( { [ GET ]: () => categoryPayload() } );
		await renderPanel( pauserBoot );
		expect(
			screen.queryByRole( 'button', { name: 'Save breakers' } )
		).toBeNull();
		expect(
			( screen.getByLabelText( 'Failure rate (%)' ) as HTMLInputElement )
				.disabled
		).toBe( true );
	} );

	it( 'says so when the settings are not available to the user', async () => {
		routeApiFetch( {
			[ GET ]: () => {
				throw restError( 'rest_forbidden', 'No.', 403 );
			},
		} );
		renderWithStores( <BreakersPanel slug="marketing" />, {
			boot: pauserBoot,
		} );
		expect(
			await screen.findByText(
				'Breaker settings are not available to you.'
			)
		).toBeTruthy();
	} );
} );

describe( 'breakers store', () => {
	it( 'keeps one entry per category and ignores a superseded load', async () => {
		let answer = 0;
		routeApiFetch( {
			[ GET ]: () => {
				answer += 1;
				const payload = categoryPayload();
				return answer === 1
					? new Promise( ( resolve ) =>
							setTimeout(
								() => resolve( { ...payload, label: 'Old' } ),
								30
							)
						)
					: { ...payload, label: 'New' };
			},
		} );
		const registry = createTestRegistry();
		const slow = registry
			.dispatch( breakersStore )
			.loadBreakers( 'marketing' );
		await registry.dispatch( breakersStore ).loadBreakers( 'marketing' );
		await slow;
		expect(
			registry.select( breakersStore ).getBreakers( 'marketing' )?.label
		).toBe( 'New' );
		expect(
			registry.select( breakersStore ).getBreakers( 'content' )
		).toBeNull();
	} );
} );

describe( 'trip highlights', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'marks a category a breaker paused on the overview, and only that one', async () => {
		routeApiFetch( {
			[ `GET ${ NS }/status` ]: () => statusPayload(),
			[ `GET ${ NS }/categories?per_page=100` ]: () =>
				categoryConfigPayload(),
		} );
		const base = statusPayload().categories[ 0 ] as CategoryStatus;
		const tripped: CategoryStatus = {
			...base,
			switch: {
				...base.switch!,
				source: 'breaker',
				actor: null,
				reason: 'failure rate 60% over last 20 runs ≥ 50%',
				trip: { signal: 'failure_rate', value: 60, threshold: 50 },
			},
		};
		renderWithStores(
			<table>
				<tbody>
					<CategoryRow category={ tripped } navigate={ vi.fn() } />
				</tbody>
			</table>
		);
		expect(
			screen.getByTestId( 'category-trip-marketing' ).textContent
		).toBe( 'Tripped: failure rate' );
	} );

	it( 'highlights breaker and update rows of the audit log with their signal', async () => {
		const event = ( id: number, source: string, extra = {} ) => ( {
			id,
			created_at: '2026-11-25T14:02:00Z',
			action: 'pause',
			scope: 'category:marketing',
			before: 'running',
			after: 'paused',
			reason: 'x',
			actor: null,
			source,
			context: {},
			hash: 'h',
			...extra,
		} );
		routeApiFetch( {
			[ `GET ${ NS }/audit?page=1&per_page=50` ]: () =>
				rawResponse(
					[
						event( 3, 'breaker', {
							reason: 'spend 5.20 usd in the last hour ≥ 5.00 usd per hour',
							context: {
								signal: 'spend',
								value: 5.2,
								threshold: 5,
							},
						} ),
						event( 2, 'update', {
							reason: 'plugin update: woocommerce 9.1 → 9.2',
							context: { signal: 'update' },
						} ),
						event( 1, 'admin', { reason: 'by hand' } ),
					],
					{ 'X-WP-Total': '3' }
				),
		} );
		renderWithStores(
			<AuditView
				filters={ { scope: '', action: '', since: '', until: '' } }
				page={ 1 }
				navigate={ vi.fn() }
			/>
		);
		const row = await screen.findByTestId( 'audit-row-3' );
		expect( row.className ).toContain( 'is-trip' );
		expect( screen.getByTestId( 'audit-trip-3' ).textContent ).toBe(
			'Tripped: spend'
		);
		expect( screen.getByTestId( 'audit-trip-2' ).textContent ).toBe(
			'Tripped: update'
		);
		expect( screen.getByTestId( 'audit-row-1' ).className ).not.toContain(
			'is-trip'
		);
		expect( screen.queryByTestId( 'audit-trip-1' ) ).toBeNull();
	} );
} );
