import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import {
	ApiError,
	cadenceSchema,
	digestRunSchema,
	type Cadence,
} from '../../src/api';
import {
	canMarkReviewDone,
	reviewSummary,
	suggestedItems,
	toggleItem,
} from '../../src/components/cadence/cadence';
import { NextReviewCell } from '../../src/components/cadence/NextReviewCell';
import { ReviewCadencePanel } from '../../src/components/cadence/ReviewCadencePanel';
import { initialState, reducer } from '../../src/store/cadence/reducer';
import {
	apiFetchMock,
	lastBody,
	requestedRoutes,
	routeApiFetch,
	type Routes,
} from './support/api-fetch';
import { categoryConfigPayload, statusPayload } from './support/fixtures';
import { pauserBoot, renderWithStores } from './support/render';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const NS = '/sophmate-safe-mode/v1';
const DAY = 86_400_000;
const NOW = Date.parse( '2026-11-25T12:00:00Z' );

function cadence( overrides: Partial< Cadence > = {} ): Cadence {
	return {
		category: 'marketing',
		next_review_at: '2026-11-23T10:00:00Z',
		overdue: true,
		review_every_days: 30,
		due_reasons: [
			{
				reason: 'failed_runs',
				at: '2026-11-23T10:00:00Z',
				detail: '3 failed runs in the last 24 hours (review after 3).',
			},
			{
				reason: 'provider_change',
				at: '2026-11-24T10:00:00Z',
				detail: 'Provider openai changed status: operational → outage.',
			},
		],
		last_review: {
			at: '2026-10-01T09:00:00Z',
			actor: { id: 1, login: 'admin', name: 'Ada Admin' },
			note: 'Checked the September runs.',
			reviewed: [ 'runs', 'audit' ],
		},
		escalations: [
			{
				category: 'marketing',
				problem: 'paused_scope_touched_records',
				label: 'Paused, but records were already changed',
				detail: 'category:marketing is paused, but its runs changed 2 record(s).',
				since: '2026-11-24T09:00:00Z',
				scope: 'category:marketing',
				url: 'https://example.test/wp-admin/admin.php?page=sophmate-safe-mode&view=review&scope=category%3Amarketing',
			},
		],
		...overrides,
	};
}

