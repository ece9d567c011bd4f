import type { ApiError, Provider } from '../../api';

/** What is in flight for one provider. */
export type ProviderOperation = 'saving' | 'checking' | 'deleting';

export interface ProvidersState {
	/** From GET /providers, null until loaded. */
	items: Provider[] | null;
	latestRequestId: number;
	isFetching: boolean;
	error: ApiError | null;
	/** Mutations in flight, by provider slug. */
	pending: Record< string, ProviderOperation >;
}

export type ProvidersAction =
	| { type: 'FETCH_PROVIDERS_START' }
	| {
			type: 'FETCH_PROVIDERS_SUCCESS';
			requestId: number;
			items: Provider[];
	  }
	| { type: 'FETCH_PROVIDERS_FAILURE'; requestId: number; error: ApiError }
	| {
			type: 'PROVIDER_OPERATION_START';
			slug: string;
			operation: ProviderOperation;
	  }
	| { type: 'PROVIDER_OPERATION_END'; slug: string }
	| { type: 'RECEIVE_PROVIDER'; provider: Provider }
	| { type: 'REMOVE_PROVIDER'; slug: string };
