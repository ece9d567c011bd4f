import type { OwnersAction, OwnersState } from './types';

export const initialState: OwnersState = {
	items: null,
	latestRequestId: 0,
	isFetching: false,
	error: null,
};

/**
 * Owners store reducer; ignores responses of superseded requests, so a slow
 * old answer cannot replace a newer list.
 *
 * @param state  Current state.
 * @param action Dispatched action.
 */
export function reducer(
	state: OwnersState = initialState,
	action: OwnersAction
): OwnersState {
	switch ( action.type ) {
		case 'FETCH_OWNERS_START':
			return {
				...state,
				latestRequestId: state.latestRequestId + 1,
				isFetching: true,
			};
		case 'FETCH_OWNERS_SUCCESS':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return {
				...state,
				items: action.items,
				isFetching: false,
				error: null,
			};
		case 'FETCH_OWNERS_FAILURE':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return { ...state, isFetching: false, error: action.error };
		default:
			return state;
	}
}
