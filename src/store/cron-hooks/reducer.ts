import type { CronHooksAction, CronHooksState } from './types';

export const initialState: CronHooksState = {
	items: null,
	latestRequestId: 0,
	isFetching: false,
	error: null,
};

/**
 * Cron hooks store reducer; ignores responses of superseded requests.
 *
 * @param state  Current state.
 * @param action Dispatched action.
 */
export function reducer(
	state: CronHooksState = initialState,
	action: CronHooksAction
): CronHooksState {
	switch ( action.type ) {
		case 'FETCH_CRON_HOOKS_START':
			return {
				...state,
				latestRequestId: state.latestRequestId + 1,
				isFetching: true,
			};
		case 'FETCH_CRON_HOOKS_SUCCESS':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return {
				...state,
				items: action.hooks,
				isFetching: false,
				error: null,
			};
		case 'FETCH_CRON_HOOKS_FAILURE':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return { ...state, isFetching: false, error: action.error };
		default:
			return state;
	}
}
