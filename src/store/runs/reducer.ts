import { pageFetchSettled, pageFetchStarted } from '../paged';
import type { RunsAction, RunsState } from './types';

export const initialState: RunsState = {
	page: null,
	queryKey: null,
	latestRequestId: 0,
	isFetching: false,
	error: null,
	prefetched: {},
	runs: {},
	runErrors: {},
};

/** Prefetched pages kept at most: the next page of the last few views is plenty. */
export const PREFETCH_LIMIT = 3;

/**
 * Runs store reducer; ignores answers of superseded list requests, so a slow
 * answer for old filters cannot replace the page of the current ones.
 *
 * @param state  Current state.
 * @param action Dispatched action.
 */
export function reducer(
	state: RunsState = initialState,
	action: RunsAction
): RunsState {
	switch ( action.type ) {
		case 'FETCH_RUNS_START':
			return { ...pageFetchStarted( state ), queryKey: action.queryKey };
		case 'FETCH_RUNS_SUCCESS':
			return pageFetchSettled( state, action.requestId, action );
		case 'FETCH_RUNS_FAILURE':
			return pageFetchSettled( state, action.requestId, {
				error: action.error,
			} );
		case 'PREFETCHED_RUNS': {
			const kept = Object.entries( state.prefetched )
				.filter( ( [ key ] ) => key !== action.queryKey )
				.slice( -( PREFETCH_LIMIT - 1 ) );
			return {
				...state,
				prefetched: Object.fromEntries( [
					...kept,
					[
						action.queryKey,
						{
							items: action.items,
							total: action.total,
							totalPages: action.totalPages,
						},
					],
				] ),
			};
		}
		case 'RECEIVE_RUN': {
			const runErrors = { ...state.runErrors };
			delete runErrors[ action.run.id ];
			return {
				...state,
				runs: { ...state.runs, [ action.run.id ]: action.run },
				runErrors,
			};
		}
		case 'RECEIVE_RUN_ERROR':
			return {
				...state,
				runErrors: { ...state.runErrors, [ action.id ]: action.error },
			};
		default:
			return state;
	}
}
