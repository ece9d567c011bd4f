import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { RestartModal } from '../../../src/components/RestartModal';
import { statusStore } from '../../../src/store/status';
import { apiFetchMock, lastBody, routeApiFetch } from '../support/api-fetch';
import { restError, statusPayload } from '../support/fixtures';
import { createTestRegistry, renderWithStores } from '../support/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const STATUS = 'GET /sophmate-safe-mode/v1/status';
const RESTART = 'POST /sophmate-safe-mode/v1/categories/marketing/restart';

const ACK_LABELS = [
	'Run history reviewed',
	'Failed steps reviewed',
	'Audit records reviewed',
	'Pending approvals handled',
	'Provider status checked',
	'Affected records checked',
];

async function renderModal() {
	const registry = createTestRegistry();
	await registry.resolveSelect( statusStore ).getStatus();
	const onClose = vi.fn();
	renderWithStores(
		<RestartModal
			target={ { type: 'category', id: 'marketing' } }
			label="Marketing"
			onClose={ onClose }
		/>,
		{ registry }
	);
	const dialog = screen.getByRole( 'dialog', { name: 'Restart Marketing' } );
	return {
		onClose,
		dialog,
		submit: within( dialog ).getByRole( 'button', {
			name: 'Restart in trial',
		} ) as HTMLButtonElement,
	};
}

describe( 'RestartModal', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
		routeApiFetch( {
			[ STATUS ]: () => statusPayload(),
			[ RESTART ]: () => ( {
				changed: true,
				scope: 'category:marketing',
				state: 'trial',
				switch: null,
			} ),
		} );
	} );

	it( 'enables Restart only once all six acknowledgements are ticked', async () => {
		const user = userEvent.setup();
		const { dialog, submit } = await renderModal();

		for ( const label of ACK_LABELS ) {
			expect( submit.disabled ).toBe( true );
			await user.click( within( dialog ).getByLabelText( label ) );
		}
		expect( submit.disabled ).toBe( false );

		await user.click( within( dialog ).getByLabelText( ACK_LABELS[ 3 ]! ) );
		expect( submit.disabled ).toBe( true );
	} );

	it( 'sends all six acknowledgements, the note and the trial scope', async () => {
		const user = userEvent.setup();
		const { dialog, submit, onClose } = await renderModal();

		for ( const label of [ ...ACK_LABELS ].reverse() ) {
			await user.click( within( dialog ).getByLabelText( label ) );
		}
		await user.type(
			within( dialog ).getByLabelText( 'Note' ),
			'Deduplicated the list'
		);
		await user.type( within( dialog ).getByLabelText( 'Trial runs' ), '2' );
		await user.click(
			within( dialog ).getByLabelText( 'Read-only trial' )
		);
		await user.click(
			within( dialog ).getByLabelText( 'Newsletter digest' )
		);
		await user.click( submit );

		await waitFor( () => expect( onClose ).toHaveBeenCalled() );
		expect( lastBody( RESTART ) ).toEqual( {
			acknowledged: [
				'run_history',
				'failed_steps',
				'audit_records',
				'pending_approvals',
				'provider_status',
				'affected_records',
			],
			note: 'Deduplicated the list',
			scope: {
				automations: [ 'newsletter-digest' ],
				max_runs: 2,
				read_only: true,
			},
		} );
	} );

	it( 'sends no scope when the trial is not narrowed', async () => {
		const user = userEvent.setup();
		const { dialog, submit, onClose } = await renderModal();

		for ( const label of ACK_LABELS ) {
			await user.click( within( dialog ).getByLabelText( label ) );
		}
		await user.click( submit );

		await waitFor( () => expect( onClose ).toHaveBeenCalled() );
		expect( lastBody( RESTART ) ).not.toHaveProperty( 'scope' );
	} );

	it( 'refuses a trial run count that is not a positive whole number', async () => {
		const user = userEvent.setup();
		const { dialog, submit } = await renderModal();
		for ( const label of ACK_LABELS ) {
			await user.click( within( dialog ).getByLabelText( label ) );
		}

		await user.type( within( dialog ).getByLabelText( 'Trial runs' ), '0' );

		expect( submit.disabled ).toBe( true );
	} );

	it( 'shows the server’s message when the restart is refused', async () => {
		routeApiFetch( {
			[ RESTART ]: () => {
				throw restError(
					'sophmate_provider_outage',
					'Mailchimp reports an outage.',
					409
				);
			},
		} );
		const user = userEvent.setup();
		const { dialog, submit, onClose } = await renderModal();
		for ( const label of ACK_LABELS ) {
			await user.click( within( dialog ).getByLabelText( label ) );
		}

		await user.click( submit );

		expect(
			await within( dialog ).findByText( 'Mailchimp reports an outage.' )
		).toBeTruthy();
		expect( onClose ).not.toHaveBeenCalled();
	} );
} );
