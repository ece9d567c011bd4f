import type { ApiError, Cadence } from '../../api';

export interface CadenceState {
	/** Cadence of each category loaded so far (GET /reviews or …/cadence). */
	byCategory: Record< string, Cadence >;
	/** Errors of the last load, by category. */
	errors: Record< string, ApiError >;
	/** Categories with a review being marked done. */
	marking: Record< string, true >;
	/** Whether GET /reviews answered. */
	listLoaded: boolean;
	listError: ApiError | null;
}

export type CadenceAction =
	| { type: 'RECEIVE_CADENCE'; cadence: Cadence }
	| { type: 'RECEIVE_CADENCE_LIST'; items: Cadence[] }
	| { type: 'CADENCE_ERROR'; slug: string; error: ApiError }
	| { type: 'CADENCE_LIST_ERROR'; error: ApiError }
	| { type: 'MARK_REVIEW_START'; slug: string }
	| { type: 'MARK_REVIEW_END'; slug: string };
