import {
	fetchRun as apiFetchRun,
	fetchRuns as apiFetchRuns,
	runsPath,
	toApiError,
	type ApiError,
	type Page,
	type Run,
	type RunsQuery,
} from '../../api';
import type { StoreThunk } from '../thunk';
import type * as selectors from './selectors';
import type { RunsAction } from './types';

type Thunk< R > = StoreThunk< R, RunsAction, typeof selectors >;

export const fetchRunsStart = ( queryKey: string ): RunsAction => ( {
	type: 'FETCH_RUNS_START',
	queryKey,
} );

export const receiveRuns = (
	requestId: number,
	page: Page< Run >
): RunsAction => ( {
	type: 'FETCH_RUNS_SUCCESS',
	requestId,
	items: page.items,
	total: page.total,
	totalPages: page.totalPages,
} );

export const receiveRunsError = (
	requestId: number,
	error: ApiError
): RunsAction => ( { type: 'FETCH_RUNS_FAILURE', requestId, error } );

export const receiveRun = ( run: Run ): RunsAction => ( {
	type: 'RECEIVE_RUN',
	run,
} );

export const receiveRunError = (
	id: number,
	error: ApiError
): RunsAction => ( {
	type: 'RECEIVE_RUN_ERROR',
	id,
	error,
} );

export const receivePrefetchedRuns = (
	queryKey: string,
	page: Page< Run >
): RunsAction => ( {
	type: 'PREFETCHED_RUNS',
	queryKey,
	items: page.items,
	total: page.total,
	totalPages: page.totalPages,
} );

/**
 * Fetches a page ahead, quietly: a failure only means no head start.
 *
 * @param query Filters and page.
 */
export const prefetchRuns =
	( query: RunsQuery ): Thunk< void > =>
	async ( { dispatch } ) => {
		try {
			dispatch(
				receivePrefetchedRuns(
					runsPath( query ),
					await apiFetchRuns( query )
				)
			);
		} catch {
			// Nothing to do: the page is fetched normally when asked for.
		}
	};

/**
 * Loads one page of GET /runs for the filters. Resolves to the page, or null
 * on failure (the error is then in `getError()`).
 *
 * A page fetched ahead is shown at once and fetched again behind it (history
 * grows while one reads), and the next page is fetched ahead in turn, so
 * paging through history does not wait for the server.
 *
 * @param query Filters and page.
 */
export const loadRuns =
	( query: RunsQuery ): Thunk< Page< Run > | null > =>
	async ( { dispatch, select } ) => {
		const key = runsPath( query );
		dispatch( fetchRunsStart( key ) );
		const requestId = select.getLatestRequestId();
		const ahead = select.getPrefetched( key );
		if ( ahead ) {
			dispatch( receiveRuns( requestId, ahead ) );
			dispatch( fetchRunsStart( key ) );
		}
		const fresh = select.getLatestRequestId();
		try {
			const page = await apiFetchRuns( query );
			dispatch( receiveRuns( fresh, page ) );
			if ( query.page < page.totalPages ) {
				void dispatch(
					prefetchRuns( { ...query, page: query.page + 1 } )
				);
			}
			return page;
		} catch ( error ) {
			dispatch( receiveRunsError( fresh, toApiError( error ) ) );
			return null;
		}
	};

/**
 * Loads one run (GET /runs/{id}). Resolves to it, or null on failure (then
 * `getRunError( id )`).
 *
 * @param id Run id.
 */
export const loadRun =
	( id: number ): Thunk< Run | null > =>
	async ( { dispatch } ) => {
		try {
			const run = await apiFetchRun( id );
			dispatch( receiveRun( run ) );
			return run;
		} catch ( error ) {
			dispatch( receiveRunError( id, toApiError( error ) ) );
			return null;
		}
	};
