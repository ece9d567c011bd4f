import type { StatusAction, StatusState } from './types';

export const initialState: StatusState = {
	snapshot: null,
	latestRequestId: 0,
	isFetching: false,
	fetchError: null,
	pending: {},
};

/**
 * Status store reducer. Responses of superseded requests are ignored, so a
 * slow old refresh can never overwrite the result of a newer one.
 *
 * @param state  Current state.
 * @param action Dispatched action.
 */
export function reducer(
	state: StatusState = initialState,
	action: StatusAction
): StatusState {
	switch ( action.type ) {
		case 'FETCH_STATUS_START':
			return {
				...state,
				latestRequestId: state.latestRequestId + 1,
				isFetching: true,
			};
		case 'FETCH_STATUS_SUCCESS':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return {
				...state,
				snapshot: action.status,
				isFetching: false,
				fetchError: null,
			};
		case 'FETCH_STATUS_FAILURE':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return { ...state, isFetching: false, fetchError: action.error };
		case 'MUTATION_START':
			return {
				...state,
				pending: {
					...state.pending,
					[ action.scope ]: action.operation,
				},
			};
		case 'MUTATION_FINISH': {
			if ( ! ( action.scope in state.pending ) ) {
				return state;
			}
			const { [ action.scope ]: _finished, ...pending } = state.pending;
			return { ...state, pending };
		}
		default:
			return state;
	}
}
