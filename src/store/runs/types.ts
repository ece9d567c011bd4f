import type { ApiError, Run } from '../../api';

export interface RunsState {
	/** The page last asked for (GET /runs), null until loaded. */
	page: { items: Run[]; total: number; totalPages: number } | null;
	/** Key of the query the page belongs to (its request path). */
	queryKey: string | null;
	latestRequestId: number;
	isFetching: boolean;
	error: ApiError | null;
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
	| { type: 'RECEIVE_RUN'; run: Run }
	| { type: 'RECEIVE_RUN_ERROR'; id: number; error: ApiError };
