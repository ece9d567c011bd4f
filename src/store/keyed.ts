import type { ApiError } from '../api';

/**
 * State shared by the stores that keep one fetched value per key (a review per
 * scope, stats per window): each key remembers its newest request, so the
 * answer of a superseded request can never replace a later one.
 */
export interface KeyedEntry {
	isFetching: boolean;
	error: ApiError | null;
	/** Id of the newest request for this key; older answers are ignored. */
	requestId: number;
}

export interface KeyedState< E extends KeyedEntry > {
	entries: Record< string, E >;
	latestRequestId: number;
}

/**
 * A request for `key` started.
 *
 * @param state     Current state.
 * @param key       Entry key.
 * @param requestId Id of the request.
 * @param empty     Entry to start from when the key is new.
 */
export function keyedFetchStarted< E extends KeyedEntry >(
	state: KeyedState< E >,
	key: string,
	requestId: number,
	empty: E
): KeyedState< E > {
	const entry = state.entries[ key ] ?? empty;
	return {
		entries: {
			...state.entries,
			[ key ]: { ...entry, isFetching: true, requestId },
		},
		latestRequestId: Math.max( state.latestRequestId, requestId ),
	};
}

/**
 * A request for `key` answered: `patch` holds the value on success, the error
 * on failure. Ignored unless it is the key's newest request.
 *
 * @param state     Current state.
 * @param key       Entry key.
 * @param requestId Id of the request that answered.
 * @param patch     Fields to set.
 */
export function keyedFetchSettled< E extends KeyedEntry >(
	state: KeyedState< E >,
	key: string,
	requestId: number,
	patch: Partial< E >
): KeyedState< E > {
	const entry = state.entries[ key ];
	if ( ! entry || entry.requestId !== requestId ) {
		return state;
	}
	return {
		...state,
		entries: {
			...state.entries,
			[ key ]: { ...entry, isFetching: false, error: null, ...patch },
		},
	};
}
