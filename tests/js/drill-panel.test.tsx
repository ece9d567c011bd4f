import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { DrillReport } from '../../src/api/drills';
import { DrillPanel } from '../../src/components/drills';
import {
	apiFetchMock,
	requestedRoutes,
	routeApiFetch,
} from './support/api-fetch';
import { statusPayload } from './support/fixtures';
import { pauserBoot, renderWithStores, snackbarTexts } from './support/render';
import { rawResponse } from './support/runs-fixtures';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const NS = '/sophmate-safe-mode/v1';
const LIST = `GET ${ NS }/drills?category=marketing&page=1&per_page=10`;
const RUN = `POST ${ NS }/drills`;

function report( overrides: Partial< DrillReport > = {} ): DrillReport {
	return {
		id: 7,
		category: 'marketing',
		category_label: 'Marketing',
		outcome: 'passed',
		environment: 'staging',
		started_at: '2026-11-25T12:00:00Z',
		finished_at: '2026-11-25T12:00:01Z',
		actor: { id: 1, login: 'admin', name: 'Ada Admin' },
		automations: [ 'newsletter-digest' ],
		prior_state: 'running',
		restored_state: 'running',
		state_restored: true,
		bindings: [
			{
				automation: 'newsletter-digest',
				type: 'cron',
				target: 'acme_send',
				exercised: true,
				passed: true,
				detail: 'A due event of acme_send was held, not run (queued: hold).',
			},
		],
		summary: { total: 1, passed: 1, failed: 0, not_exercised: 0 },
		paused_immediately: [ 'New runs of 1 automation(s) are refused.' ],
		would_finish: [],
		needs_cleanup: [],
		restart: { owner: null, owners: [], detail: 'Nobody is named.' },
		failure_reason: null,
		review_url: 'https://example.test/wp-admin/admin.php',
		...overrides,
	};
}

describe( 'DrillPanel', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'says when no drill ran, runs one after confirming and shows its report', async () => {
		routeApiFetch( {
			[ `GET ${ NS }/status` ]: () => statusPayload(),
			[ LIST ]: () => rawResponse( [], { 'X-WP-Total': '0' } ),
			[ RUN ]: () => report(),
		} );
		renderWithStores( <DrillPanel slug="marketing" /> );

		expect( await screen.findByTestId( 'drill-none' ) ).toBeTruthy();
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Run pause drill' } )
		);
		const dialog = await screen.findByRole( 'dialog', {
			name: 'Run a pause drill of Marketing?',
		} );
		expect( dialog.textContent ).toContain( 'put back exactly' );
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Run pause drill' } )
		);

		const shown = await screen.findByTestId( 'drill-report' );
		expect( shown.dataset.outcome ).toBe( 'passed' );
		expect( screen.getByTestId( 'drill-latest' ).textContent ).toContain(
			'in staging'
		);
		expect( screen.queryByRole( 'dialog' ) ).toBeNull();
		await waitFor( () =>
			expect( snackbarTexts() ).toContain(
				'Pause drill of Marketing passed: 1 of 1 bindings held.'
			)
		);
		expect( requestedRoutes().filter( ( r ) => r === RUN ) ).toHaveLength(
			1
		);
	} );

	it( 'keeps the dialog open with the server’s refusal', async () => {
		routeApiFetch( {
			[ `GET ${ NS }/status` ]: () => statusPayload(),
			[ LIST ]: () =>
				rawResponse(
					[
						report( {
							id: 3,
							outcome: 'failed',
							failure_reason: 'cron got through',
						} ),
					],
					{
						'X-WP-Total': '1',
					}
				),
			[ RUN ]: () => {
				throw {
					code: 'sophmate_drill_running',
					message: 'A pause drill of "marketing" is already running.',
					data: { status: 409 },
				};
			},
		} );
		renderWithStores( <DrillPanel slug="marketing" /> );

		expect(
			( await screen.findByTestId( 'drill-report' ) ).dataset.outcome
		).toBe( 'failed' );
		await userEvent.click(
			screen.getByRole( 'button', { name: 'Run pause drill' } )
		);
		const dialog = await screen.findByRole( 'dialog' );
		await userEvent.click(
			within( dialog ).getByRole( 'button', { name: 'Run pause drill' } )
		);
		expect(
			await within( dialog ).findByText( /already running/ )
		).toBeTruthy();
	} );

	it( 'offers no drill to someone who may only pause and owns nothing here', async () => {
		routeApiFetch( {
			[ `GET ${ NS }/status` ]: () => statusPayload(),
			[ LIST ]: () => rawResponse( [], { 'X-WP-Total': '0' } ),
		} );
		renderWithStores( <DrillPanel slug="marketing" />, {
			boot: { ...pauserBoot, userId: 99 },
		} );

		expect( await screen.findByTestId( 'drill-none' ) ).toBeTruthy();
		expect(
			screen.queryByRole( 'button', { name: 'Run pause drill' } )
		).toBeNull();
	} );
} );
