import { fetchOwners, toApiError, type ApiError, type Owner } from '../../api';
import type { StoreThunk } from '../thunk';
import type * as selectors from './selectors';
import type { OwnersAction } from './types';

type Thunk< R > = StoreThunk< R, OwnersAction, typeof selectors >;

export const fetchOwnersStart = (): OwnersAction => ( {
	type: 'FETCH_OWNERS_START',
} );

export const receiveOwners = (
	requestId: number,
	items: Owner[]
): OwnersAction => ( {
	type: 'FETCH_OWNERS_SUCCESS',
	requestId,
	items,
} );

export const receiveOwnersError = (
	requestId: number,
	error: ApiError
): OwnersAction => ( {
	type: 'FETCH_OWNERS_FAILURE',
	requestId,
	error,
} );

/**
 * Loads GET /owners. Resolves to the list, or null on failure (the error is then
 * in `getError()`).
 */
export const refreshOwners =
	(): Thunk< Owner[] | null > =>
	async ( { dispatch, select } ) => {
		dispatch( fetchOwnersStart() );
		const requestId = select.getLatestRequestId();
		try {
			const items = await fetchOwners();
			dispatch( receiveOwners( requestId, items ) );
			return items;
		} catch ( error ) {
			dispatch( receiveOwnersError( requestId, toApiError( error ) ) );
			return null;
		}
	};
