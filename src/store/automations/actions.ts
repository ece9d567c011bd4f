import {
	createAutomation as apiCreateAutomation,
	fetchAutomation,
	fetchAutomations,
	toApiError,
	type ApiError,
	type AutomationConfig,
	type CreateAutomationRequest,
	type CreatedAutomation,
} from '../../api';
import type { MutationResult, StoreThunk } from '../thunk';
import type * as selectors from './selectors';
import type { AutomationsAction } from './types';

type Thunk< R > = StoreThunk< R, AutomationsAction, typeof selectors >;

export const fetchAutomationsStart = (): AutomationsAction => ( {
	type: 'FETCH_AUTOMATIONS_START',
} );

export const receiveAutomations = (
	requestId: number,
	automations: AutomationConfig[]
): AutomationsAction => ( {
	type: 'FETCH_AUTOMATIONS_SUCCESS',
	requestId,
	automations,
} );

export const receiveAutomationsError = (
	requestId: number,
	error: ApiError
): AutomationsAction => ( {
	type: 'FETCH_AUTOMATIONS_FAILURE',
	requestId,
	error,
} );

/**
 * Loads GET /automations. Resolves to the list, or null on failure (the
 * error is then in `getError()`).
 */
export const refreshAutomations =
	(): Thunk< AutomationConfig[] | null > =>
	async ( { dispatch, select } ) => {
		dispatch( fetchAutomationsStart() );
		const requestId = select.getLatestRequestId();
		try {
			const automations = await fetchAutomations();
			dispatch( receiveAutomations( requestId, automations ) );
			return automations;
		} catch ( error ) {
			dispatch(
				receiveAutomationsError( requestId, toApiError( error ) )
			);
			return null;
		}
	};

/**
 * Loads GET /automations/{id}. Resolves to the automation, or null on
 * failure (the error is then in `getAutomationError( id )`).
 *
 * @param id Automation id.
 */
export const loadAutomation =
	( id: string ): Thunk< AutomationConfig | null > =>
	async ( { dispatch, select } ) => {
		dispatch( { type: 'FETCH_AUTOMATION_START', id } );
		const requestId = select.getAutomationRequestId( id );
		try {
			const automation = await fetchAutomation( id );
			dispatch( {
				type: 'FETCH_AUTOMATION_SUCCESS',
				id,
				requestId,
				automation,
			} );
			return automation;
		} catch ( error ) {
			dispatch( {
				type: 'FETCH_AUTOMATION_FAILURE',
				id,
				requestId,
				error: toApiError( error ),
			} );
			return null;
		}
	};

/**
 * Creates an automation (POST /automations), then reloads the list. Resolves
 * to the created automation with the server's `warnings`, or to the error;
 * never rejects. The status snapshot and the cron hooks are other stores: the
 * caller refreshes them.
 *
 * @param body The new automation.
 */
export const createAutomation =
	(
		body: CreateAutomationRequest
	): Thunk< MutationResult< CreatedAutomation > > =>
	async ( { dispatch } ) => {
		let created: CreatedAutomation;
		try {
			created = await apiCreateAutomation( body );
		} catch ( error ) {
			return { ok: false, error: toApiError( error ) };
		}
		await dispatch( refreshAutomations() );
		return { ok: true, value: created };
	};
