import type { ApiError, Run } from '../../api';

export interface RunsState {
	/** The page last asked for (GET /runs), null until loaded. */
	page: { items: Run[]; total: number; totalPages: number } | null;
	/** Key of the query the page belongs to (its request path). */
	queryKey: string | null;
	latestRequestId: number;
	isFetching: boolean;
	error: ApiError | null;
	/**
	 * Pages fetched ahead (the next page of what is shown), by request path:
	 * "Next page" then shows at once while the page is fetched again.
	 */
	prefetched: Record<
		string,
		{ items: Run[]; total: number; totalPages: number }
	>;
	/** Single runs by id (GET /runs/{id}). */
	runs: Record< number, Run >;
	runErrors: Record< number, ApiError >;
}

export type RunsAction =
	| { type: 'FETCH_RUNS_START'; queryKey: string }
	| {
			type: 'FETCH_RUNS_SUCCESS';
			requestId: number;
			items: Run[];
			total: number;
			totalPages: number;
	  }
	| { type: 'FETCH_RUNS_FAILURE'; requestId: number; error: ApiError }
	| {
			type: 'PREFETCHED_RUNS';
			queryKey: string;
			items: Run[];
			total: number;
			totalPages: number;
	  }
	| { type: 'RECEIVE_RUN'; run: Run }
	| { type: 'RECEIVE_RUN_ERROR'; id: number; error: ApiError };
