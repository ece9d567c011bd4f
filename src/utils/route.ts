/**
 * Views of the one admin page, kept in the query string so every view is
 * bookmarkable: `admin.php?page=sophmate-safe-mode&view=runs&status=failed&paged=2`,
 * `&view=run&id=123`, `&view=audit`, `&view=category&slug=marketing`,
 * `&view=automation&id=nightly-digest`, `&view=review&scope=category:marketing`. Navigation uses history.pushState and
 * listens to popstate, so back/forward work without a reload.
 */
import { useCallback, useEffect, useState } from '@wordpress/element';

import {
	EMPTY_AUDIT_FILTERS,
	EMPTY_RUN_FILTERS,
	RUN_STATUSES,
	type AuditFilters,
	type RunFilters,
	type RunStatus,
} from '../api';

export type Route =
	| { view: 'overview' }
	| { view: 'runs'; filters: RunFilters; page: number }
	| { view: 'run'; id: number }
	| { view: 'category'; slug: string }
	| { view: 'automation'; id: string }
	| { view: 'review'; scope: string }
	| { view: 'providers' }
	| { view: 'notifications' }
	| { view: 'settings' }
	| { view: 'audit'; filters: AuditFilters; page: number };

/** Query args of ours; everything else in the URL (e.g. `page`) is kept. */
const OWN_ARGS = [
	'view',
	'id',
	'slug',
	'paged',
	'category',
	'automation',
	'status',
	'scope',
	'action',
	'since',
	'until',
];

function pageArg( search: URLSearchParams ): number {
	const paged = parseInt( search.get( 'paged' ) ?? '1', 10 );
	return Number.isFinite( paged ) && paged > 0 ? paged : 1;
}

function isRunStatus( value: string ): value is RunStatus {
	return ( RUN_STATUSES as readonly string[] ).includes( value );
}

/**
 * The route a query string names; anything unknown is the overview.
 *
 * @param searchString `location.search`.
 */
export function parseRoute( searchString: string ): Route {
	const search = new URLSearchParams( searchString );
	const get = ( key: string ) => search.get( key ) ?? '';
	switch ( search.get( 'view' ) ) {
		case 'runs': {
			const status = get( 'status' );
			return {
				view: 'runs',
				page: pageArg( search ),
				filters: {
					...EMPTY_RUN_FILTERS,
					category: get( 'category' ),
					automation: get( 'automation' ),
					status: isRunStatus( status ) ? status : '',
					since: get( 'since' ),
					until: get( 'until' ),
				},
			};
		}
		case 'run': {
			const id = parseInt( get( 'id' ), 10 );
			return Number.isFinite( id ) && id > 0
				? { view: 'run', id }
				: { view: 'overview' };
		}
		case 'category': {
			const slug = get( 'slug' );
			return slug ? { view: 'category', slug } : { view: 'overview' };
		}
		case 'automation': {
			const id = get( 'id' );
			return id ? { view: 'automation', id } : { view: 'overview' };
		}
		case 'review': {
			const scope = get( 'scope' );
			return /^(global|category:[^:]+|automation:[^:]+)$/.test( scope )
				? { view: 'review', scope }
				: { view: 'overview' };
		}
		case 'providers':
		case 'notifications':
		case 'settings':
			return { view: search.get( 'view' ) as 'providers' };
		case 'audit':
			return {
				view: 'audit',
				page: pageArg( search ),
				filters: {
					...EMPTY_AUDIT_FILTERS,
					scope: get( 'scope' ),
					action: get( 'action' ),
					since: get( 'since' ),
					until: get( 'until' ),
				},
			};
		default:
			return { view: 'overview' };
	}
}

/**
 * The query string of a route, keeping foreign args of `current` (such as
 * `page=sophmate-safe-mode`).
 *
 * @param route   Route.
 * @param current Current `location.search`.
 */
export function routeToSearch( route: Route, current: string ): string {
	const search = new URLSearchParams( current );
	OWN_ARGS.forEach( ( key ) => search.delete( key ) );
	const set = ( key: string, value: string | number ) => {
		if ( value !== '' && value !== 0 ) {
			search.set( key, String( value ) );
		}
	};
	if ( route.view !== 'overview' ) {
		search.set( 'view', route.view );
	}
	if ( route.view === 'run' || route.view === 'automation' ) {
		set( 'id', route.id );
	}
	if ( route.view === 'category' ) {
		set( 'slug', route.slug );
	}
	if ( route.view === 'review' ) {
		set( 'scope', route.scope );
	}
	if ( route.view === 'runs' || route.view === 'audit' ) {
		Object.entries( route.filters ).forEach( ( [ key, value ] ) =>
			set( key, value as string )
		);
		if ( route.page > 1 ) {
			set( 'paged', route.page );
		}
	}
	const query = search.toString();
	return query ? `?${ query }` : '';
}

/**
 * The current route and a navigate() that pushes a history entry.
 * Back/forward (popstate) update the route.
 */
export function useRoute(): [ Route, ( route: Route ) => void ] {
	const [ route, setRoute ] = useState< Route >( () =>
		parseRoute( window.location.search )
	);
	useEffect( () => {
		const onPop = () => setRoute( parseRoute( window.location.search ) );
		window.addEventListener( 'popstate', onPop );
		return () => window.removeEventListener( 'popstate', onPop );
	}, [] );
	const navigate = useCallback( ( next: Route ) => {
		const search = routeToSearch( next, window.location.search );
		window.history.pushState(
			null,
			'',
			`${ window.location.pathname }${ search }${ window.location.hash }`
		);
		setRoute( parseRoute( search ) );
	}, [] );
	return [ route, navigate ];
}

/**
 * The href of a route on this page (keeps `page=sophmate-safe-mode`).
 *
 * @param route Route.
 */
export function routeHref( route: Route ): string {
	return `${ window.location.pathname }${ routeToSearch(
		route,
		window.location.search
	) }`;
}

/**
 * Navigates to a route from anywhere in the app: pushes a history entry and
 * tells every useRoute() through the same event back/forward fire, so
 * components deep in a table need no navigate() prop.
 *
 * @param route Route.
 */
export function goTo( route: Route ): void {
	window.history.pushState( null, '', routeHref( route ) );
	window.dispatchEvent( new PopStateEvent( 'popstate' ) );
}
