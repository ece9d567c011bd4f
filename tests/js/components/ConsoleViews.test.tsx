import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { APIFetchOptions } from '@wordpress/api-fetch';
import {
	afterEach,
	beforeAll,
	beforeEach,
	describe,
	expect,
	it,
	vi,
} from 'vitest';

import { ConsolePage } from '../../../src/pages/ConsolePage';
import { apiFetchMock } from '../support/api-fetch';
import { statusPayload } from '../support/fixtures';
import { renderWithStores } from '../support/render';
import {
	auditEventPayload,
	failedRunPayload,
	rawResponse,
} from '../support/runs-fixtures';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const NS = '/sophmate-safe-mode/v1';

function answer( options: APIFetchOptions ): unknown {
	const path = options.path ?? '';
	if ( path.startsWith( `${ NS }/runs?` ) ) {
		return rawResponse( [ failedRunPayload() ], {
			'X-WP-Total': '45',
			'X-WP-TotalPages': '3',
		} );
	}
	if ( path === `${ NS }/runs/42` ) {
		return failedRunPayload();
	}
	if ( path.includes( 'format=csv' ) ) {
		return rawResponse( 'id,action\n7,pause\n' );
	}
	if ( path.startsWith( `${ NS }/audit?` ) ) {
		return rawResponse( [ auditEventPayload() ], {
			'X-WP-Total': '1',
			'X-WP-TotalPages': '1',
		} );
	}
	if ( path === `${ NS }/audit/verify` ) {
		return { ok: true, checked: 12, first_bad_id: null };
	}
	if ( path === `${ NS }/status` ) {
		return statusPayload();
	}
	throw { code: 'rest_no_route', message: path, data: { status: 404 } };
}

function paths(): string[] {
	return apiFetchMock.mock.calls.map( ( [ options ] ) => options.path ?? '' );
}

function visit( search: string ) {
	window.history.replaceState( null, '', `/wp-admin/admin.php${ search }` );
}

describe( 'operator console views', () => {
	// The views are lazy chunks; transforming them on first use can take
	// longer than a findBy* wait, which would time the test runner, not the app.
	beforeAll( async () => {
		await Promise.all( [
			import( '../../../src/pages/RunsView' ),
			import( '../../../src/pages/RunDetailView' ),
			import( '../../../src/pages/AuditView' ),
		] );
	} );
	beforeEach( () => {
		apiFetchMock.mockReset();
		apiFetchMock.mockImplementation( async ( options ) =>
			answer( options )
		);
	} );
	afterEach( () => {
		visit( '' );
	} );

	it( 'filters runs by status into the URL and the request, and pages through them', async () => {
		visit( '?page=sophmate-safe-mode&view=runs&category=marketing' );
		const user = userEvent.setup();
		renderWithStores( <ConsolePage /> );

		await screen.findByTestId( 'run-row-42' );
		expect( paths() ).toContain(
			`${ NS }/runs?category=marketing&page=1&per_page=20`
		);

		await user.selectOptions( screen.getByLabelText( 'Status' ), 'failed' );
		expect( window.location.search ).toBe(
			'?page=sophmate-safe-mode&view=runs&category=marketing&status=failed'
		);
		await waitFor( () =>
			expect( paths() ).toContain(
				`${ NS }/runs?category=marketing&status=failed&page=1&per_page=20`
			)
		);

		await user.click( screen.getByRole( 'button', { name: 'Next page' } ) );
		expect( window.location.search ).toContain( 'paged=2' );
		await waitFor( () =>
			expect( paths() ).toContain(
				`${ NS }/runs?category=marketing&status=failed&page=2&per_page=20`
			)
		);
		expect( screen.getByTestId( 'pagination-info' ).textContent ).toContain(
			'Page 2 of 3 (45 items)'
		);
	} );

	it( 'goes back to the previous filters on popstate', async () => {
		visit( '?page=sophmate-safe-mode&view=runs' );
		const user = userEvent.setup();
		renderWithStores( <ConsolePage /> );
		await screen.findByTestId( 'run-row-42' );
		await user.click( screen.getByRole( 'link', { name: '#42' } ) );
		expect(
			( await screen.findByTestId( 'run-failure' ) ).textContent
		).toContain( 'Failed at step “send”: SMTP refused the message' );
		expect(
			screen
				.getByRole( 'link', { name: 'post #17' } )
				.getAttribute( 'href' )
		).toBe( 'https://example.test/wp-admin/post.php?post=17&action=edit' );

		act( () => {
			visit( '?page=sophmate-safe-mode&view=runs' );
			window.dispatchEvent( new PopStateEvent( 'popstate' ) );
		} );
		expect( await screen.findByTestId( 'runs-table' ) ).toBeTruthy();
	} );

	it( 'exports the audit log as CSV with the current filters and verifies the chain', async () => {
		visit(
			'?page=sophmate-safe-mode&view=audit&scope=category%3Amarketing'
		);
		const createObjectURL = vi.fn( () => 'blob:csv' );
		const revokeObjectURL = vi.fn();
		Object.assign( URL, { createObjectURL, revokeObjectURL } );
		const click = vi
			.spyOn( HTMLAnchorElement.prototype, 'click' )
			.mockImplementation( () => undefined );
		const user = userEvent.setup();
		renderWithStores( <ConsolePage /> );

		const row = await screen.findByTestId( 'audit-row-7' );
		expect( within( row ).getByText( 'running → paused' ) ).toBeTruthy();

		await user.click(
			screen.getByRole( 'button', { name: 'Export CSV' } )
		);
		await waitFor( () => expect( click ).toHaveBeenCalled() );
		expect( paths() ).toContain(
			`${ NS }/audit?scope=category%3Amarketing&format=csv`
		);
		expect( createObjectURL ).toHaveBeenCalled();

		await user.click(
			screen.getByRole( 'button', { name: 'Verify integrity' } )
		);
		expect(
			( await screen.findByTestId( 'audit-verification' ) ).textContent
		).toContain( 'The audit log is intact: 12 events checked.' );
		click.mockRestore();
	} );

	it( 'says when a run cannot be loaded and loads it again on "Try again"', async () => {
		visit( '?page=sophmate-safe-mode&view=run&id=42' );
		let fail = true;
		apiFetchMock.mockImplementation( async ( options ) => {
			if ( options.path === `${ NS }/runs/42` && fail ) {
				fail = false;
				throw {
					code: 'rest_post_invalid_id',
					message: 'Invalid run ID.',
					data: { status: 404 },
				};
			}
			return answer( options );
		} );
		const user = userEvent.setup();
		renderWithStores( <ConsolePage /> );
		await user.click(
			await screen.findByRole( 'button', { name: 'Try again' } )
		);
		expect(
			( await screen.findByTestId( 'run-failure' ) ).textContent
		).toContain( 'SMTP refused the message' );
		expect(
			paths().filter( ( path ) => path === `${ NS }/runs/42` )
		).toHaveLength( 2 );
	} );
} );
