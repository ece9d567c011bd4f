import type { ApiError } from '../../api';
import type { CategoryBreakers, Simulation } from '../../api/breakers';

/** The breakers of one category: settings and state, saving, the last dry run. */
export interface BreakersEntry {
	value: CategoryBreakers | null;
	isFetching: boolean;
	error: ApiError | null;
	/** Id of the newest load; older answers are ignored. */
	requestId: number;
	isSaving: boolean;
	isSimulating: boolean;
	simulation: Simulation | null;
	simulationError: ApiError | null;
}

export interface BreakersState {
	entries: Record< string, BreakersEntry >;
	latestRequestId: number;
}

export type BreakersAction =
	| { type: 'FETCH_BREAKERS_START'; slug: string; requestId: number }
	| {
			type: 'FETCH_BREAKERS_SUCCESS';
			slug: string;
			requestId: number;
			value: CategoryBreakers;
	  }
	| {
			type: 'FETCH_BREAKERS_FAILURE';
			slug: string;
			requestId: number;
			error: ApiError;
	  }
	| { type: 'SAVE_BREAKERS_START'; slug: string }
	| { type: 'SAVE_BREAKERS_SUCCESS'; slug: string; value: CategoryBreakers }
	| { type: 'SAVE_BREAKERS_FAILURE'; slug: string }
	| { type: 'SIMULATE_BREAKERS_START'; slug: string }
	| {
			type: 'SIMULATE_BREAKERS_SUCCESS';
			slug: string;
			simulation: Simulation;
	  }
	| { type: 'SIMULATE_BREAKERS_FAILURE'; slug: string; error: ApiError }
	| { type: 'CLEAR_SIMULATION'; slug: string };
