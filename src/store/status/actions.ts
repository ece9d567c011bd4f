/**
 * Status store actions: plain action creators and typed thunks.
 *
 * Every mutation thunk marks its scope as pending, calls `src/api`, refreshes
 * the status snapshot after a success and resolves to a MutationResult (it
 * never rejects, so components do not need try/catch).
 */
import {
	fetchStatus,
	pauseCategory as apiPauseCategory,
	promoteCategory as apiPromoteCategory,
	putSafeMode,
	restartCategory as apiRestartCategory,
	toApiError,
	type ApiError,
	type PauseRequest,
	type PromoteResponse,
	type RestartRequest,
	type SafeModeRequest,
	type SafeModeResponse,
	type ScopeChange,
	type Status,
} from '../../api';
import type { StoreThunk } from '../thunk';
import { SAFE_MODE_SCOPE, categoryScope } from './constants';
import type * as selectors from './selectors';
import type { MutationResult, Operation, StatusAction } from './types';

type Thunk< R > = StoreThunk< R, StatusAction, typeof selectors >;

export const fetchStatusStart = (): StatusAction => ( {
	type: 'FETCH_STATUS_START',
} );

export const receiveStatus = (
	requestId: number,
	status: Status
): StatusAction => ( { type: 'FETCH_STATUS_SUCCESS', requestId, status } );

export const receiveStatusError = (
	requestId: number,
	error: ApiError
): StatusAction => ( { type: 'FETCH_STATUS_FAILURE', requestId, error } );

export const mutationStart = (
	scope: string,
	operation: Operation
): StatusAction => ( { type: 'MUTATION_START', scope, operation } );

export const mutationFinish = ( scope: string ): StatusAction => ( {
	type: 'MUTATION_FINISH',
	scope,
} );

/**
 * Loads GET /status into the store. Resolves to the snapshot, or null when
 * the request failed (the error is then in `getFetchError()`).
 */
export const refreshStatus =
	(): Thunk< Status | null > =>
	async ( { dispatch, select } ) => {
		dispatch( fetchStatusStart() );
		const requestId = select.getLatestRequestId();
		try {
			const status = await fetchStatus();
			dispatch( receiveStatus( requestId, status ) );
			return status;
		} catch ( error ) {
			dispatch( receiveStatusError( requestId, toApiError( error ) ) );
			return null;
		}
	};

function mutation< T >(
	scope: string,
	operation: Operation,
	call: () => Promise< T >
): Thunk< MutationResult< T > > {
	return async ( { dispatch } ) => {
		dispatch( mutationStart( scope, operation ) );
		try {
			const value = await call();
			await dispatch( refreshStatus() );
			return { ok: true, value };
		} catch ( error ) {
			return { ok: false, error: toApiError( error ) };
		} finally {
			dispatch( mutationFinish( scope ) );
		}
	};
}

/**
 * Pauses a category (POST /categories/{slug}/pause).
 *
 * @param slug Category slug.
 * @param body Reason and optional incident link.
 */
export const pauseCategory = (
	slug: string,
	body: PauseRequest
): Thunk< MutationResult< ScopeChange > > =>
	mutation( categoryScope( slug ), 'pause', () =>
		apiPauseCategory( slug, body )
	);

/**
 * Restarts a paused category into trial (POST /categories/{slug}/restart).
 *
 * @param slug Category slug.
 * @param body Acknowledgements, note and trial scope.
 */
export const restartCategory = (
	slug: string,
	body: RestartRequest
): Thunk< MutationResult< ScopeChange > > =>
	mutation( categoryScope( slug ), 'restart', () =>
		apiRestartCategory( slug, body )
	);

/**
 * Promotes a category from trial to running.
 *
 * @param slug Category slug.
 */
export const promoteCategory = (
	slug: string
): Thunk< MutationResult< PromoteResponse > > =>
	mutation( categoryScope( slug ), 'promote', () =>
		apiPromoteCategory( slug )
	);

/**
 * Turns global safe mode on (paused / read_only) or off (PUT /safe-mode).
 *
 * @param body Mode, reason, acknowledgements and note.
 */
export const setSafeMode = (
	body: SafeModeRequest
): Thunk< MutationResult< SafeModeResponse > > =>
	mutation( SAFE_MODE_SCOPE, 'safe-mode', () => putSafeMode( body ) );
