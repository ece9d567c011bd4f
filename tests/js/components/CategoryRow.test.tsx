import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { CategoryStatus } from '../../../src/api';
import { CategoryRow } from '../../../src/components/CategoryRow';
import { categoriesStore } from '../../../src/store/categories';
import { apiFetchMock, routeApiFetch } from '../support/api-fetch';
import {
	categoryConfigPayload,
	restError,
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
const CATEGORIES = 'GET /sophmate-safe-mode/v1/categories?per_page=100';

function category( slug: string ): CategoryStatus {
	const found = statusPayload().categories.find( ( c ) => c.slug === slug );
	if ( ! found ) {
		throw new Error( `no fixture for ${ slug }` );
	}
	return found;
}

async function renderRow( slug: string, boot = managerBoot ) {
	const registry = createTestRegistry();
	await registry.dispatch( categoriesStore ).refreshCategories();
	const { unmount } = renderWithStores(
		<table>
			<tbody>
				<CategoryRow
					category={ category( slug ) }
					navigate={ vi.fn() }
				/>
			</tbody>
		</table>,
		{ registry, boot }
	);
	return Object.assign( screen.getByTestId( `category-row-${ slug }` ), {
		unmount,
	} );
}

describe( 'CategoryRow', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
		routeApiFetch( {
			[ STATUS ]: () => statusPayload(),
			[ CATEGORIES ]: () => categoryConfigPayload(),
		} );
	} );

	it( 'shows a paused category’s state, who paused it, why and when, and its pause policy', async () => {
		const row = await renderRow( 'marketing' );

		expect(
			screen.getByTestId( 'category-state-marketing' ).textContent
		).toBe( 'Paused' );
		expect( row.textContent ).toContain( 'Newsletter went out twice' );
		expect( row.textContent ).toContain( 'By Ada Admin via admin screen' );
		expect( row.querySelector( 'time' )?.getAttribute( 'datetime' ) ).toBe(
			'2025-11-25T20:51:00+00:00'
		);
		expect( row.textContent ).toContain( 'Blocked' );
		expect( row.textContent ).toContain(
			'Running jobs: finish · Queued: hold · Scheduled: skip · Retrying: hold'
		);
		expect( row.textContent ).toContain(
			'Cleanup: Check the mailing provider for duplicates.'
		);
	} );

	it( 'describes the other pause policy values in words', async () => {
		const row = await renderRow( 'content' );

		expect(
			screen.getByTestId( 'category-state-content' ).textContent
		).toBe( 'Running' );
		expect( row.textContent ).toContain(
			'Running jobs: stop at checkpoint · Queued: cancel · Scheduled: hold · Retrying: hold'
		);
		expect( row.textContent ).toContain( 'Runs' );
	} );

	it( 'says when the policy is unknown instead of inventing one', async () => {
		const row = await renderRow( 'commerce' );

		expect( row.textContent ).toContain( 'Policy not available' );
		expect( row.textContent ).toContain( '1 of 3 trial runs' );
	} );

	it( 'offers Restart for a paused category to a manager, not Pause', async () => {
		const row = await renderRow( 'marketing' );

		expect(
			within( row )
				.getByRole( 'link', { name: 'Restart Marketing' } )
				.getAttribute( 'href' )
		).toContain( 'view=review&scope=category%3Amarketing' );
		expect(
			within( row ).queryByRole( 'button', { name: 'Pause Marketing' } )
		).toBeNull();
	} );

	it( 'does not offer Restart to someone who may only pause', async () => {
		const row = await renderRow( 'marketing', pauserBoot );

		expect( within( row ).queryAllByRole( 'button' ) ).toEqual( [] );
		expect(
			within( row ).queryByRole( 'link', { name: 'Restart Marketing' } )
		).toBeNull();
	} );

	it( 'offers Promote for a trial to a manager only; a pauser may still pause it', async () => {
		const managerRow = await renderRow( 'commerce' );
		expect(
			within( managerRow ).getByRole( 'button', {
				name: 'Promote Commerce',
			} ).textContent
		).toBe( 'Promote to running' );
		managerRow.unmount();

		const pauserRow = await renderRow( 'commerce', pauserBoot );

		expect(
			within( pauserRow ).getByRole( 'button', {
				name: 'Pause Commerce',
			} )
		).toBeTruthy();
		expect(
			within( pauserRow ).queryByRole( 'button', {
				name: 'Promote Commerce',
			} )
		).toBeNull();
	} );

	it( 'opens the pause dialog from the row', async () => {
		const user = userEvent.setup();
		const row = await renderRow( 'content' );

		await user.click(
			within( row ).getByRole( 'button', { name: 'Pause Content' } )
		);

		expect(
			screen.getByRole( 'dialog', { name: 'Pause Content' } )
		).toBeTruthy();
	} );

	it( 'shows the server’s message when promotion is refused', async () => {
		routeApiFetch( {
			[ CATEGORIES ]: () => categoryConfigPayload(),
			'POST /sophmate-safe-mode/v1/categories/commerce/promote': () => {
				throw restError(
					'sophmate_trial_not_clean',
					'Commerce has no successful trial run yet.',
					409
				);
			},
		} );
		const user = userEvent.setup();
		const row = await renderRow( 'commerce' );

		await user.click(
			within( row ).getByRole( 'button', { name: 'Promote Commerce' } )
		);

		await waitFor( () =>
			expect( snackbarTexts() ).toEqual( [
				'Promote Commerce failed: Commerce has no successful trial run yet.',
			] )
		);
	} );
} );
