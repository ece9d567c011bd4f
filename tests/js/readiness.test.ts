import { describe, expect, it } from 'vitest';

import { ApiError } from '../../src/api';
import {
	fixTarget,
	missingFromError,
	nextAction,
	reviewedRuns,
	scopeRoute,
	stepState,
	stillMissing,
} from '../../src/components/readiness/readiness';
import type { Readiness } from '../../src/api';

const readiness = ( overrides: Partial< Readiness > = {} ): Readiness => ( {
	mode: 'draft',
	next: 'read_only',
	ready: false,
	missing: [],
	read_only_runs: { succeeded: 0, required: 3 },
	drill: null,
	environment: 'production',
	mode_from_code: false,
	...overrides,
} );

describe( 'readiness utilities', () => {
	it( 'shows draft → read-only → live as steps behind, at and ahead', () => {
		expect(
			[ 'draft', 'read_only', 'live' ].map( ( step ) =>
				stepState( 'read_only', step as 'draft' )
			)
		).toEqual( [ 'done', 'current', 'todo' ] );
		expect( stepState( 'live', 'live' ) ).toBe( 'current' );
	} );

	it( 'reads the missing items of a 409 sophmate_not_ready, and nothing else', () => {
		const missing = [ { id: 'drill', label: 'Run a pause drill.' } ];
		const notReady = new ApiError( {
			code: 'sophmate_not_ready',
			message: 'x',
			status: 409,
			data: { status: 409, missing },
		} );
		expect( missingFromError( notReady ) ).toEqual( missing );
		expect(
			missingFromError(
				new ApiError( {
					code: 'sophmate_invalid_reviewed_runs',
					message: 'x',
					status: 400,
					data: { missing },
				} )
			)
		).toEqual( [] );
		expect(
			missingFromError(
				new ApiError( {
					code: 'sophmate_not_ready',
					message: 'x',
					status: 409,
					data: { missing: 'garbled' },
				} )
			)
		).toEqual( [] );
		expect( missingFromError( null ) ).toEqual( [] );
	} );

	it( 'links every missing item to where it is fixed', () => {
		expect( fixTarget( 'checklist.output', 'marketing' ) ).toMatchObject( {
			kind: 'anchor',
			anchor: 'sophmate-readiness-checklist-output',
		} );
		expect( fixTarget( 'owner_capability', 'marketing' ) ).toMatchObject( {
			anchor: 'sophmate-readiness-checklist-owner',
		} );
		expect( fixTarget( 'drill_failed', 'marketing' ) ).toMatchObject( {
			kind: 'route',
			route: { view: 'category', slug: 'marketing' },
		} );
		expect( fixTarget( 'reviewed_runs', 'marketing' ) ).toMatchObject( {
			anchor: 'sophmate-readiness-runs',
		} );
		// Bindings are set where the automation is created or registered.
		expect( fixTarget( 'kill_switch', 'marketing' ) ).toEqual( {
			kind: 'none',
		} );
		expect( fixTarget( 'read_only_step', 'marketing' ) ).toEqual( {
			kind: 'none',
		} );
	} );

	it( 'offers one step up, none once live or when code sets the mode', () => {
		expect( nextAction( readiness() ) ).toMatchObject( {
			target: 'read_only',
			label: 'Move to read-only',
		} );
		expect(
			nextAction( readiness( { mode: 'read_only', next: 'live' } ) )
		).toMatchObject( { target: 'live', label: 'Take live' } );
		expect( nextAction( readiness( { mode: 'live', next: null } ) ) ).toBe(
			null
		);
		expect( nextAction( readiness( { mode_from_code: true } ) ) ).toBe(
			null
		);
	} );

	it( 'sends only runs that were opened and ticked', () => {
		expect(
			reviewedRuns(
				[ 5, 4, 3 ],
				new Set( [ 5, 4 ] ),
				new Set( [ 5, 3 ] )
			)
		).toEqual( [ 5 ] );
		expect(
			reviewedRuns( [ 5 ], new Set( [ 5, 9 ] ), new Set( [ 5, 9 ] ) )
		).toEqual( [ 5 ] );
	} );

	it( 'stops asking for reviews once enough runs are ticked', () => {
		const missing = [
			{ id: 'reviewed_runs', label: 'Review 3' },
			{ id: 'drill', label: 'Drill' },
		];
		expect( stillMissing( missing, 2, 3 ) ).toEqual( missing );
		expect( stillMissing( missing, 3, 3 ) ).toEqual( [ missing[ 1 ] ] );
	} );

	it( 'routes a problem to its category or automation page', () => {
		expect( scopeRoute( 'category:marketing' ) ).toEqual( {
			view: 'category',
			slug: 'marketing',
		} );
		expect( scopeRoute( 'automation:acme-sync' ) ).toEqual( {
			view: 'automation',
			id: 'acme-sync',
		} );
		expect( scopeRoute( 'global' ) ).toBe( null );
	} );
} );
