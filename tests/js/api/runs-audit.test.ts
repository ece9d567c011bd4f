import { beforeEach, describe, expect, it, vi } from 'vitest';

import {
	auditCsvPath,
	auditEventSchema,
	auditVerificationSchema,
	EMPTY_AUDIT_FILTERS,
	EMPTY_RUN_FILTERS,
	fetchRuns,
	runSchema,
	runsPath,
} from '../../../src/api';
import { apiFetchMock } from '../support/api-fetch';
import {
	auditEventPayload,
	failedRunPayload,
	rawResponse,
} from '../support/runs-fixtures';

vi.mock( '@wordpress/api-fetch', () => ( { default: vi.fn() } ) );

describe( 'run and audit schemas', () => {
	it( 'accept a run, PHP’s [] for no spend and numeric record ids', () => {
		const parsed = runSchema.parse( {
			...failedRunPayload(),
			spend: [],
			affected_records: [
				{ type: 'post', id: 17, action: 'updated', run_id: 42 },
			],
		} );
		expect( parsed.spend ).toEqual( {} );
		expect( parsed.affected_records[ 0 ]?.id ).toBe( '17' );
	} );

	it( 'reject an unknown run status and a time without offset', () => {
		expect(
			runSchema.safeParse( { ...failedRunPayload(), status: 'exploded' } )
				.success
		).toBe( false );
		expect(
			runSchema.safeParse( {
				...failedRunPayload(),
				started_at: '2026-11-25 20:00:00',
			} ).success
		).toBe( false );
	} );

	it( 'accept an audit event by the system and a verification result', () => {
		expect(
			auditEventSchema.safeParse( auditEventPayload( { actor: null } ) )
				.success
		).toBe( true );
		expect(
			auditVerificationSchema.parse( {
				ok: false,
				checked: 12,
				first_bad_id: 5,
			} ).first_bad_id
		).toBe( 5 );
	} );
} );

describe( 'run and audit paths', () => {
	it( 'leave empty filters out and make a day as upper bound its end', () => {
		expect(
			runsPath( {
				...EMPTY_RUN_FILTERS,
				category: 'marketing',
				status: 'failed',
				until: '2026-11-25',
				page: 2,
				perPage: 20,
			} )
		).toBe(
			'/sophmate-safe-mode/v1/runs?category=marketing&status=failed&until=2026-11-25T23%3A59%3A59Z&page=2&per_page=20'
		);
		expect(
			auditCsvPath( {
				...EMPTY_AUDIT_FILTERS,
				scope: 'category:marketing',
			} )
		).toBe(
			'/sophmate-safe-mode/v1/audit?scope=category%3Amarketing&format=csv'
		);
	} );
} );

describe( 'fetchRuns', () => {
	beforeEach( () => {
		apiFetchMock.mockReset();
	} );

	it( 'reads the totals from X-WP-Total and X-WP-TotalPages', async () => {
		apiFetchMock.mockResolvedValue(
			rawResponse( [ failedRunPayload() ], {
				'X-WP-Total': '41',
				'X-WP-TotalPages': '3',
			} )
		);
		const page = await fetchRuns( {
			...EMPTY_RUN_FILTERS,
			page: 1,
			perPage: 20,
		} );
		expect( page.total ).toBe( 41 );
		expect( page.totalPages ).toBe( 3 );
		expect( page.items[ 0 ]?.failed_step ).toBe( 'send' );
		expect( apiFetchMock.mock.calls[ 0 ]?.[ 0 ].parse ).toBe( false );
	} );

	it( 'turns an HTTP error response into an ApiError with the REST code', async () => {
		apiFetchMock.mockImplementation( async () => {
			throw new Response(
				JSON.stringify( {
					code: 'sophmate_invalid_time',
					message: 'since must be an ISO 8601 time',
					data: { status: 400 },
				} ),
				{ status: 400 }
			);
		} );
		const error: unknown = await fetchRuns( {
			...EMPTY_RUN_FILTERS,
			page: 1,
			perPage: 20,
		} ).catch( ( reason: unknown ) => reason );
		expect( error ).toMatchObject( {
			code: 'sophmate_invalid_time',
			status: 400,
		} );
	} );
} );
