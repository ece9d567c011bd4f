import { useCallback, useEffect, useRef, useState } from '@wordpress/element';

import { toApiError, type ApiError } from '../../api';

export interface AsyncState< T > {
	/** The answer; undefined until the first one for the current key. */
	value: T | undefined;
	error: ApiError | null;
	retry: () => void;
}

/**
 * Loads `load()` whenever `key` changes, dropping answers of superseded
 * keys. The page's sections keep their own data this way, so one failing
 * does not take the others down, and the Runs/Audit tab stores keep theirs.
 *
 * @param key  Identifies the query.
 * @param load Fetches; read at request time, not a dependency.
 */
export function useAsync< T >(
	key: string,
	load: () => Promise< T >
): AsyncState< T > {
	const loadRef = useRef( load );
	loadRef.current = load;
	const [ attempt, setAttempt ] = useState( 0 );
	const [ state, setState ] = useState< {
		key: string;
		value: T | undefined;
		error: ApiError | null;
	} >( { key, value: undefined, error: null } );

	useEffect( () => {
		let current = true;
		setState( ( previous ) =>
			previous.key === key
				? { ...previous, error: null }
				: { key, value: undefined, error: null }
		);
		loadRef.current().then(
			( value ) => {
				if ( current ) {
					setState( { key, value, error: null } );
				}
			},
			( error: unknown ) => {
				if ( current ) {
					setState( ( previous ) => ( {
						...previous,
						key,
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
	const fresh = state.key === key;
	return {
		value: fresh ? state.value : undefined,
		error: fresh ? state.error : null,
		retry,
	};
}
