import { keyedFetchSettled, keyedFetchStarted } from '../keyed';
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
		case 'FETCH_REVIEW_START':
			return keyedFetchStarted(
				state,
				action.scope,
				action.requestId,
				emptyEntry
			);
		case 'FETCH_REVIEW_SUCCESS':
			return keyedFetchSettled( state, action.scope, action.requestId, {
				review: action.review,
			} );
		case 'FETCH_REVIEW_FAILURE':
			return keyedFetchSettled( state, action.scope, action.requestId, {
				error: action.error,
			} );
		default:
			return state;
	}
}
