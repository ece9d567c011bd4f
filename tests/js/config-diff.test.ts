import { describe, expect, it } from 'vitest';

import type { ConfigChange } from '../../src/api/config';
import { configImportResultSchema, configErrors } from '../../src/api/config';
import { ApiError } from '../../src/api/errors';
import {
	configFileName,
	errorLines,
	formatValue,
	groupChanges,
	hasWrites,
	parseConfigText,
	summaryText,
} from '../../src/components/config/configDiff';

const changes: ConfigChange[] = [
	{
		type: 'category',
		id: 'commerce',
		change: 'changed',
		fields: [ { path: 'review_every_days', from: 30, to: 14 } ],
	},
	{ type: 'category', id: 'content', change: 'unchanged', fields: [] },
	{ type: 'category', id: 'legacy', change: 'not_in_file', fields: [] },
	{
		type: 'provider',
		id: 'stripe',
		change: 'added',
		fields: [ { path: 'hosts', from: null, to: [ 'api.stripe.com' ] } ],
	},
	{
		type: 'automation',
		id: 'alt-text',
		change: 'skipped',
		fields: [ { path: 'mode', from: 'draft', to: 'live' } ],
	},
	{ type: 'settings', id: 'settings', change: 'unchanged', fields: [] },
];

describe( 'groupChanges', () => {
	it( 'groups by type in a fixed order, shows added/changed/skipped and counts the rest', () => {
		const groups = groupChanges( changes );
		expect( groups.map( ( g ) => g.type ) ).toEqual( [
			'category',
			'automation',
			'provider',
			'settings',
		] );
		expect( groups[ 0 ]?.items.map( ( i ) => i.id ) ).toEqual( [
			'commerce',
		] );
		expect( groups[ 0 ]?.unchanged ).toBe( 1 );
		expect( groups[ 0 ]?.notInFile ).toEqual( [ 'legacy' ] );
		expect( groups[ 1 ]?.items[ 0 ]?.change ).toBe( 'skipped' );
		expect( groups[ 3 ]?.items ).toEqual( [] );
	} );

	it( 'knows whether applying would write anything', () => {
		expect( hasWrites( changes ) ).toBe( true );
		expect(
			hasWrites(
				changes.filter(
					( c ) => c.change !== 'changed' && c.change !== 'added'
				)
			)
		).toBe( false );
	} );
} );

describe( 'formatValue', () => {
	it( 'shows owners, lists, nothing and booleans readably', () => {
		expect(
			formatValue( { login: 'ops', email: 'ops@example.test' } )
		).toBe( 'ops (ops@example.test)' );
		expect( formatValue( [ 'a.example', 'b.example' ] ) ).toBe(
			'a.example, b.example'
		);
		expect( formatValue( [] ) ).toBe( '(none)' );
		expect( formatValue( null ) ).toBe( '—' );
		expect( formatValue( true ) ).toBe( 'yes' );
		expect( formatValue( 14 ) ).toBe( '14' );
		expect( formatValue( { max_attempts: 3 } ) ).toBe(
			'{"max_attempts":3}'
		);
	} );
} );

describe( 'errors, summary and file name', () => {
	it( 'reads the per-field errors of a refused import', () => {
		const error = new ApiError( {
			code: 'sophmate_invalid_config',
			message: 'The configuration has 2 errors; nothing was changed.',
			status: 400,
			data: {
				status: 400,
				errors: [
					{
						path: 'categories[2].policy.running',
						code: 'sophmate_invalid_policy',
						message:
							'policy.running must be one of finish, stop_at_checkpoint.',
					},
					{
						path: '',
						code: 'sophmate_invalid_config',
						message: 'Not an object.',
					},
				],
			},
		} );
		expect( errorLines( configErrors( error ) ) ).toEqual( [
			'categories[2].policy.running: policy.running must be one of finish, stop_at_checkpoint.',
			'Not an object.',
		] );
		expect(
			configErrors(
				new ApiError( {
					code: 'x',
					message: 'y',
					status: 500,
					data: {},
				} )
			)
		).toEqual( [] );
	} );

	it( 'summarises counts and names the download after site, environment and date', () => {
		expect(
			summaryText( {
				added: 1,
				changed: 2,
				unchanged: 3,
				not_in_file: 4,
				skipped: 0,
			} )
		).toBe( '1 added, 2 changed, 3 unchanged, 4 kept (not in the file)' );
		expect(
			configFileName( {
				format: 'sophmate-safe-mode/config',
				version: 1,
				exported_at: '2026-11-26T02:00:00Z',
				environment: 'staging',
				site: 'https://staging.example.test/shop',
			} )
		).toBe(
			'sophmate-config-staging.example.test-staging-2026-11-26.json'
		);
	} );

	it( 'parses pasted text without throwing', () => {
		expect( parseConfigText( '{"a":1}' ) ).toEqual( {
			ok: true,
			value: { a: 1 },
		} );
		expect( parseConfigText( '  ' ).ok ).toBe( false );
		expect( parseConfigText( '{nope' ).ok ).toBe( false );
	} );

	it( 'accepts the import result the server sends', () => {
		const parsed = configImportResultSchema.parse( {
			applied: false,
			dry_run: true,
			changes,
			changes_hash: 'a'.repeat( 64 ),
			summary: { added: 1 },
			warnings: [],
			source: { environment: 'staging', site: 'x', exported_at: '' },
		} );
		expect( parsed.changes ).toHaveLength( 6 );
	} );
} );
