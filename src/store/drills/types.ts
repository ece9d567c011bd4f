import type { ApiError, DrillReport } from '../../api';

/** The drills of one category: the newest page, and a drill being run. */
export interface DrillsEntry {
	items: DrillReport[];
	total: number;
	hasLoaded: boolean;
	isFetching: boolean;
	error: ApiError | null;
	/** Id of the newest list request; older answers are ignored. */
	requestId: number;
	/** A drill is running for this category (POST /drills in flight). */
	isRunning: boolean;
	/** Why the last drill could not be run (not a failed drill: a refusal). */
	runError: ApiError | null;
}

export interface DrillsState {
	entries: Record< string, DrillsEntry >;
	latestRequestId: number;
}

export type DrillsAction =
	| { type: 'FETCH_DRILLS_START'; category: string; requestId: number }
	| {
			type: 'FETCH_DRILLS_SUCCESS';
			category: string;
			requestId: number;
			items: DrillReport[];
			total: number;
	  }
	| {
			type: 'FETCH_DRILLS_FAILURE';
			category: string;
			requestId: number;
			error: ApiError;
	  }
	| { type: 'RUN_DRILL_START'; category: string }
	| { type: 'RUN_DRILL_SUCCESS'; category: string; report: DrillReport }
	| { type: 'RUN_DRILL_FAILURE'; category: string; error: ApiError };
