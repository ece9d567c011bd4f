import { describe, expect, it } from 'vitest';

import { ApiError } from '../../src/api/errors';
import type { Review } from '../../src/api/review';
import { reducer, initialState } from '../../src/store/review/reducer';
import { getError, getReview } from '../../src/store/review/selectors';
import {
	defaultPlan,
	planProblems,
	planSummary,
	providersInOutage,
	restartRequest,
	scopeTarget,
	type PlanContext,
} from '../../src/utils/review';

const HASH = 'b'.repeat( 64 );

function review( overrides: Partial< Review > = {} ): Review {
	return {
		scope: 'category:marketing',
		state: 'paused',
		since: '2026-11-25T10:00:00Z',
		window_start: '2026-11-24T10:00:00Z',
		generated_at: '2026-11-25T12:00:00Z',
		runs: { total: 0 },
		runs_since_pause: { total: 0 },
		failed_steps: [],
		audit: [],
		pending_approvals: [],
		providers: [],
		affected_records: [],
		checks: [],
		snapshot: { counts: {}, hash: HASH },
		...overrides,
	};
}

const marketing: PlanContext = {
	label: 'Marketing',
	kind: 'category',
	automations: [
		{ id: 'newsletter', label: 'Newsletter' },
		{ id: 'digest', label: 'Digest' },
		{ id: 'social', label: 'Social posts' },
	],
};

const failure = ( automation: string ) => ( {
	run_id: 1,
	automation,
	step: 'send',
	error: 'x',
	at: '2026-11-25T10:05:00Z',
	since_pause: true,
} );

describe( 'restart review rules', () => {
	it( 'read the scope of a route', () => {
		expect( scopeTarget( 'category:marketing' ) ).toEqual( {
			type: 'category',
			id: 'marketing',
		} );
		expect( scopeTarget( 'automation:a:b' ) ).toEqual( {
			type: 'automation',
			id: 'a:b',
		} );
		expect( scopeTarget( 'global' ) ).toBe( 'global' );
	} );

	it( 'default to a read-only trial of a few runs of only the automations that failed', () => {
		const plan = defaultPlan(
			review( {
				failed_steps: [
					failure( 'digest' ),
					failure( 'digest' ),
					failure( 'gone' ),
				],
			} ),
			marketing
		);
		expect( plan ).toEqual( {
			automations: [ 'digest' ],
			maxRuns: '3',
			readOnly: true,
		} );
		expect( defaultPlan( review(), marketing ).automations ).toEqual( [
			'newsletter',
			'digest',
			'social',
		] );
		expect(
			defaultPlan( review(), {
				label: 'A',
				kind: 'automation',
				automations: [],
			} ).automations
		).toEqual( [] );
	} );

	it( 'explain what is wrong with a plan, by field', () => {
		const plan = defaultPlan( review(), marketing );
		expect( planProblems( plan, marketing ) ).toEqual( {} );
		for ( const maxRuns of [ '', '0', '2.5', 'x', '10001' ] ) {
			expect(
				planProblems( { ...plan, maxRuns }, marketing ).maxRuns
			).toContain( 'whole number of trial runs from 1 to 10000' );
		}
		expect(
			planProblems( { ...plan, automations: [] }, marketing ).automations
		).toBe( 'Pick at least one automation to run in the trial.' );
		expect(
			planProblems(
				{ ...plan, maxRuns: '' },
				{ label: 'Safe mode', kind: 'global', automations: [] }
			)
		).toEqual( {} );
	} );

	it( 'say what runs next in sentences', () => {
		const sentences = planSummary(
			{ automations: [ 'digest' ], maxRuns: '2', readOnly: true },
			marketing
		);
		expect( sentences ).toEqual( [
			'Only Digest may run; 2 other automations wait until you promote.',
			'At most 2 runs in all; anything due after that waits (held or skipped by the pause policy) until you promote.',
			'Read-only: runs may read, every write and customer-facing action is refused and recorded.',
			'The first failed run pauses Marketing again by itself. Promote it to running once at least one run succeeded and none failed.',
		] );
		expect(
			planSummary(
				{
					automations: [ 'newsletter', 'digest', 'social' ],
					maxRuns: '1',
					readOnly: false,
				},
				marketing
			).slice( 0, 3 )
		).toEqual( [
			'Every automation of Marketing may run.',
			'At most 1 run in all; anything due after that waits (held or skipped by the pause policy) until you promote.',
			'Runs may write: they change records and reach customers as usual.',
		] );
	} );

	it( 'build the restart body with the snapshot hash, listing automations only when narrower than all', () => {
		const body = restartRequest( {
			plan: {
				automations: [ 'social', 'digest' ],
				maxRuns: '3',
				readOnly: true,
			},
			context: marketing,
			acknowledged: [ 'run_history' ],
			note: '  dedup fixed ',
			review: review(),
			overrideReason: '  ',
		} );
		expect( body ).toEqual( {
			acknowledged: [ 'run_history' ],
			note: 'dedup fixed',
			scope: {
				max_runs: 3,
				read_only: true,
				automations: [ 'digest', 'social' ],
			},
			review_hash: HASH,
		} );
		const all = restartRequest( {
			plan: {
				automations: [ 'newsletter', 'digest', 'social' ],
				maxRuns: '5',
				readOnly: false,
			},
			context: marketing,
			acknowledged: [],
			note: 'x',
			review: review(),
			overrideReason: 'vendor recovered',
		} );
		expect( all.scope ).toEqual( { max_runs: 5, read_only: false } );
		expect( all.override_reason ).toBe( 'vendor recovered' );
	} );

	it( 'name the providers in outage', () => {
		expect(
			providersInOutage(
				review( {
					providers: [
						{
							slug: 'openai',
							label: 'OpenAI',
							status: 'outage',
							checked_at: null,
						},
						{
							slug: 'smtp',
							label: '',
							status: 'outage',
							checked_at: null,
						},
						{
							slug: 'stripe',
							label: 'Stripe',
							status: 'degraded',
							checked_at: null,
						},
					],
				} )
			)
		).toEqual( [ 'OpenAI', 'smtp' ] );
	} );
} );

describe( 'review store reducer', () => {
	it( 'keeps one review per scope and ignores a superseded answer', () => {
		let state = reducer( initialState, {
			type: 'FETCH_REVIEW_START',
			scope: 'category:marketing',
			requestId: 1,
		} );
		state = reducer( state, {
			type: 'FETCH_REVIEW_START',
			scope: 'category:marketing',
			requestId: 2,
		} );
		const fresh = review( { state: 'trial' } );
		state = reducer( state, {
			type: 'FETCH_REVIEW_SUCCESS',
			scope: 'category:marketing',
			requestId: 2,
			review: fresh,
		} );
		state = reducer( state, {
			type: 'FETCH_REVIEW_SUCCESS',
			scope: 'category:marketing',
			requestId: 1,
			review: review(),
		} );
		expect( getReview( state, 'category:marketing' ) ).toBe( fresh );
		expect( getReview( state, 'global' ) ).toBeNull();
		state = reducer( state, {
			type: 'FETCH_REVIEW_START',
			scope: 'global',
			requestId: 3,
		} );
		state = reducer( state, {
			type: 'FETCH_REVIEW_FAILURE',
			scope: 'global',
			requestId: 3,
			error: new ApiError( {
				code: 'sophmate_not_paused',
				message: 'off',
				status: 409,
				data: {},
			} ),
		} );
		expect( getError( state, 'global' )?.code ).toBe(
			'sophmate_not_paused'
		);
		expect( getReview( state, 'category:marketing' ) ).toBe( fresh );
	} );
} );
