import { visibleSnapshot, type OptimisticChange } from './optimistic';
import type { StatusAction, StatusState } from './types';

export const initialState: StatusState = {
	snapshot: null,
	confirmed: null,
	optimistic: [],
	latestRequestId: 0,
	isFetching: false,
	fetchError: null,
	pending: {},
};

function withChanges(
	state: StatusState,
	optimistic: readonly OptimisticChange[]
): StatusState {
	return {
		...state,
		optimistic,
		snapshot: visibleSnapshot( state.confirmed, optimistic ),
	};
}

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
			// A snapshot requested after a change was accepted contains it:
			// the optimistic copy of that change is no longer needed.
			return withChanges(
				{
					...state,
					confirmed: action.status,
					isFetching: false,
					fetchError: null,
				},
				state.optimistic.filter(
					( change ) =>
						change.settledAfterRequest === null ||
						change.settledAfterRequest >= action.requestId
				)
			);
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
		case 'OPTIMISTIC_APPLY':
			return withChanges( state, [
				...state.optimistic,
				{
					id: action.id,
					intent: action.intent,
					settledAfterRequest: null,
				},
			] );
		case 'OPTIMISTIC_SETTLE':
			// The server's answer replaces the guess (e.g. "already paused"
			// or the state it actually reached) until the next snapshot.
			return withChanges(
				state,
				state.optimistic.map( ( change ) =>
					change.id === action.id
						? {
								...change,
								intent: action.intent,
								settledAfterRequest: state.latestRequestId,
							}
						: change
				)
			);
		case 'OPTIMISTIC_ROLLBACK':
			return withChanges(
				state,
				state.optimistic.filter( ( change ) => change.id !== action.id )
			);
		default:
			return state;
	}
}
