import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import {
	ApiError,
	invalidResponseError,
	missingAcknowledgements,
	toApiError,
} from '../../../src/api';
import { restError } from '../support/fixtures';

describe( 'toApiError', () => {
	it( 'keeps code, message, HTTP status and data of a WordPress REST error', () => {
		const error = toApiError(
			restError(
				'sophmate_review_incomplete',
				'Review incomplete.',
				422,
				{
					missing: [ 'audit_records' ],
				}
			)
		);

		expect( error ).toBeInstanceOf( ApiError );
		expect( error ).toMatchObject( {
			code: 'sophmate_review_incomplete',
			message: 'Review incomplete.',
			status: 422,
			data: { status: 422, missing: [ 'audit_records' ] },
		} );
	} );

	it( 'has no status for apiFetch’s own network error', () => {
		const error = toApiError( {
			code: 'fetch_error',
			message: 'You are probably offline.',
		} );

		expect( error.code ).toBe( 'fetch_error' );
		expect( error.status ).toBeNull();
		expect( error.data ).toEqual( {} );
	} );

	it( 'treats a REST error whose data is not an object as having no data', () => {
		const error = toApiError( {
			code: 'rest_forbidden',
			message: 'Sorry, you are not allowed to do that.',
			data: [],
		} );

		expect( error.status ).toBeNull();
		expect( error.data ).toEqual( {} );
	} );

	it( 'wraps a thrown Error with its message', () => {
		const error = toApiError( new TypeError( 'Failed to fetch' ) );

		expect( error.code ).toBe( 'sophmate_unknown_error' );
		expect( error.message ).toBe( 'Failed to fetch' );
	} );

	it( 'still gives a message for a value that is not an error at all', () => {
		const error = toApiError( 42 );

		expect( error.code ).toBe( 'sophmate_unknown_error' );
		expect( error.message ).not.toBe( '' );
	} );

	it( 'returns an ApiError unchanged', () => {
		const original = new ApiError( {
			code: 'x',
			message: 'y',
			status: 500,
			data: {},
		} );

		expect( toApiError( original ) ).toBe( original );
	} );
} );

describe( 'invalidResponseError', () => {
	it( 'names the route and the first offending fields', () => {
		const result = z
			.object( { items: z.array( z.object( { id: z.number() } ) ) } )
			.safeParse( { items: [ { id: 1 }, { id: 'two' } ] } );
		if ( result.success ) {
			throw new Error( 'expected a failure' );
		}

		const error = invalidResponseError( '/x/v1/items', result.error );

		expect( error.code ).toBe( 'sophmate_invalid_response' );
		expect( error.message ).toContain( '/x/v1/items' );
		expect( error.message ).toContain( 'items[1].id' );
		expect( error.data.issues ).toEqual( [
			{ path: 'items[1].id', message: expect.any( String ) },
		] );
	} );
} );

describe( 'missingAcknowledgements', () => {
	it( 'lists what a 422 sophmate_review_incomplete says is missing', () => {
		const error = toApiError(
			restError( 'sophmate_review_incomplete', 'Incomplete', 422, {
				missing: [ 'failed_steps', 'provider_status' ],
			} )
		);

		expect( missingAcknowledgements( error ) ).toEqual( [
			'failed_steps',
			'provider_status',
		] );
	} );

	it( 'is empty for other errors', () => {
		const error = toApiError( restError( 'rest_forbidden', 'No', 403 ) );

		expect( missingAcknowledgements( error ) ).toEqual( [] );
	} );
} );
