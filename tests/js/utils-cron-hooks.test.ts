import { describe, expect, it } from 'vitest';

import {
	idFromHook,
	isValidId,
	labelFromHook,
} from '../../src/utils/cron-hooks';

describe( 'suggestions from a cron hook name', () => {
	it( 'keeps a hook that already is a valid id', () => {
		expect( idFromHook( 'acme_newsletter_send' ) ).toBe(
			'acme_newsletter_send'
		);
	} );

	it( 'lowercases, replaces other characters by "-" and trims separators at the ends', () => {
		expect( idFromHook( '_Acme\\Report::build' ) ).toBe(
			'acme-report-build'
		);
		expect( idFromHook( 'wp.update/plugins-' ) ).toBe(
			'wp-update-plugins'
		);
	} );

	it( 'cuts the id to 64 characters and always yields a valid id or nothing', () => {
		const id = idFromHook( `a${ 'b'.repeat( 100 ) }` );
		expect( id ).toHaveLength( 64 );
		expect( isValidId( id ) ).toBe( true );
		expect( idFromHook( '::' ) ).toBe( '' );
		expect( isValidId( '' ) ).toBe( false );
		expect( isValidId( '-leading' ) ).toBe( false );
	} );

	it( 'makes a readable label', () => {
		expect( labelFromHook( 'acme_newsletter_send' ) ).toBe(
			'Acme newsletter send'
		);
		expect( labelFromHook( 'Acme\\Report::build' ) ).toBe(
			'Acme Report build'
		);
	} );
} );
