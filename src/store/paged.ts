import type { ApiError } from '../api';

/**
 * State shared by the stores that show one server page of a list at a time
 * (runs, audit): only the answer of the newest request may become the page,
 * so a slow answer for old filters cannot replace the current ones.
 */
export interface PagedState< T > {
	page: { items: T[]; total: number; totalPages: number } | null;
	latestRequestId: number;
	isFetching: boolean;
	error: ApiError | null;
}

/**
 * A page request started; its id is the new latestRequestId.
 *
 * @param state Current state.
 */
export function pageFetchStarted< S extends PagedState< unknown > >(
	state: S
): S {
	return {
		...state,
		latestRequestId: state.latestRequestId + 1,
		isFetching: true,
	};
}

/**
 * A page request answered; ignored unless it is the newest.
 *
 * @param state     Current state.
 * @param requestId Id of the request that answered.
 * @param outcome   The page, or the error.
 */
export function pageFetchSettled< T, S extends PagedState< T > >(
	state: S,
	requestId: number,
	outcome:
		{ items: T[]; total: number; totalPages: number } | { error: ApiError }
): S {
	if ( requestId !== state.latestRequestId ) {
		return state;
	}
	if ( 'error' in outcome ) {
		return { ...state, isFetching: false, error: outcome.error };
	}
	return {
		...state,
		page: {
			items: outcome.items,
			total: outcome.total,
			totalPages: outcome.totalPages,
		},
		isFetching: false,
		error: null,
	};
}
