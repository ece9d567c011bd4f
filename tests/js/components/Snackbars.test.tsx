import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { store as noticesStore } from '@wordpress/notices';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { SwitchActions } from '../../../src/components/SwitchActions';
import { NOTICE_CONTEXT } from '../../../src/components/Snackbars';
import { statusStore } from '../../../src/store/status';
import { apiFetchMock, routeApiFetch } from '../support/api-fetch';
import { restError, statusPayload } from '../support/fixtures';
import {
	createTestRegistry,
	pageNoticeTexts,
	renderWithStores,
	snackbarTexts,
} from '../support/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const STATUS = 'GET /sophmate-safe-mode/v1/status';
const PAUSE = 'POST /sophmate-safe-mode/v1/categories/content/pause';

async function renderContentActions() {
	const registry = createTestRegistry();
	await registry.resolveSelect( statusStore ).getStatus();
	renderWithStores(
		<SwitchActions
			target={ { type: 'category', id: 'content' } }
			label="Content"
			state="running"
		/>,
		{ registry }
	);
	return registry;
}

async function pauseContent( user: ReturnType< typeof userEvent.setup > ) {
	await user.click( screen.getByRole( 'button', { name: 'Pause Content' } ) );
	const dialog = screen.getByRole( 'dialog', { name: 'Pause Content' } );
	await user.type( within( dialog ).getByLabelText( 'Reason' ), 'Spam' );
	await user.click(
		within( dialog ).getByRole( 'button', { name: 'Pause' } )
	);
	return dialog;
}

describe( 'Snackbars', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'shows only snackbar notices of the app, and removes one when dismissed', async () => {
		const user = userEvent.setup();
		const registry = createTestRegistry();
		renderWithStores( <p>page</p>, { registry } );

		act( () => {
			const notices = registry.dispatch( noticesStore );
			void notices.createSuccessNotice( 'Marketing is paused.', {
				type: 'snackbar',
				context: NOTICE_CONTEXT,
			} );
			void notices.createSuccessNotice( 'Another plugin’s notice', {
				type: 'snackbar',
			} );
			void notices.createErrorNotice( 'Pause Content failed: No.', {
				type: 'snackbar',
				context: NOTICE_CONTEXT,
				explicitDismiss: true,
			} );
		} );

		expect( snackbarTexts() ).toEqual( [
			'Marketing is paused.',
			'Pause Content failed: No.',
		] );
		const error = Array.from(
			document.querySelectorAll( '.components-snackbar' )
		).find( ( element ) =>
			element.textContent?.includes( 'Pause Content failed: No.' )
		);
		await user.click(
			error?.querySelector(
				'.components-snackbar__dismiss-button'
			) as HTMLElement
		);
		await waitFor( () =>
			expect( snackbarTexts() ).toEqual( [ 'Marketing is paused.' ] )
		);
		expect(
			registry.select( noticesStore ).getNotices( NOTICE_CONTEXT )
		).toHaveLength( 1 );
	} );

	it( 'confirms a pause with a snackbar, not an inline notice', async () => {
		routeApiFetch( {
			[ STATUS ]: () => statusPayload(),
			[ PAUSE ]: () => ( {
				changed: true,
				scope: 'category:content',
				state: 'paused',
				switch: null,
			} ),
		} );
		const user = userEvent.setup();
		await renderContentActions();

		await pauseContent( user );

		await waitFor( () =>
			expect( snackbarTexts() ).toEqual( [ 'Content is paused.' ] )
		);
		expect( pageNoticeTexts() ).toEqual( [] );
	} );

	it( 'names the failed action and the server’s reason, and rolls the pause back', async () => {
		routeApiFetch( {
			[ STATUS ]: () => statusPayload(),
			[ PAUSE ]: () => {
				throw restError(
					'rest_forbidden',
					'Sorry, you are not allowed to pause Content.',
					403
				);
			},
		} );
		const user = userEvent.setup();
		const registry = await renderContentActions();
		const before = registry.select( statusStore ).getStatus();

		await pauseContent( user );

		await waitFor( () =>
			expect( snackbarTexts() ).toEqual( [
				'Pause Content failed: Sorry, you are not allowed to pause Content.',
			] )
		);
		expect( registry.select( statusStore ).getStatus() ).toBe( before );
	} );
} );