describe( 'review cadence logic', () => {
	it( 'says in words whether a review is overdue, due soon or scheduled', () => {
		expect( reviewSummary( null, false, NOW ) ).toEqual( {
			tone: 'none',
			text: 'No review scheduled (never ran)',
		} );
		expect( reviewSummary( '2026-11-25T11:00:00Z', true, NOW ) ).toEqual( {
			tone: 'overdue',
			text: 'Review due now',
		} );
		expect( reviewSummary( '2026-11-22T11:00:00Z', true, NOW ) ).toEqual( {
			tone: 'overdue',
			text: 'Review overdue by 3 days',
		} );
		expect(
			reviewSummary( new Date( NOW + 3 * DAY ).toISOString(), false, NOW )
		).toEqual( { tone: 'soon', text: 'Next review in 3 days' } );
		expect(
			reviewSummary(
				new Date( NOW + 20 * DAY ).toISOString(),
				false,
				NOW
			).tone
		).toBe( 'scheduled' );
	} );

	it( 'suggests what to review from why it is due and what is escalated', () => {
		expect( suggestedItems( cadence() ) ).toEqual( [
			'runs',
			'failed_steps',
			'audit',
			'providers',
			'affected_records',
		] );
		expect(
			suggestedItems(
				cadence( {
					due_reasons: [],
					escalations: [
						{
							...cadence().escalations[ 0 ]!,
							problem: 'unpausable',
							scope: null,
						},
					],
				} )
			)
		).toEqual( [ 'runs', 'audit', 'drill' ] );
	} );

	it( 'lets managers, the owner and the backup owner mark a review done', () => {
		const owners = { ownerId: 5, backupId: 6 };
		expect(
			canMarkReviewDone( { canManage: true, userId: 1 }, owners )
		).toBe( true );
		expect(
			canMarkReviewDone( { canManage: false, userId: 5 }, owners )
		).toBe( true );
		expect(
			canMarkReviewDone( { canManage: false, userId: 6 }, owners )
		).toBe( true );
		expect(
			canMarkReviewDone( { canManage: false, userId: 7 }, owners )
		).toBe( false );
		expect(
			canMarkReviewDone(
				{ canManage: false, userId: 0 },
				{ ownerId: null, backupId: null }
			)
		).toBe( false );
	} );

	it( 'keeps checklist items in the server order', () => {
		expect( toggleItem( [ 'drill' ], 'runs', true ) ).toEqual( [
			'runs',
			'drill',
		] );
		expect( toggleItem( [ 'runs', 'drill' ], 'runs', false ) ).toEqual( [
			'drill',
		] );
	} );

	it( 'parses the server shapes and rejects an unknown reason', () => {
		expect( cadenceSchema.parse( cadence() ).category ).toBe( 'marketing' );
		expect(
			cadenceSchema.safeParse( {
				...cadence(),
				due_reasons: [ { reason: 'vibes', at: 'x', detail: '' } ],
			} ).success
		).toBe( false );
		expect(
			digestRunSchema.parse( {
				day: '2026-11-25',
				dry_run: true,
				escalations: [],
				digests: [
					{
						channel: 'email',
						target: 'lead@example.test',
						subject: 's',
						text: 't',
						items: [
							{
								category: 'marketing',
								problem: 'overdue_review',
								detail: 'd',
								url: 'u',
							},
						],
						level: 'owner',
					},
				],
				already_sent: [],
			} ).digests
		).toHaveLength( 1 );
	} );

	it( 'stores each category and clears its error when it loads', () => {
		let state = reducer( initialState, {
			type: 'CADENCE_ERROR',
			slug: 'marketing',
			error: new ApiError( {
				code: 'x',
				message: 'down',
				status: 500,
				data: {},
			} ),
		} );
		state = reducer( state, {
			type: 'RECEIVE_CADENCE',
			cadence: cadence(),
		} );
		expect( state.errors ).toEqual( {} );
		expect( state.byCategory.marketing?.overdue ).toBe( true );
		state = reducer( state, {
			type: 'MARK_REVIEW_START',
			slug: 'marketing',
		} );
		expect( state.marking ).toEqual( { marketing: true } );
		state = reducer( state, {
			type: 'MARK_REVIEW_END',
			slug: 'marketing',
		} );
		expect( state.marking ).toEqual( {} );
	} );
} );

function routes( extra: Routes = {} ): Routes {
	return {
		[ `GET ${ NS }/status` ]: () => statusPayload(),
		[ `GET ${ NS }/categories?per_page=100` ]: () =>
			categoryConfigPayload(),
		[ `GET ${ NS }/categories/marketing/cadence` ]: () => cadence(),
		...extra,
	};
}

