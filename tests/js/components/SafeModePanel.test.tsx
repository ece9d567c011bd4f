import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { Status } from '../../../src/api';
import { SafeModePanel } from '../../../src/components/SafeModePanel';
import { statusStore } from '../../../src/store/status';
import { apiFetchMock, lastBody, routeApiFetch } from '../support/api-fetch';
import { admin, statusPayload } from '../support/fixtures';
import {
	createTestRegistry,
	managerBoot,
	pauserBoot,
	renderWithStores,
} from '../support/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const STATUS = 'GET /sophmate-safe-mode/v1/status';
const SAFE_MODE = 'PUT /sophmate-safe-mode/v1/safe-mode';

function pausedStatus(): Status {
	return {
		...statusPayload(),
		safe_mode: {
			mode: 'paused',
			reason: 'Card provider outage',
			actor: admin,
			source: 'cli',
			since: '2025-11-25T19:00:00Z',
		},
	};
}

async function renderPanel( status: Status, boot = managerBoot ) {
	routeApiFetch( {
		[ STATUS ]: () => status,
		[ SAFE_MODE ]: () => ( { changed: true, safe_mode: status.safe_mode } ),
	} );
	const registry = createTestRegistry();
	await registry.resolveSelect( statusStore ).getStatus();
	const { unmount } = renderWithStores( <SafeModePanel />, {
		registry,
		boot,
	} );
	return Object.assign( screen.getByTestId( 'safe-mode-panel' ), {
		unmount,
	} );
}

describe( 'SafeModePanel', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'shows who turned safe mode on, why and since when', async () => {
		const panel = await renderPanel( pausedStatus() );

		expect(
			within( panel ).getByTestId( 'safe-mode-state' ).textContent
		).toBe( 'Paused' );
		expect( panel.textContent ).toContain( 'Card provider outage' );
		expect( panel.textContent ).toContain( 'By Ada Admin via WP-CLI' );
	} );

	it( 'says it is forced by the wp-config constant and offers no switches', async () => {
		const status: Status = {
			...statusPayload(),
			emergency: { active: true, mode: 'paused', via: 'constant' },
		};

		const panel = await renderPanel( status );

		const notice = panel.querySelector( '.components-notice.is-error' );
		expect( notice?.textContent ).toContain( 'SOPHMATE_SAFE_MODE' );
		expect( notice?.textContent ).toContain( 'cannot be changed here' );
		expect(
			notice?.querySelector( '.components-notice__dismiss' )
		).toBeNull();
		expect( within( panel ).queryAllByRole( 'button' ) ).toEqual( [] );
	} );

	it( 'names the flag file when that is what forces it', async () => {
		const status: Status = {
			...statusPayload(),
			emergency: { active: true, mode: 'read_only', via: 'file' },
		};

		const panel = await renderPanel( status );

		expect( panel.textContent ).toContain( 'sophmate-safe-mode.flag' );
		expect( panel.textContent ).toContain( 'Read-only' );
	} );

	it( 'turns safe mode on with the reason given', async () => {
		const user = userEvent.setup();
		const panel = await renderPanel( statusPayload() );

		await user.click(
			within( panel ).getByRole( 'button', {
				name: 'Turn on safe mode (pause all)',
			} )
		);
		const dialog = screen.getByRole( 'dialog', {
			name: 'Turn on safe mode',
		} );
		const submit = within( dialog ).getByRole( 'button', {
			name: 'Turn on',
		} ) as HTMLButtonElement;
		expect( submit.disabled ).toBe( true );
		await user.type(
			within( dialog ).getByLabelText( 'Reason' ),
			'Runaway agent'
		);
		await user.click( submit );

		await waitFor( () =>
			expect( lastBody( SAFE_MODE ) ).toEqual( {
				mode: 'paused',
				reason: 'Runaway agent',
			} )
		);
	} );

	it( 'sends a manager to the review of everything to turn it off', async () => {
		const user = userEvent.setup();
		const panel = await renderPanel( pausedStatus() );
		const link = within( panel ).getByRole( 'link', {
			name: 'Review and turn off safe mode…',
		} );
		expect( link.getAttribute( 'href' ) ).toContain(
			'view=review&scope=global'
		);
		await user.click( link );
		expect( window.location.search ).toContain(
			'view=review&scope=global'
		);
		expect( screen.queryByRole( 'dialog' ) ).toBeNull();
	} );

	it( 'lets someone who may only pause tighten safe mode but never loosen it', async () => {
		const pausedPanel = await renderPanel( pausedStatus(), pauserBoot );

		expect( within( pausedPanel ).queryAllByRole( 'button' ) ).toEqual(
			[]
		);
		pausedPanel.unmount();

		const readOnly = pausedStatus();
		readOnly.safe_mode.mode = 'read_only';
		const readOnlyPanel = await renderPanel( readOnly, pauserBoot );

		expect(
			within( readOnlyPanel )
				.getAllByRole( 'button' )
				.map( ( button ) => button.textContent )
		).toEqual( [ 'Switch to pause all' ] );
	} );

	it( 'lets a manager switch between the modes and turn it off', async () => {
		const panel = await renderPanel( pausedStatus() );

		expect(
			within( panel )
				.getAllByRole( 'button' )
				.map( ( button ) => button.textContent )
		).toEqual( [ 'Switch to read-only' ] );
		expect(
			within( panel ).getByRole( 'link', {
				name: 'Review and turn off safe mode…',
			} )
		).toBeTruthy();
	} );

	it( 'keeps the stored setting apart from a forced override', async () => {
		const status: Status = {
			...statusPayload(),
			emergency: { active: true, mode: 'paused', via: 'constant' },
		};

		const panel = await renderPanel( status );

		expect( panel.textContent ).toContain( 'The stored setting is off' );
		expect( panel.textContent ).not.toContain(
			'each category and automation follows its own switch'
		);
	} );
} );
