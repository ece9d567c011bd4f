import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { ReadinessPanel } from '../../src/components/readiness';
import { apiFetchMock, lastBody, routeApiFetch } from './support/api-fetch';
import {
	automationConfigPayload,
	restError,
	statusPayload,
} from './support/fixtures';
import { renderWithStores } from './support/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const READINESS = 'GET /sophmate-safe-mode/v1/automations/shop_sync/readiness';
const RUN = 'GET /sophmate-safe-mode/v1/runs/41';
const MODE = 'POST /sophmate-safe-mode/v1/automations/shop_sync/mode';
const AT = '2026-11-26T02:00:00Z';

const config = {
	...automationConfigPayload()[ 1 ]!,
	mode: 'read_only' as const,
};

function readiness() {
	return {
		id: 'shop_sync',
		mode: 'read_only',
		next: 'live',
		ready: false,
		missing: [
			{
				id: 'reviewed_runs',
				label: 'Review at least 1 successful read-only runs (0 reviewed).',
			},
		],
		read_only_runs: { succeeded: 1, required: 1 },
		drill: {
			id: 7,
			passed: true,
			covers: true,
			finished_at: AT,
			environment: 'staging',
		},
		environment: 'staging',
		mode_from_code: false,
		candidates: [
			{
				id: 41,
				trigger: 'cron',
				started_at: AT,
				finished_at: AT,
				steps: 1,
				affected_records: 1,
			},
		],
	};
}

const run = {
	id: 41,
	automation: 'shop_sync',
	category: 'commerce',
	trigger: 'cron',
	status: 'succeeded',
	started_at: AT,
	finished_at: AT,
	read_only: true,
	attempt: 1,
	failed_step: null,
	error: null,
	spend: {},
	decided_by: 'readiness',
	reason: '"shop_sync" is in read-only mode until it is made live.',
	affected_records: [
		{ type: 'order', id: '12', action: 'read', run_id: 41 },
	],
	steps: [ { name: 'load orders', at: AT } ],
};

describe( 'ReadinessPanel', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
		routeApiFetch( {
			'GET /sophmate-safe-mode/v1/status': () => statusPayload(),
			[ READINESS ]: () => readiness(),
			[ RUN ]: () => run,
			[ MODE ]: () => {
				throw restError(
					'sophmate_not_ready',
					'"shop_sync" cannot go live yet.',
					409,
					{
						missing: [
							{
								id: 'drill_failed',
								label: 'The last pause drill of "commerce" failed.',
							},
						],
					}
				);
			},
		} );
	} );

	it( 'lets a run be ticked reviewed only after it was opened, sends it, and shows the refusal inline', async () => {
		const user = userEvent.setup();
		renderWithStores(
			<ReadinessPanel config={ config } navigate={ vi.fn() } />
		);
		const item = await screen.findByTestId( 'readiness-run-41' );
		const reviewed = within( item ).getByRole( 'checkbox', {
			name: 'Reviewed',
		} );
		expect( ( reviewed as HTMLInputElement ).disabled ).toBe( true );
		expect( screen.getByTestId( 'readiness-drill' ).textContent ).toContain(
			'passed and covered this automation'
		);

		await user.click(
			within( item ).getByRole( 'button', { name: 'Open run #41' } )
		);
		await within( item ).findByText( 'read order #12' );
		expect( ( reviewed as HTMLInputElement ).disabled ).toBe( false );
		await user.click( reviewed );
		expect( screen.getByTestId( 'readiness-next' ).textContent ).toBe(
			'Ready for Live.'
		);

		await user.click( screen.getByRole( 'button', { name: 'Take live' } ) );
		await waitFor( () =>
			expect(
				screen.getByTestId( 'readiness-refused' ).textContent
			).toContain( 'The last pause drill of "commerce" failed.' )
		);
		expect( lastBody( MODE ) ).toEqual( {
			mode: 'live',
			reviewed_runs: [ 41 ],
		} );
	} );
} );
