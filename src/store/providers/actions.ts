import {
	fetchProviders,
	toApiError,
	type ApiError,
	type Provider,
} from '../../api';
import type { StoreThunk } from '../thunk';
import type * as selectors from './selectors';
import type { ProvidersAction } from './types';

type Thunk< R > = StoreThunk< R, ProvidersAction, typeof selectors >;

export const fetchProvidersStart = (): ProvidersAction => ( {
	type: 'FETCH_PROVIDERS_START',
} );

export const receiveProviders = (
	requestId: number,
	items: Provider[]
): ProvidersAction => ( {
	type: 'FETCH_PROVIDERS_SUCCESS',
	requestId,
	items,
} );

export const receiveProvidersError = (
	requestId: number,
	error: ApiError
): ProvidersAction => ( {
	type: 'FETCH_PROVIDERS_FAILURE',
	requestId,
	error,
} );

/**
 * Loads GET /providers. Resolves to the list, or null on failure (the error is then
 * in `getError()`).
 */
export const refreshProviders =
	(): Thunk< Provider[] | null > =>
	async ( { dispatch, select } ) => {
		dispatch( fetchProvidersStart() );
		const requestId = select.getLatestRequestId();
		try {
			const items = await fetchProviders();
			dispatch( receiveProviders( requestId, items ) );
			return items;
		} catch ( error ) {
			dispatch( receiveProvidersError( requestId, toApiError( error ) ) );
			return null;
		}
	};
