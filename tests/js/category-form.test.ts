import { describe, expect, it } from 'vitest';

import { ApiError } from '../../src/api';
import {
	categoryUpdate,
	formValues,
	serverErrors,
	validateCategoryForm,
} from '../../src/components/category/form';
import { categoryConfigPayload, restError } from './support/fixtures';
import { toApiError } from '../../src/api/errors';

const marketing = () => categoryConfigPayload()[ 0 ]!;

const refusal = ( code: string, message: string, extra = {} ) =>
	toApiError( restError( code, message, 400, extra ) );

describe( 'category form values', () => {
	it( 'round-trip a category into the PATCH body, one address per line', () => {
		const values = {
			...formValues( marketing() ),
			emails: ' ops@example.com \n\n  oncall@example.com ',
			backup_owner_id: '',
		};

		expect( validateCategoryForm( values ) ).toEqual( {} );
		expect( categoryUpdate( values ) ).toMatchObject( {
			owner_id: 1,
			backup_owner_id: null,
			review_every_days: 90,
			notify: {
				emails: [ 'ops@example.com', 'oncall@example.com' ],
				webhooks: [],
			},
		} );
	} );

	it.each( [ '0', '3651', '1.5', '', 'ten' ] )(
		'refuse %j review days',
		( days ) => {
			expect(
				validateCategoryForm( {
					...formValues( marketing() ),
					review_every_days: days,
				} ).review_every_days
			).toBeTruthy();
		}
	);

	it( 'accept the bounds of the review cadence and http(s) webhooks only', () => {
		const base = formValues( marketing() );
		expect(
			validateCategoryForm( { ...base, review_every_days: '3650' } )
		).toEqual( {} );
		expect(
			validateCategoryForm( {
				...base,
				webhooks: 'https://a.example/x\nhttp://b.example',
			} )
		).toEqual( {} );
		expect(
			validateCategoryForm( { ...base, webhooks: 'javascript:alert(1)' } )
				.webhooks
		).toContain( 'javascript:alert(1)' );
	} );
} );

describe( 'serverErrors', () => {
	it( 'places owner refusals by the field their message names', () => {
		expect(
			serverErrors(
				refusal(
					'sophmate_invalid_owner',
					'policy.restart_owner_id must be the id of a user of this site (or null).'
				)
			).fields
		).toHaveProperty( 'restart_owner_id' );
		expect(
			serverErrors(
				refusal(
					'sophmate_invalid_owner',
					'owner_id must be the id of a user of this site (or null).'
				)
			).fields
		).toHaveProperty( 'owner_id' );
	} );

	it( 'tells webhook refusals from email refusals', () => {
		expect(
			Object.keys(
				serverErrors(
					refusal(
						'sophmate_invalid_notify',
						'notify.webhooks must be http(s) URLs.'
					)
				).fields
			)
		).toEqual( [ 'webhooks' ] );
		expect(
			Object.keys(
				serverErrors(
					refusal(
						'sophmate_invalid_notify',
						'"x@" is not an email address.'
					)
				).fields
			)
		).toEqual( [ 'emails' ] );
	} );

	it( 'keeps what belongs to no field for the form', () => {
		const result = serverErrors(
			new ApiError( {
				code: 'sophmate_internal_error',
				message: 'Something went wrong on the server.',
				status: 500,
				data: {},
			} )
		);
		expect( result.fields ).toEqual( {} );
		expect( result.form ).toBe( 'Something went wrong on the server.' );
	} );

	it( 'reads data.params of an argument refusal', () => {
		const result = serverErrors(
			refusal( 'sophmate_invalid_param', 'Invalid parameter(s)', {
				params: {
					review_every_days:
						'review_every_days is not of type integer.',
					breakers: 'breakers is not of type object.',
				},
			} )
		);
		expect( result.fields.review_every_days ).toContain( 'integer' );
		expect( result.form ).toContain( 'breakers' );
	} );
} );
