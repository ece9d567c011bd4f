/**
 * Status store actions: plain action creators and typed thunks.
 *
 * Every mutation thunk marks its scope as pending, shows the expected result
 * at once (an optimistic change, see optimistic.ts), calls `src/api`, then
 * either settles the change with the server's answer and refreshes the
 * snapshot, or rolls it back. It resolves to a MutationResult (it never
 * rejects, so components do not need try/catch).
 */
import {
	fetchStatus,
	pauseSwitch as apiPauseSwitch,
	promoteSwitch as apiPromoteSwitch,
	putSafeMode,
	restartSwitch as apiRestartSwitch,
	scopeName,
	toApiError,
	type ApiError,
	type PauseRequest,
	type PromoteResponse,
	type RestartRequest,
	type SafeModeRequest,
	type SafeModeResponse,
	type ScopeChange,
	type Status,
	type SwitchTarget,
} from '../../api';
import type { StoreThunk } from '../thunk';
import { SAFE_MODE_SCOPE } from './constants';
import type { Intent } from './optimistic';
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

export const applyOptimistic = (
	id: number,
	intent: Intent
): StatusAction => ( {
	type: 'OPTIMISTIC_APPLY',
	id,
	intent,
} );

export const settleOptimistic = (
	id: number,
	intent: Intent
): StatusAction => ( { type: 'OPTIMISTIC_SETTLE', id, intent } );

export const rollbackOptimistic = ( id: number ): StatusAction => ( {
	type: 'OPTIMISTIC_ROLLBACK',
	id,
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

let lastChangeId = 0;

interface MutationSpec< T > {
	scope: string;
	operation: Operation;
	/** What the UI shows while the request is in flight. */
	intent: Intent;
	call: () => Promise< T >;
	/** What the server says actually happened. */
	settled: ( value: T ) => Intent;
}

function mutation< T >( {
	scope,
	operation,
	intent,
	call,
	settled,
}: MutationSpec< T > ): Thunk< MutationResult< T > > {
	return async ( { dispatch } ) => {
		const id = ++lastChangeId;
		dispatch( mutationStart( scope, operation ) );
		dispatch( applyOptimistic( id, intent ) );
		let value: T;
		try {
			value = await call();
		} catch ( error ) {
			dispatch( rollbackOptimistic( id ) );
			dispatch( mutationFinish( scope ) );
			return { ok: false, error: toApiError( error ) };
		}
		dispatch( settleOptimistic( id, settled( value ) ) );
		await dispatch( refreshStatus() );
		dispatch( mutationFinish( scope ) );
		return { ok: true, value };
	};
}

const switchIntent = (
	target: SwitchTarget,
	change: { state: ScopeChange[ 'state' ] }
): Intent => ( { kind: 'switch', target, state: change.state } );

/**
 * Pauses a category or an automation (POST /…/{id}/pause).
 *
 * @param target Category or automation.
 * @param body   Reason and optional incident link.
 */
export const pauseSwitch = (
	target: SwitchTarget,
	body: PauseRequest
): Thunk< MutationResult< ScopeChange > > =>
	mutation( {
		scope: scopeName( target ),
		operation: 'pause',
		intent: { kind: 'switch', target, state: 'paused' },
		call: () => apiPauseSwitch( target, body ),
		settled: ( change ) => switchIntent( target, change ),
	} );

/**
 * Restarts a paused category or automation into trial (POST /…/{id}/restart).
 *
 * @param target Category or automation.
 * @param body   Acknowledgements, note and trial scope.
 */
export const restartSwitch = (
	target: SwitchTarget,
	body: RestartRequest
): Thunk< MutationResult< ScopeChange > > =>
	mutation( {
		scope: scopeName( target ),
		operation: 'restart',
		intent: { kind: 'switch', target, state: 'trial' },
		call: () => apiRestartSwitch( target, body ),
		settled: ( change ) => switchIntent( target, change ),
	} );

/**
 * Promotes a category or automation from trial to running.
 *
 * @param target Category or automation.
 */
export const promoteSwitch = (
	target: SwitchTarget
): Thunk< MutationResult< PromoteResponse > > =>
	mutation( {
		scope: scopeName( target ),
		operation: 'promote',
		intent: { kind: 'switch', target, state: 'running' },
		call: () => apiPromoteSwitch( target ),
		settled: ( change ) => switchIntent( target, change ),
	} );

const category = ( slug: string ): SwitchTarget => ( {
	type: 'category',
	id: slug,
} );
const automation = ( id: string ): SwitchTarget => ( {
	type: 'automation',
	id,
} );

/**
 * Pauses a category (POST /categories/{slug}/pause).
 *
 * @param slug Category slug.
 * @param body Reason and optional incident link.
 */
export const pauseCategory = ( slug: string, body: PauseRequest ) =>
	pauseSwitch( category( slug ), body );

/**
 * Restarts a paused category into trial (POST /categories/{slug}/restart).
 *
 * @param slug Category slug.
 * @param body Acknowledgements, note and trial scope.
 */
export const restartCategory = ( slug: string, body: RestartRequest ) =>
	restartSwitch( category( slug ), body );

/**
 * Promotes a category from trial to running.
 *
 * @param slug Category slug.
 */
export const promoteCategory = ( slug: string ) =>
	promoteSwitch( category( slug ) );

/**
 * Pauses one automation (POST /automations/{id}/pause).
 *
 * @param id   Automation id.
 * @param body Reason and optional incident link.
 */
export const pauseAutomation = ( id: string, body: PauseRequest ) =>
	pauseSwitch( automation( id ), body );

/**
 * Restarts a paused automation into trial (POST /automations/{id}/restart).
 *
 * @param id   Automation id.
 * @param body Acknowledgements, note and trial limits.
 */
export const restartAutomation = ( id: string, body: RestartRequest ) =>
	restartSwitch( automation( id ), body );

/**
 * Promotes an automation from trial to running.
 *
 * @param id Automation id.
 */
export const promoteAutomation = ( id: string ) =>
	promoteSwitch( automation( id ) );

/**
 * Turns global safe mode on (paused / read_only) or off (PUT /safe-mode).
 *
 * @param body Mode, reason, acknowledgements and note.
 */
export const setSafeMode = (
	body: SafeModeRequest
): Thunk< MutationResult< SafeModeResponse > > =>
	mutation( {
		scope: SAFE_MODE_SCOPE,
		operation: 'safe-mode',
		intent: { kind: 'safe-mode', mode: body.mode, reason: body.reason },
		call: () => putSafeMode( body ),
		settled: ( response ) => ( {
			kind: 'safe-mode',
			mode: response.safe_mode.mode,
			reason: response.safe_mode.reason,
		} ),
	} );
