import type { ReviewAction, ReviewEntry, ReviewState } from './types';

export const initialState: ReviewState = {
	entries: {},
	latestRequestId: 0,
};

const emptyEntry: ReviewEntry = {
	review: null,
	isFetching: false,
	error: null,
	requestId: 0,
};

/**
 * Review store reducer: one entry per scope. The answer of a superseded
 * request for the same scope is ignored, so a slow first load cannot replace
 * the evidence of a later refresh.
 *
 * @param state  Current state.
 * @param action Dispatched action.
 */
export function reducer(
	state: ReviewState = initialState,
	action: ReviewAction
): ReviewState {
	switch ( action.type ) {
		case 'FETCH_REVIEW_START': {
			const entry = state.entries[ action.scope ] ?? emptyEntry;
			return {
				entries: {
					...state.entries,
					[ action.scope ]: {
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
		case 'FETCH_REVIEW_SUCCESS':
		case 'FETCH_REVIEW_FAILURE': {
			const entry = state.entries[ action.scope ];
			if ( ! entry || entry.requestId !== action.requestId ) {
				return state;
			}
			const next: ReviewEntry =
				action.type === 'FETCH_REVIEW_SUCCESS'
					? {
							...entry,
							review: action.review,
							isFetching: false,
							error: null,
						}
					: { ...entry, isFetching: false, error: action.error };
			return {
				...state,
				entries: { ...state.entries, [ action.scope ]: next },
			};
		}
		default:
			return state;
	}
}
