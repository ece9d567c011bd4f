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
		case 'FETCH_STATS_START': {
			const entry = state.entries[ action.key ] ?? emptyEntry;
			return {
				entries: {
					...state.entries,
					[ action.key ]: {
						...entry,
						isFetching: true,
						requestId: action.requestId,
					},
				},
				latestRequestId: Math.max(
					state.latestRequestId,
					action.requestId
				),
			};
		}
		case 'FETCH_STATS_SUCCESS':
		case 'FETCH_STATS_FAILURE': {
			const entry = state.entries[ action.key ];
			if ( ! entry || entry.requestId !== action.requestId ) {
				return state;
			}
			const next: StatsEntry =
				action.type === 'FETCH_STATS_SUCCESS'
					? {
							...entry,
							stats: action.stats,
							isFetching: false,
							error: null,
						}
					: { ...entry, isFetching: false, error: action.error };
			return {
				...state,
				entries: { ...state.entries, [ action.key ]: next },
			};
		}
		default:
			return state;
	}
}
