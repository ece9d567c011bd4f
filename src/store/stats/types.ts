import type { ApiError } from '../../api';
import type { Stats } from '../../api/stats';

export interface StatsEntry {
	stats: Stats | null;
	isFetching: boolean;
	error: ApiError | null;
	/** Id of the newest request for this key; older answers are ignored. */
	requestId: number;
}

export interface StatsState {
	entries: Record< string, StatsEntry >;
	latestRequestId: number;
}

export type StatsAction =
	| { type: 'FETCH_STATS_START'; key: string; requestId: number }
	| {
			type: 'FETCH_STATS_SUCCESS';
			key: string;
			requestId: number;
			stats: Stats;
	  }
	| {
			type: 'FETCH_STATS_FAILURE';
			key: string;
			requestId: number;
			error: ApiError;
	  };
