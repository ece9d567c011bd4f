import type { AutomationsAction, AutomationsState } from './types';

export const initialState: AutomationsState = {
	items: null,
	latestRequestId: 0,
	isFetching: false,
	error: null,
};

/**
 * Automations store reducer; ignores responses of superseded requests.
 *
 * @param state  Current state.
 * @param action Dispatched action.
 */
export function reducer(
	state: AutomationsState = initialState,
	action: AutomationsAction
): AutomationsState {
	switch ( action.type ) {
		case 'FETCH_AUTOMATIONS_START':
			return {
				...state,
				latestRequestId: state.latestRequestId + 1,
				isFetching: true,
			};
		case 'FETCH_AUTOMATIONS_SUCCESS':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return {
				...state,
				items: action.automations,
				isFetching: false,
				error: null,
			};
		case 'FETCH_AUTOMATIONS_FAILURE':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return { ...state, isFetching: false, error: action.error };
		default:
			return state;
	}
}
