import { describe, expect, it } from 'vitest';

import {
	categoryConfigListSchema,
	scopeChangeSchema,
	statusSchema,
} from '../../../src/api';
import { categoryConfigPayload, statusPayload } from '../support/fixtures';

describe( 'statusSchema', () => {
	it( 'accepts a real-looking GET /status payload', () => {
		const parsed = statusSchema.parse( statusPayload() );

		expect( parsed.categories.map( ( c ) => c.state ) ).toEqual( [
			'paused',
			'running',
			'trial',
		] );
		expect( parsed.categories[ 2 ]?.switch?.trial?.max_runs ).toBe( 3 );
	} );

	it( 'lets unknown extra fields through without failing (and drops them)', () => {
		const payload = {
			...statusPayload(),
			generated_at: '2025-11-25T21:00:00Z',
		};
		const category = { ...payload.categories[ 1 ], breaker_trips: 2 };
		payload.categories = [ category as never ];

		const result = statusSchema.safeParse( payload );

		expect( result.success ).toBe( true );
		expect( result.data ).not.toHaveProperty( 'generated_at' );
		expect( result.data?.categories[ 0 ] ).not.toHaveProperty(
			'breaker_trips'
		);
	} );

	it( 'rejects an unknown category state and names the offending field', () => {
		const payload = statusPayload() as unknown as {
			categories: Array< Record< string, unknown > >;
		};
		payload.categories[ 1 ] = {
			...payload.categories[ 1 ],
			state: 'stopped',
		};

		const result = statusSchema.safeParse( payload );

		expect( result.success ).toBe( false );
		const issue = result.error?.issues[ 0 ];
		expect( issue?.path ).toEqual( [ 'categories', 1, 'state' ] );
		expect( issue?.message ).toMatch( /running/ );
	} );

	it( 'rejects a pause time that is not ISO 8601', () => {
		const payload = statusPayload();
		const marketing = payload.categories[ 0 ];
		if ( ! marketing?.switch ) {
			throw new Error( 'fixture changed' );
		}
		marketing.switch.since = '25/11/2025 20:51';

		const result = statusSchema.safeParse( payload );

		expect( result.success ).toBe( false );
		expect( result.error?.issues[ 0 ]?.path ).toEqual( [
			'categories',
			0,
			'switch',
			'since',
		] );
	} );

	it( 'requires the emergency block', () => {
		const { emergency: _dropped, ...payload } = statusPayload();

		const result = statusSchema.safeParse( payload );

		expect( result.success ).toBe( false );
		expect( result.error?.issues[ 0 ]?.path ).toEqual( [ 'emergency' ] );
	} );
} );

describe( 'categoryConfigListSchema', () => {
	it( 'accepts a real-looking GET /categories payload', () => {
		const parsed = categoryConfigListSchema.parse(
			categoryConfigPayload()
		);

		expect( parsed[ 0 ]?.policy.running ).toBe( 'finish' );
		expect( parsed[ 1 ]?.breakers ).toEqual( { failures: 3 } );
	} );

	it( 'reads PHP’s empty array for an empty breakers object', () => {
		const payload = categoryConfigPayload() as unknown as Array<
			Record< string, unknown >
		>;
		payload[ 0 ] = { ...payload[ 0 ], breakers: [] };

		const parsed = categoryConfigListSchema.parse( payload );

		expect( parsed[ 0 ]?.breakers ).toEqual( {} );
	} );

	it( 'rejects an unknown pause policy value', () => {
		const payload = categoryConfigPayload();
		( payload[ 0 ]?.policy as Record< string, unknown > ).queued = 'drop';

		const result = categoryConfigListSchema.safeParse( payload );

		expect( result.success ).toBe( false );
		expect( result.error?.issues[ 0 ]?.path ).toEqual( [
			0,
			'policy',
			'queued',
		] );
	} );
} );

describe( 'scopeChangeSchema', () => {
	it( 'accepts an idempotent pause answer with changed: false', () => {
		const parsed = scopeChangeSchema.parse( {
			changed: false,
			scope: 'category:marketing',
			state: 'paused',
			switch: statusPayload().categories[ 0 ]?.switch,
		} );

		expect( parsed.changed ).toBe( false );
		expect( parsed.switch?.reason ).toBe( 'Newsletter went out twice' );
	} );
} );