describe( 'ReviewCadencePanel', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'shows the next date, why it is due, the last review and escalations', async () => {
		routeApiFetch( routes() );
		renderWithStores(
			<ReviewCadencePanel slug="marketing" navigate={ vi.fn() } />
		);
		const summary = await screen.findByTestId( 'cadence-summary' );
		expect( summary.textContent ).toMatch( /Review overdue by \d+ days?/ );
		expect( summary.getAttribute( 'data-tone' ) ).toBe( 'overdue' );
		const reasons = screen.getByTestId( 'cadence-reasons' );
		expect( reasons.textContent ).toContain( 'Failed runs' );
		expect( reasons.textContent ).toContain( 'operational → outage' );
		const last = screen.getByTestId( 'cadence-last-review' );
		expect( last.textContent ).toContain( 'By Ada Admin' );
		expect( last.textContent ).toContain( 'Checked the September runs.' );
		expect( last.textContent ).toContain(
			'Reviewed: Run history, Audit records'
		);
		const escalations = screen.getByTestId( 'cadence-escalations' );
		expect( escalations.textContent ).toContain(
			'Paused, but records were already changed'
		);
		expect(
			within( escalations )
				.getByRole( 'link', { name: 'Open the restart review' } )
				.getAttribute( 'href' )
		).toContain( 'view=review' );
	} );

	it( 'marks a review done with a note and the checklist, then shows the new date', async () => {
		const done = cadence( {
			next_review_at: '2099-12-25T12:00:00Z',
			overdue: false,
			due_reasons: [],
			last_review: {
				at: '2026-11-25T12:00:00Z',
				actor: { id: 1, login: 'admin', name: 'Ada Admin' },
				note: 'SMTP outage; retries fixed',
				reviewed: [ 'runs', 'failed_steps', 'audit', 'providers' ],
			},
			escalations: [],
		} );
		routeApiFetch(
			routes( {
				[ `POST ${ NS }/categories/marketing/reviews` ]: () => done,
			} )
		);
		const user = userEvent.setup();
		renderWithStores(
			<ReviewCadencePanel slug="marketing" navigate={ vi.fn() } />
		);
		await user.click( await screen.findByTestId( 'cadence-mark-done' ) );
		const dialog = await screen.findByRole( 'dialog' );
		const submit = within( dialog ).getByRole( 'button', {
			name: 'Mark review done',
		} );
		expect( ( submit as HTMLButtonElement ).disabled ).toBe( true );
		// Suggested from the reasons: failed steps and providers are checked.
		expect(
			(
				within( dialog ).getByRole( 'checkbox', {
					name: 'Provider status',
				} ) as HTMLInputElement
			 ).checked
		).toBe( true );
		await user.click(
			within( dialog ).getByRole( 'checkbox', {
				name: 'Affected records',
			} )
		);
		await user.type(
			within( dialog ).getByRole( 'textbox', { name: /Note/ } ),
			'  SMTP outage; retries fixed '
		);
		await user.click( submit );

		await waitFor( () =>
			expect( screen.queryByRole( 'dialog' ) ).toBeNull()
		);
		expect(
			lastBody( `POST ${ NS }/categories/marketing/reviews` )
		).toEqual( {
			note: 'SMTP outage; retries fixed',
			reviewed: [ 'runs', 'failed_steps', 'audit', 'providers' ],
		} );
		await waitFor( () =>
			expect(
				screen
					.getByTestId( 'cadence-summary' )
					.getAttribute( 'data-tone' )
			).toBe( 'scheduled' )
		);
		expect(
			screen.getByTestId( 'cadence-last-review' ).textContent
		).toContain( 'SMTP outage; retries fixed' );
		expect( screen.getByTestId( 'cadence-no-escalations' ) ).toBeTruthy();
		expect( requestedRoutes() ).toContain( `GET ${ NS }/status` );
	} );

	it( 'keeps the dialog open with the server refusal', async () => {
		routeApiFetch(
			routes( {
				[ `POST ${ NS }/categories/marketing/reviews` ]: () => {
					throw {
						code: 'sophmate_invalid_note',
						message:
							'note is required: say what you reviewed and what you found.',
						data: { status: 400 },
					};
				},
			} )
		);
		const user = userEvent.setup();
		renderWithStores(
			<ReviewCadencePanel slug="marketing" navigate={ vi.fn() } />
		);
		await user.click( await screen.findByTestId( 'cadence-mark-done' ) );
		const dialog = await screen.findByRole( 'dialog' );
		await user.type(
			within( dialog ).getByRole( 'textbox', { name: /Note/ } ),
			'x'
		);
		await user.click(
			within( dialog ).getByRole( 'button', { name: 'Mark review done' } )
		);
		expect(
			await within( dialog ).findByText( /note is required/ )
		).toBeTruthy();
	} );

	it( 'hides the button from someone who is neither manager nor owner, and says when loading fails', async () => {
		routeApiFetch( {
			...routes(),
			[ `GET ${ NS }/categories/marketing/cadence` ]: () => {
				throw {
					code: 'sophmate_internal_error',
					message: 'Server down',
					data: { status: 500 },
				};
			},
		} );
		renderWithStores(
			<ReviewCadencePanel slug="marketing" navigate={ vi.fn() } />,
			{ boot: pauserBoot }
		);
		expect( ( await screen.findByRole( 'alert' ) ).textContent ).toContain(
			'Server down'
		);
		expect( screen.queryByTestId( 'cadence-mark-done' ) ).toBeNull();
	} );
} );

describe( 'NextReviewCell', () => {
	it( 'says overdue in words, not colour alone, and nothing for an older server', () => {
		const row = statusPayload().categories[ 0 ]!;
		const { container, rerender } = renderWithStores(
			<NextReviewCell
				category={ {
					...row,
					next_review_at: '2026-01-01T00:00:00Z',
					review_overdue: true,
				} }
			/>
		);
		expect( container.textContent ).toMatch( /Review overdue by \d+ days/ );
		rerender( <NextReviewCell category={ row } /> );
		expect(
			screen.queryByTestId( `category-next-review-${ row.slug }` )
		).toBeNull();
	} );
} );
