import { describe, expect, it, vi } from 'vitest';

import { statusSchema } from '../../../src/api';
import { fetchStats, statsPath, statsSchema } from '../../../src/api/stats';
import { apiFetchMock, routeApiFetch } from '../support/api-fetch';
import { statusPayload } from '../support/fixtures';
import { statsPayload } from '../support/stats-fixtures';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

describe( 'GET /stats schema', () => {
	it( 'accepts a real 24 hour and 7 day payload', () => {
		expect( statsSchema.safeParse( statsPayload() ).success ).toBe( true );
		const week = statsSchema.parse( statsPayload( '7d' ) );
		expect( week.runs_per_hour ).toHaveLength( 168 );
	} );

	it( 'accepts a site-wide answer with no spend and extra fields', () => {
		const payload = {
			...statsPayload(),
			spend_per_day: [],
			extra: 1,
		};
		expect( statsSchema.safeParse( payload ).success ).toBe( true );
	} );

	it.each( [
		[ 'an unknown window', { window: '30d' } ],
		[
			'a negative count',
			{ totals: { ...statsPayload().totals, failed: -1 } },
		],
		[
			'an hour without a time zone',
			{
				runs_per_hour: [
					{
						...statsPayload().runs_per_hour[ 0 ],
						hour: '2025-11-25 10:00:00',
					},
				],
			},
		],
		[
			'an hour missing a status',
			{
				runs_per_hour: [
					{ hour: '2025-11-25T10:00:00Z', succeeded: 1 },
				],
			},
		],
		[
			'a spend amount as text',
			{
				spend_per_day: [
					{
						day: '2025-11-25',
						category: 'x',
						unit: 'USD',
						amount: '1',
					},
				],
			},
		],
		[
			'a day that is not a date',
			{
				spend_per_day: [
					{ day: 'yesterday', category: 'x', unit: 'USD', amount: 1 },
				],
			},
		],
	] )( 'rejects %s', ( _name, override ) => {
		expect(
			statsSchema.safeParse( { ...statsPayload(), ...override } ).success
		).toBe( false );
	} );

	it( 'builds the path with the window and the optional category', () => {
		expect( statsPath( '24h' ) ).toBe(
			'/sophmate-safe-mode/v1/stats?window=24h'
		);
		expect( statsPath( '7d', 'marketing' ) ).toBe(
			'/sophmate-safe-mode/v1/stats?window=7d&category=marketing'
		);
	} );

	it( 'fetchStats rejects a malformed answer as sophmate_invalid_response', async () => {
		routeApiFetch( {
			'GET /sophmate-safe-mode/v1/stats?window=24h': () => ( {
				window: '24h',
			} ),
		} );
		await expect( fetchStats( '24h' ) ).rejects.toMatchObject( {
			code: 'sophmate_invalid_response',
		} );
		expect( apiFetchMock ).toHaveBeenCalledTimes( 1 );
	} );
} );

describe( 'GET /status overview fields', () => {
	it( 'still parses a status without the overview fields', () => {
		expect( statusSchema.safeParse( statusPayload() ).success ).toBe(
			true
		);
	} );

	it( 'parses last run, 24 hour counts, spend and ownerless flags (PHP [] spend too)', () => {
		const payload = statusPayload();
		const [ marketing, content ] = payload.categories;
		Object.assign( marketing!, {
			ownerless: false,
			last_run: {
				status: 'failed',
				started_at: '2025-11-25T21:40:00Z',
				automation: 'newsletter-digest',
			},
			runs_24h: 40,
			failed_24h: 3,
			spend_24h: { tokens: 1234 },
		} );
		Object.assign( content!, {
			ownerless: true,
			last_run: null,
			runs_24h: 0,
			failed_24h: 0,
			spend_24h: [],
		} );
		Object.assign( payload.automations[ 1 ]!, { ownerless: true } );
		const parsed = statusSchema.parse( payload );
		expect( parsed.categories[ 0 ]?.last_run?.status ).toBe( 'failed' );
		expect( parsed.categories[ 1 ]?.spend_24h ).toEqual( {} );
		expect( parsed.automations[ 1 ]?.ownerless ).toBe( true );
	} );

	it( 'rejects an unknown last run status', () => {
		const payload = statusPayload();
		Object.assign( payload.categories[ 0 ]!, {
			last_run: {
				status: 'exploded',
				started_at: '2025-11-25T21:40:00Z',
				automation: 'x',
			},
		} );
		expect( statusSchema.safeParse( payload ).success ).toBe( false );
	} );
} );
