import type { ApiError, Owner } from '../../api';

export interface OwnersState {
	/** From GET /owners, null until loaded. */
	items: Owner[] | null;
	latestRequestId: number;
	isFetching: boolean;
	error: ApiError | null;
}

export type OwnersAction =
	| { type: 'FETCH_OWNERS_START' }
	| {
			type: 'FETCH_OWNERS_SUCCESS';
			requestId: number;
			items: Owner[];
	  }
	| { type: 'FETCH_OWNERS_FAILURE'; requestId: number; error: ApiError };
