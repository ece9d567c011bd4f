import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { PauseModal } from '../../../src/components/PauseModal';
import {
	apiFetchMock,
	lastBody,
	requestedRoutes,
	routeApiFetch,
} from '../support/api-fetch';
import { restError, statusPayload } from '../support/fixtures';
import { snackbarTexts, renderWithStores } from '../support/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const STATUS = 'GET /sophmate-safe-mode/v1/status';
const PAUSE = 'POST /sophmate-safe-mode/v1/categories/marketing/pause';

function renderModal() {
	const onClose = vi.fn();
	renderWithStores(
		<PauseModal
			target={ { type: 'category', id: 'marketing' } }
			label="Marketing"
			onClose={ onClose }
		/>
	);
	const dialog = screen.getByRole( 'dialog', { name: 'Pause Marketing' } );
	return {
		onClose,
		dialog,
		reason: within( dialog ).getByLabelText( 'Reason' ),
		submit: within( dialog ).getByRole( 'button', {
			name: 'Pause',
		} ) as HTMLButtonElement,
	};
}

describe( 'PauseModal', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
		routeApiFetch( {
			[ STATUS ]: () => statusPayload(),
			[ PAUSE ]: () => ( {
				changed: true,
				scope: 'category:marketing',
				state: 'paused',
				switch: statusPayload().categories[ 0 ]?.switch,
			} ),
		} );
	} );

	it( 'keeps Pause disabled while the reason is empty or only spaces', async () => {
		const user = userEvent.setup();
		const { reason, submit } = renderModal();

		expect( submit.disabled ).toBe( true );
		await user.type( reason, '   ' );
		expect( submit.disabled ).toBe( true );
		await user.type( reason, 'Duplicate newsletter' );
		expect( submit.disabled ).toBe( false );
	} );

	it( 'limits the reason to 500 characters and shows the count', async () => {
		const user = userEvent.setup();
		const { dialog, reason } = renderModal();

		await user.type( reason, 'Twelve chars' );

		expect( reason.getAttribute( 'maxlength' ) ).toBe( '500' );
		expect(
			within( dialog ).getByText( '12 / 500 characters' )
		).toBeTruthy();
	} );

	it( 'pauses with the trimmed reason, refreshes the status and closes', async () => {
		const user = userEvent.setup();
		const { reason, submit, onClose } = renderModal();

		await user.type( reason, '  Newsletter went out twice ' );
		await user.click( submit );

		await waitFor( () => expect( onClose ).toHaveBeenCalledTimes( 1 ) );
		expect( lastBody( PAUSE ) ).toEqual( {
			reason: 'Newsletter went out twice',
		} );
		expect( requestedRoutes() ).toEqual( [ PAUSE, STATUS ] );
		expect( snackbarTexts() ).toEqual( [ 'Marketing is paused.' ] );
	} );

	it( 'sends the incident link when one is given', async () => {
		const user = userEvent.setup();
		const { dialog, reason, submit, onClose } = renderModal();

		await user.type( reason, 'Outage' );
		await user.type(
			within( dialog ).getByLabelText( 'Incident link (optional)' ),
			'https://status.example.com/7'
		);
		await user.click( submit );

		await waitFor( () => expect( onClose ).toHaveBeenCalled() );
		expect( lastBody( PAUSE ) ).toEqual( {
			reason: 'Outage',
			incident_url: 'https://status.example.com/7',
		} );
	} );

	it( 'shows the server’s message and stays open when the pause is refused', async () => {
		routeApiFetch( {
			[ PAUSE ]: () => {
				throw restError(
					'rest_forbidden',
					'Sorry, you are not allowed to pause Marketing.',
					403
				);
			},
		} );
		const user = userEvent.setup();
		const { dialog, reason, submit, onClose } = renderModal();

		await user.type( reason, 'Because' );
		await user.click( submit );

		expect(
			await within( dialog ).findByText(
				'Sorry, you are not allowed to pause Marketing.'
			)
		).toBeTruthy();
		expect( onClose ).not.toHaveBeenCalled();
		expect( submit.disabled ).toBe( false );
	} );
} );
