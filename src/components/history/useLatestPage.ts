/**
 * A small fetch hook for the history widgets. They show a fixed, short slice
 * of a list (the latest runs of one category, the audit events of one scope)
 * next to other content, so they keep their own state instead of the Runs and
 * Audit tab stores, which hold the one page the tab shows: sharing it would
 * let a widget and the tab overwrite each other's rows.
 */
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';

import { toApiError, type ApiError, type Page } from '../../api';

export interface LatestPage< T > {
	page: Page< T > | null;
	/** True while a request is in flight (also when older rows are shown). */
	fetching: boolean;
	error: ApiError | null;
	/** Asks again (after an error, say). */
	retry: () => void;
}

/**
 * Loads `load()` whenever `key` changes; answers of superseded requests are
 * dropped, so a slow old answer cannot replace the current one.
 *
 * @param key  Identifies the query (e.g. its request path).
 * @param load Fetches the page; read at request time, not a dependency.
 */
export function useLatestPage< T >(
	key: string,
	load: () => Promise< Page< T > >
): LatestPage< T > {
	const loadRef = useRef( load );
	loadRef.current = load;
	const [ attempt, setAttempt ] = useState( 0 );
	const [ state, setState ] = useState< {
		page: Page< T > | null;
		fetching: boolean;
		error: ApiError | null;
	} >( { page: null, fetching: true, error: null } );

	useEffect( () => {
		// Cleared when the key changes or the widget goes away: an answer
		// still on its way then belongs to a query nobody shows.
		let current = true;
		setState( ( previous ) => ( { ...previous, fetching: true } ) );
		loadRef.current().then(
			( page ) => {
				if ( current ) {
					setState( { page, fetching: false, error: null } );
				}
			},
			( error: unknown ) => {
				if ( current ) {
					setState( ( previous ) => ( {
						...previous,
						fetching: false,
						error: toApiError( error ),
					} ) );
				}
			}
		);
		return () => {
			current = false;
		};
	}, [ key, attempt ] );

	const retry = useCallback( () => setAttempt( ( n ) => n + 1 ), [] );
	return { ...state, retry };
}
