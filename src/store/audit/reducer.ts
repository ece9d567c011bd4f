import { pageFetchSettled, pageFetchStarted } from '../paged';
import type { AuditAction, AuditState } from './types';

export const initialState: AuditState = {
	page: null,
	latestRequestId: 0,
	isFetching: false,
	error: null,
	verification: null,
	isVerifying: false,
	verifyError: null,
};

/**
 * Audit store reducer; ignores answers of superseded list requests.
 *
 * @param state  Current state.
 * @param action Dispatched action.
 */
export function reducer(
	state: AuditState = initialState,
	action: AuditAction
): AuditState {
	switch ( action.type ) {
		case 'FETCH_AUDIT_START':
			return pageFetchStarted( state );
		case 'FETCH_AUDIT_SUCCESS':
			return pageFetchSettled( state, action.requestId, action );
		case 'FETCH_AUDIT_FAILURE':
			return pageFetchSettled( state, action.requestId, {
				error: action.error,
			} );
		case 'VERIFY_AUDIT_START':
			return { ...state, isVerifying: true, verifyError: null };
		case 'VERIFY_AUDIT_SUCCESS':
			return {
				...state,
				isVerifying: false,
				verification: action.verification,
			};
		case 'VERIFY_AUDIT_FAILURE':
			return { ...state, isVerifying: false, verifyError: action.error };
		default:
			return state;
	}
}
