import { describe, expect, it } from 'vitest';

import type { Trial } from '../../src/api';
import { promoteBlocker, trialProgress } from '../../src/utils/trial';

const trial = ( overrides: Partial< Trial > = {} ): Trial => ( {
	automations: [],
	max_runs: 5,
	read_only: true,
	note: '',
	runs_used: 2,
	succeeded: 2,
	failed: 0,
	...overrides,
} );

describe( 'a trial in words', () => {
	it( 'says how far it got and how it went', () => {
		expect( trialProgress( trial() ) ).toBe(
			'2 of 5 trial runs, all succeeded'
		);
		expect( trialProgress( trial( { succeeded: 1, failed: 1 } ) ) ).toBe(
			'2 of 5 trial runs, 1 failed'
		);
		expect( trialProgress( trial( { succeeded: 1 } ) ) ).toBe(
			'2 of 5 trial runs: 1 succeeded, 1 not finished'
		);
		expect( trialProgress( trial( { runs_used: 0, succeeded: 0 } ) ) ).toBe(
			'No trial run yet (at most 5).'
		);
		expect(
			trialProgress(
				trial( {
					max_runs: null,
					runs_used: 1,
					succeeded: undefined,
					failed: undefined,
				} )
			)
		).toBe( '1 trial run' );
	} );

	it( 'explains why Promote is not possible yet, and leaves unknown counts to the server', () => {
		expect( promoteBlocker( trial() ) ).toBeNull();
		expect(
			promoteBlocker( trial( { succeeded: 0, runs_used: 0 } ) )
		).toBe( 'Promote becomes possible after one successful trial run.' );
		expect( promoteBlocker( trial( { failed: 1 } ) ) ).toBe(
			'A trial run failed: review again before restarting.'
		);
		expect(
			promoteBlocker(
				trial( { succeeded: undefined, failed: undefined } )
			)
		).toBeNull();
	} );
} );
