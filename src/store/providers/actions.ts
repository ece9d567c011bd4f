import {
	checkProvider as postCheck,
	deleteProvider as deleteProviderRequest,
	fetchProviders,
	saveProvider as putProvider,
	toApiError,
	type ApiError,
	type Provider,
	type ProviderUpdate,
	type SavedProvider,
} from '../../api';
import type { MutationResult, StoreThunk } from '../thunk';
import type * as selectors from './selectors';
import type { ProviderOperation, ProvidersAction } from './types';

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

export const providerOperationStart = (
	slug: string,
	operation: ProviderOperation
): ProvidersAction => ( { type: 'PROVIDER_OPERATION_START', slug, operation } );

export const providerOperationEnd = ( slug: string ): ProvidersAction => ( {
	type: 'PROVIDER_OPERATION_END',
	slug,
} );

export const receiveProvider = ( provider: Provider ): ProvidersAction => ( {
	type: 'RECEIVE_PROVIDER',
	provider,
} );

export const removeProvider = ( slug: string ): ProvidersAction => ( {
	type: 'REMOVE_PROVIDER',
	slug,
} );

/**
 * Runs one request for a provider with its pending flag set; never rejects.
 *
 * @param slug      Provider slug.
 * @param operation What is in flight.
 * @param call      The request.
 * @param onSuccess Store update with the answer.
 */
function mutation< T >(
	slug: string,
	operation: ProviderOperation,
	call: () => Promise< T >,
	onSuccess: ( value: T ) => ProvidersAction
): Thunk< MutationResult< T > > {
	return async ( { dispatch } ) => {
		dispatch( providerOperationStart( slug, operation ) );
		try {
			const value = await call();
			dispatch( onSuccess( value ) );
			return { ok: true, value };
		} catch ( error ) {
			return { ok: false, error: toApiError( error ) };
		} finally {
			dispatch( providerOperationEnd( slug ) );
		}
	};
}

/**
 * PUT /providers/{slug} (create or update). Resolves to the saved provider
 * and which kinds of change it made, or the ApiError naming the refused field.
 *
 * @param slug Provider slug.
 * @param body Fields to set.
 */
export const saveProvider = ( slug: string, body: ProviderUpdate ) =>
	mutation< SavedProvider >(
		slug,
		'saving',
		() => putProvider( slug, body ),
		( { changed: _changed, ...provider } ) => receiveProvider( provider )
	);

/**
 * POST /providers/{slug}/check: polls now; the answer (with `last_error` when
 * the poll failed) replaces the provider in the list.
 *
 * @param slug Provider slug.
 */
export const checkProvider = ( slug: string ) =>
	mutation< Provider >(
		slug,
		'checking',
		() => postCheck( slug ),
		receiveProvider
	);

/**
 * DELETE /providers/{slug}; refused (409) while something names it.
 *
 * @param slug Provider slug.
 */
export const deleteProvider = ( slug: string ) =>
	mutation< Provider >(
		slug,
		'deleting',
		() => deleteProviderRequest( slug ),
		() => removeProvider( slug )
	);
