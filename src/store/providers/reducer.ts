import type { ProvidersAction, ProvidersState } from './types';

export const initialState: ProvidersState = {
	items: null,
	latestRequestId: 0,
	isFetching: false,
	error: null,
};

/**
 * Providers store reducer; ignores responses of superseded requests, so a slow
 * old answer cannot replace a newer list.
 *
 * @param state  Current state.
 * @param action Dispatched action.
 */
export function reducer(
	state: ProvidersState = initialState,
	action: ProvidersAction
): ProvidersState {
	switch ( action.type ) {
		case 'FETCH_PROVIDERS_START':
			return {
				...state,
				latestRequestId: state.latestRequestId + 1,
				isFetching: true,
			};
		case 'FETCH_PROVIDERS_SUCCESS':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return {
				...state,
				items: action.items,
				isFetching: false,
				error: null,
			};
		case 'FETCH_PROVIDERS_FAILURE':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return { ...state, isFetching: false, error: action.error };
		default:
			return state;
	}
}
