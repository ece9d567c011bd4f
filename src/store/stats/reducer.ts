import { keyedFetchSettled, keyedFetchStarted } from '../keyed';
import type { StatsAction, StatsEntry, StatsState } from './types';

export const initialState: StatsState = {
	entries: {},
	latestRequestId: 0,
};

const emptyEntry: StatsEntry = {
	stats: null,
	isFetching: false,
	error: null,
	requestId: 0,
};

/**
 * Stats store reducer: one entry per window/category. The answer of a
 * superseded request for the same key is ignored.
 *
 * @param state  Current state.
 * @param action Dispatched action.
 */
export function reducer(
	state: StatsState = initialState,
	action: StatsAction
): StatsState {
	switch ( action.type ) {
		case 'FETCH_STATS_START':
			return keyedFetchStarted(
				state,
				action.key,
				action.requestId,
				emptyEntry
			);
		case 'FETCH_STATS_SUCCESS':
			return keyedFetchSettled( state, action.key, action.requestId, {
				stats: action.stats,
			} );
		case 'FETCH_STATS_FAILURE':
			return keyedFetchSettled( state, action.key, action.requestId, {
				error: action.error,
			} );
		default:
			return state;
	}
}
