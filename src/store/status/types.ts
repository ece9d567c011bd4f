import type { ApiError, Status } from '../../api';
import type { Intent, OptimisticChange } from './optimistic';

export type Operation = 'pause' | 'restart' | 'promote' | 'safe-mode';

export interface StatusState {
	/**
	 * What the UI shows: `confirmed` with the changes still in flight
	 * applied (see optimistic.ts). Null until the first load.
	 */
	snapshot: Status | null;
	/** The last GET /status snapshot the server sent. */
	confirmed: Status | null;
	/** Optimistic changes not yet reflected in `confirmed`, oldest first. */
	optimistic: readonly OptimisticChange[];
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
	| { type: 'MUTATION_FINISH'; scope: string }
	| { type: 'OPTIMISTIC_APPLY'; id: number; intent: Intent }
	| { type: 'OPTIMISTIC_SETTLE'; id: number; intent: Intent }
	| { type: 'OPTIMISTIC_ROLLBACK'; id: number };

export type { MutationResult } from '../thunk';
export type { Intent, OptimisticChange } from './optimistic';
