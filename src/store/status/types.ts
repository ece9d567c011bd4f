import type { ApiError, Status } from '../../api';

export type Operation = 'pause' | 'restart' | 'promote' | 'safe-mode';

export interface StatusState {
	/** The last GET /status snapshot, null until the first load. */
	snapshot: Status | null;
	/** Id of the most recently started status request (0 = none yet). */
	latestRequestId: number;
	/** True while the latest status request is in flight. */
	isFetching: boolean;
	/** Error of the latest status request, cleared by the next success. */
	fetchError: ApiError | null;
	/** Mutations in flight, keyed by scope (`global`, `category:SLUG`, `automation:ID`). */
	pending: Readonly< Record< string, Operation > >;
}

export type StatusAction =
	| { type: 'FETCH_STATUS_START' }
	| { type: 'FETCH_STATUS_SUCCESS'; requestId: number; status: Status }
	| { type: 'FETCH_STATUS_FAILURE'; requestId: number; error: ApiError }
	| { type: 'MUTATION_START'; scope: string; operation: Operation }
	| { type: 'MUTATION_FINISH'; scope: string };

export type { MutationResult } from '../thunk';
