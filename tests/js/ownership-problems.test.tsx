import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { OwnershipProblems } from '../../src/components/readiness';
import { statusStore } from '../../src/store/status';
import { apiFetchMock, routeApiFetch } from './support/api-fetch';
import { statusPayload } from './support/fixtures';
import { createTestRegistry, renderWithStores } from './support/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

async function renderWith( problems: unknown[] ) {
	apiFetchMock.mockReset();
	routeApiFetch( {
		'GET /sophmate-safe-mode/v1/status': () => ( {
			...statusPayload(),
			problems,
		} ),
	} );
	const registry = createTestRegistry();
	await registry.resolveSelect( statusStore ).getStatus();
	return renderWithStores( <OwnershipProblems navigate={ vi.fn() } />, {
		registry,
	} );
}

describe( 'OwnershipProblems', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'shows nothing when every scope has an owner who can pause it', async () => {
		await renderWith( [] );
		expect( screen.queryByTestId( 'ownership-problems' ) ).toBeNull();
	} );

	it( 'lists each problem with a link to its page', async () => {
		await renderWith( [
			{
				kind: 'live_without_owner',
				scope: 'automation:shop_sync',
				role: 'owner',
				detail: 'The automation "Shop sync" is live without an owner.',
			},
			{
				kind: 'category_without_owner',
				scope: 'category:marketing',
				role: 'owner',
				detail: 'The category "Marketing" has no owner.',
			},
		] );
		const panel = await screen.findByTestId( 'ownership-problems' );
		expect( panel.textContent ).toContain( '2 ownership problems' );
		expect( panel.textContent ).toContain( 'live without an owner' );
		const links = screen.getAllByRole( 'link', { name: 'Open' } );
		expect( links.map( ( link ) => link.getAttribute( 'href' ) ) ).toEqual(
			[
				expect.stringContaining( 'view=automation&id=shop_sync' ),
				expect.stringContaining( 'view=category&slug=marketing' ),
			]
		);
	} );
} );
