import { beforeEach, describe, expect, it, vi } from 'vitest';

import { fetchReview, reviewSchema } from '../../../src/api/review';
import { apiFetchMock } from '../support/api-fetch';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

const HASH = 'a'.repeat( 64 );

const REVIEW = {
	scope: 'category:marketing',
	state: 'paused',
	since: '2026-11-25T10:00:00Z',
	window_start: '2026-11-24T10:00:00Z',
	generated_at: '2026-11-25T12:00:00Z',
	runs: { succeeded: 1, failed: 2, total: 3 },
	runs_since_pause: { failed: 1, total: 1 },
	failed_steps: [
		{
			run_id: 9,
			automation: 'newsletter',
			step: 'send email',
			error: 'SMTP refused',
			at: '2026-11-25T10:05:00Z',
			since_pause: true,
		},
	],
	audit: [
		{
			id: 4,
			created_at: '2026-11-25T10:00:00Z',
			action: 'pause',
			scope: 'category:marketing',
			before: 'running',
			after: 'paused',
			reason: 'Sent twice',
			actor: { id: 1, login: 'admin', name: 'Admin' },
			source: 'admin',
			context: { version: 3 },
		},
	],
	pending_approvals: [],
	providers: [
		{
			slug: 'openai',
			label: 'OpenAI',
			status: 'outage',
			checked_at: null,
		},
	],
	affected_records: [
		{
			type: 'post',
			id: '17',
			action: 'update',
			run_id: 9,
			at: '2026-11-25T10:05:00Z',
			since_pause: true,
		},
	],
	checks: [
		{
			id: 'provider_status',
			label: 'Provider status',
			ok: false,
			detail: 'provider openai: outage.',
		},
	],
	snapshot: { counts: { runs: 3 }, hash: HASH },
};

describe( 'the review API', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'asks the scope’s review route and parses the bundle', async () => {
		apiFetchMock.mockResolvedValue( REVIEW );
		const review = await fetchReview( {
			type: 'category',
			id: 'marketing',
		} );
		expect( apiFetchMock ).toHaveBeenCalledWith( {
			path: '/sophmate-safe-mode/v1/categories/marketing/review',
			method: 'GET',
		} );
		expect( review.snapshot.hash ).toBe( HASH );
		expect( review.failed_steps[ 0 ]?.step ).toBe( 'send email' );
	} );

	it( 'uses /safe-mode/review for global safe mode', async () => {
		apiFetchMock.mockResolvedValue( { ...REVIEW, scope: 'global' } );
		await fetchReview( 'global' );
		expect( apiFetchMock ).toHaveBeenCalledWith( {
			path: '/sophmate-safe-mode/v1/safe-mode/review',
			method: 'GET',
		} );
	} );

	it( 'rejects a bundle with an unknown check or a malformed hash', async () => {
		expect(
			reviewSchema.safeParse( {
				...REVIEW,
				checks: [ { ...REVIEW.checks[ 0 ], id: 'vibes' } ],
			} ).success
		).toBe( false );
		apiFetchMock.mockResolvedValue( {
			...REVIEW,
			snapshot: { counts: {}, hash: 'nope' },
		} );
		await expect(
			fetchReview( { type: 'automation', id: 'x' } )
		).rejects.toMatchObject( { code: 'sophmate_invalid_response' } );
	} );
} );
