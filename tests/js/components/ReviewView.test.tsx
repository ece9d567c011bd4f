import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { Review } from '../../../src/api/review';
import { ReviewView } from '../../../src/pages/ReviewView';
import { reviewStore } from '../../../src/store/review';
import { apiFetchMock, routeApiFetch } from '../support/api-fetch';
import { statusPayload } from '../support/fixtures';
import { createTestRegistry, renderWithStores } from '../support/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const NS = '/sophmate-safe-mode/v1';
const HASH = 'c'.repeat( 64 );
const IDS = [
	'run_history',
	'failed_steps',
	'audit_records',
	'pending_approvals',
	'provider_status',
	'affected_records',
] as const;

function review( providers: Review[ 'providers' ] = [] ): Review {
	return {
		scope: 'category:marketing',
		state: 'paused',
		since: '2026-11-25T10:00:00Z',
		window_start: '2026-11-24T10:00:00Z',
		generated_at: '2026-11-25T12:00:00Z',
		runs: { succeeded: 1, failed: 1, total: 2 },
		runs_since_pause: { failed: 1, total: 1 },
		failed_steps: [
			{
				run_id: 42,
				automation: 'newsletter-digest',
				step: 'send',
				error: 'SMTP refused the message',
				at: '2026-11-25T10:05:00Z',
				since_pause: true,
			},
		],
		audit: [],
		pending_approvals: [],
		providers,
		affected_records: [
			{
				type: 'post',
				id: '17',
				action: 'update',
				run_id: 42,
				at: '2026-11-25T10:05:00Z',
				since_pause: true,
			},
		],
		checks: IDS.map( ( id ) => ( {
			id,
			label: id.replace( '_', ' ' ),
			ok: id !== 'failed_steps',
			detail:
				id === 'failed_steps'
					? "1 run failed at step 'send' since the pause."
					: 'fine',
		} ) ),
		snapshot: { counts: { runs: 2 }, hash: HASH },
	};
}

let restartBodies: unknown[] = [];

function serve( bundle: Review ) {
	restartBodies = [];
	routeApiFetch( {
		[ `GET ${ NS }/status` ]: () => statusPayload(),
		[ `GET ${ NS }/categories/marketing/review` ]: () => bundle,
		[ `POST ${ NS }/categories/marketing/restart` ]: ( options ) => {
			restartBodies.push( options.data );
			return {
				changed: true,
				scope: 'category:marketing',
				before: 'paused',
				state: 'trial',
				switch: null,
				audit_id: 9,
			};
		},
	} );
}

function renderReview( navigate = vi.fn() ) {
	const registry = createTestRegistry();
	registry.register( reviewStore );
	renderWithStores(
		<ReviewView scope="category:marketing" navigate={ navigate } />,
		{ registry }
	);
	return navigate;
}

describe( 'the restart review screen', () => {
	// Braces: a function returned from beforeEach would run as its cleanup.
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );
	afterEach( () => {
		vi.restoreAllMocks();
	} );

	it( 'lets an item be ticked only after its evidence was opened, and restarts the narrow default scope with the snapshot hash', async () => {
		serve( review() );
		const user = userEvent.setup();
		const navigate = renderReview();

		const failed = await screen.findByTestId(
			'review-section-failed_steps'
		);
		expect( failed.textContent ).toContain(
			"1 run failed at step 'send' since the pause."
		);
		const tick = within( failed ).getByRole( 'checkbox' );
		expect( ( tick as HTMLInputElement ).disabled ).toBe( true );

		await user.click(
			within( failed ).getByRole( 'button', { name: /Evidence/ } )
		);
		expect(
			within( failed ).getByText( /SMTP refused the message/ )
		).toBeTruthy();
		expect( ( tick as HTMLInputElement ).disabled ).toBe( false );

		const submit = screen.getByTestId( 'review-submit' );
		expect( ( submit as HTMLButtonElement ).disabled ).toBe( true );

		for ( const id of IDS ) {
			const section = screen.getByTestId( `review-section-${ id }` );
			if ( id !== 'failed_steps' ) {
				await user.click(
					within( section ).getByRole( 'button', {
						name: /Evidence/,
					} )
				);
			}
			await user.click( within( section ).getByRole( 'checkbox' ) );
		}
		expect(
			screen
				.getByRole( 'link', { name: 'post #17' } )
				.getAttribute( 'href' )
		).toBe( 'https://example.test/wp-admin/post.php?post=17&action=edit' );
		expect( ( submit as HTMLButtonElement ).disabled ).toBe( true );
		await user.type(
			screen.getByLabelText( 'Review note' ),
			'Dedup fixed'
		);
		// Marketing has one automation, the one that failed: all of it may run.
		expect( screen.getByTestId( 'review-summary' ).textContent ).toContain(
			'Every automation of Marketing may run.'
		);
		expect( ( submit as HTMLButtonElement ).disabled ).toBe( false );

		await user.click( submit );
		await waitFor( () => expect( restartBodies ).toHaveLength( 1 ) );
		expect( restartBodies[ 0 ] ).toEqual( {
			acknowledged: [ ...IDS ],
			note: 'Dedup fixed',
			scope: { max_runs: 3, read_only: true },
			review_hash: HASH,
		} );
		await waitFor( () =>
			expect( navigate ).toHaveBeenCalledWith( {
				view: 'category',
				slug: 'marketing',
			} )
		);
	}, 30_000 );

	it( 'asks why to restart during a provider outage and sends the reason', async () => {
		serve(
			review( [
				{
					slug: 'openai',
					label: 'OpenAI',
					status: 'outage',
					checked_at: null,
				},
			] )
		);
		const user = userEvent.setup();
		renderReview();
		await screen.findByTestId( 'review-section-provider_status' );
		expect(
			screen.getAllByText( /In outage: OpenAI/ ).length
		).toBeGreaterThan( 0 );
		for ( const id of IDS ) {
			const section = screen.getByTestId( `review-section-${ id }` );
			await user.click(
				within( section ).getByRole( 'button', { name: /Evidence/ } )
			);
			await user.click( within( section ).getByRole( 'checkbox' ) );
		}
		await user.type( screen.getByLabelText( 'Review note' ), 'ok' );
		const submit = screen.getByTestId(
			'review-submit'
		) as HTMLButtonElement;
		expect( submit.disabled ).toBe( true );
		expect(
			screen.getByText( /Say why restarting during the outage/ )
		).toBeTruthy();
		await user.type(
			screen.getByLabelText( 'Why restart during the outage?' ),
			'Vendor recovered'
		);
		await user.click( submit );
		await waitFor( () => expect( restartBodies ).toHaveLength( 1 ) );
		expect( restartBodies[ 0 ] ).toMatchObject( {
			override_reason: 'Vendor recovered',
		} );
	}, 30_000 );

	it( 'says so when the scope is not paused', async () => {
		routeApiFetch( {
			[ `GET ${ NS }/status` ]: () => statusPayload(),
			[ `GET ${ NS }/categories/marketing/review` ]: () => {
				throw {
					code: 'sophmate_not_paused',
					message: 'category:marketing is running',
					data: { status: 409 },
				};
			},
		} );
		renderReview();
		expect(
			( await screen.findAllByText( /This scope is not paused/ ) ).length
		).toBeGreaterThan( 0 );
		expect( screen.queryByTestId( 'review-submit' ) ).toBeNull();
	} );
} );
