import type { ApiError, Provider } from '../../api';

export interface ProvidersState {
	/** From GET /providers, null until loaded. */
	items: Provider[] | null;
	latestRequestId: number;
	isFetching: boolean;
	error: ApiError | null;
}

export type ProvidersAction =
	| { type: 'FETCH_PROVIDERS_START' }
	| {
			type: 'FETCH_PROVIDERS_SUCCESS';
			requestId: number;
			items: Provider[];
	  }
	| { type: 'FETCH_PROVIDERS_FAILURE'; requestId: number; error: ApiError };
