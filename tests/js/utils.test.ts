import { describe, expect, it } from 'vitest';

import { parseBoot } from '../../src/boot';
import { actorName, policySummary, sourceLabel } from '../../src/utils/labels';
import { formatAbsolute, formatRelative } from '../../src/utils/time';

describe( 'policySummary', () => {
	it( 'puts a pause policy in plain words', () => {
		expect(
			policySummary( {
				running: 'stop_at_checkpoint',
				queued: 'hold',
				scheduled: 'skip',
				retrying: 'cancel',
				cleanup_notes: '',
				restart_owner_id: null,
			} )
		).toBe(
			'Running jobs: stop at checkpoint · Queued: hold · Scheduled: skip · Retrying: cancel'
		);
	} );
} );

describe( 'actor and source labels', () => {
	it( 'calls a null actor the system and prefers a display name', () => {
		expect( actorName( null ) ).toBe( 'System' );
		expect( actorName( { id: 3, login: 'ops', name: '' } ) ).toBe( 'ops' );
		expect( actorName( { id: 3, login: 'ops', name: 'Oli Ops' } ) ).toBe(
			'Oli Ops'
		);
	} );

	it( 'passes an unknown source through unchanged', () => {
		expect( sourceLabel( 'breaker' ) ).toBe( 'circuit breaker' );
		expect( sourceLabel( 'webhook' ) ).toBe( 'webhook' );
	} );
} );

describe( 'time formatting', () => {
	const now = Date.parse( '2025-11-25T21:00:00Z' );

	it( 'gives relative times in the largest fitting unit', () => {
		expect(
			formatRelative( '2025-11-25T20:55:00+00:00', now, 'en-US' )
		).toBe( '5 minutes ago' );
		expect( formatRelative( '2025-11-24T21:00:00Z', now, 'en-US' ) ).toBe(
			'yesterday'
		);
		expect( formatRelative( '2025-11-25T20:59:58Z', now, 'en-US' ) ).toBe(
			'2 seconds ago'
		);
	} );

	it( 'gives an absolute date with the year', () => {
		expect( formatAbsolute( '2025-11-25T20:51:00Z', 'en-US' ) ).toMatch(
			/Nov 25, 2025/
		);
	} );

	it( 'returns what it cannot parse unchanged', () => {
		expect( formatRelative( 'not a date', now, 'en-US' ) ).toBe(
			'not a date'
		);
	} );
} );

describe( 'parseBoot', () => {
	it( 'accepts the boot object the PHP page prints', () => {
		const result = parseBoot( {
			namespace: 'sophmate-safe-mode/v1',
			canManage: false,
			canPause: true,
			userId: 5,
			adminUrl: 'https://example.test/wp-admin/',
		} );

		expect( result ).toEqual( {
			ok: true,
			boot: expect.objectContaining( { canPause: true, userId: 5 } ),
		} );
	} );

	it( 'names the fields that are missing or wrong', () => {
		const result = parseBoot( { namespace: 'x', canManage: 1 } );

		expect( result.ok ).toBe( false );
		expect( result.ok ? '' : result.message ).toMatch( /canManage/ );
		expect( result.ok ? '' : result.message ).toMatch( /userId/ );
	} );
} );
