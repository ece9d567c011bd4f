import { describe, expect, it } from 'vitest';

import { EMPTY_AUDIT_FILTERS, EMPTY_RUN_FILTERS } from '../../src/api';
import { parseRoute, routeToSearch } from '../../src/utils/route';

describe( 'routes in the query string', () => {
	it( 'default to the overview', () => {
		expect( parseRoute( '?page=sophmate-safe-mode' ) ).toEqual( {
			view: 'overview',
		} );
		expect(
			parseRoute( '?page=sophmate-safe-mode&view=run&id=x' )
		).toEqual( { view: 'overview' } );
	} );

	it( 'read the runs filters and page, ignoring an unknown status', () => {
		expect(
			parseRoute(
				'?page=sophmate-safe-mode&view=runs&category=marketing&status=failed&paged=2'
			)
		).toEqual( {
			view: 'runs',
			page: 2,
			filters: {
				...EMPTY_RUN_FILTERS,
				category: 'marketing',
				status: 'failed',
			},
		} );
		expect(
			parseRoute( '?view=runs&status=bogus' ).view === 'runs' &&
				parseRoute( '?view=runs&status=bogus' )
		).toMatchObject( { filters: { status: '' }, page: 1 } );
	} );

	it( 'write a route back, keeping the admin page arg and dropping stale ones', () => {
		const current =
			'?page=sophmate-safe-mode&view=runs&status=failed&paged=3';
		expect( routeToSearch( { view: 'run', id: 123 }, current ) ).toBe(
			'?page=sophmate-safe-mode&view=run&id=123'
		);
		expect(
			routeToSearch(
				{
					view: 'audit',
					page: 2,
					filters: { ...EMPTY_AUDIT_FILTERS, scope: 'global' },
				},
				current
			)
		).toBe( '?page=sophmate-safe-mode&view=audit&scope=global&paged=2' );
		expect( routeToSearch( { view: 'overview' }, current ) ).toBe(
			'?page=sophmate-safe-mode'
		);
	} );

	it( 'round-trip', () => {
		const search =
			'?page=sophmate-safe-mode&view=runs&category=marketing&automation=a&status=failed&since=2026-11-01&until=2026-11-25&paged=4';
		expect( routeToSearch( parseRoute( search ), '' ) ).toBe(
			search.replace( 'page=sophmate-safe-mode&', '' )
		);
	} );

	it( 'read category and automation pages, and fall back to the overview without their key', () => {
		expect( parseRoute( '?view=category&slug=marketing' ) ).toEqual( {
			view: 'category',
			slug: 'marketing',
		} );
		expect( parseRoute( '?view=automation&id=nightly-digest' ) ).toEqual( {
			view: 'automation',
			id: 'nightly-digest',
		} );
		expect( parseRoute( '?view=category' ) ).toEqual( {
			view: 'overview',
		} );
		expect( parseRoute( '?view=automation&id=' ) ).toEqual( {
			view: 'overview',
		} );
		expect(
			routeToSearch(
				{ view: 'category', slug: 'marketing' },
				'?page=sophmate-safe-mode&view=run&id=4'
			)
		).toBe( '?page=sophmate-safe-mode&view=category&slug=marketing' );
		expect( routeToSearch( { view: 'automation', id: 'a b' }, '' ) ).toBe(
			'?view=automation&id=a+b'
		);
	} );

	it( 'read the restart review of a scope, and refuse a malformed scope', () => {
		expect(
			parseRoute( '?view=review&scope=category%3Amarketing' )
		).toEqual( { view: 'review', scope: 'category:marketing' } );
		expect( parseRoute( '?view=review&scope=global' ) ).toEqual( {
			view: 'review',
			scope: 'global',
		} );
		expect( parseRoute( '?view=review&scope=team%3Aops' ) ).toEqual( {
			view: 'overview',
		} );
		expect(
			routeToSearch( { view: 'review', scope: 'automation:a' }, '' )
		).toBe( '?view=review&scope=automation%3Aa' );
	} );
} );
