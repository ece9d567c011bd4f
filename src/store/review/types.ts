import type { ApiError } from '../../api';
import type { Review } from '../../api/review';

/** The review of one scope (`global`, `category:SLUG`, `automation:ID`). */
export interface ReviewEntry {
	review: Review | null;
	isFetching: boolean;
	error: ApiError | null;
	requestId: number;
}

export interface ReviewState {
	entries: Record< string, ReviewEntry >;
	latestRequestId: number;
}

export type ReviewAction =
	| { type: 'FETCH_REVIEW_START'; scope: string; requestId: number }
	| {
			type: 'FETCH_REVIEW_SUCCESS';
			scope: string;
			requestId: number;
			review: Review;
	  }
	| {
			type: 'FETCH_REVIEW_FAILURE';
			scope: string;
			requestId: number;
			error: ApiError;
	  };
