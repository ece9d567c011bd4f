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
			return {
				...state,
				latestRequestId: state.latestRequestId + 1,
				isFetching: true,
			};
		case 'FETCH_AUDIT_SUCCESS':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return {
				...state,
				page: {
					items: action.items,
					total: action.total,
					totalPages: action.totalPages,
				},
				isFetching: false,
				error: null,
			};
		case 'FETCH_AUDIT_FAILURE':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return { ...state, isFetching: false, error: action.error };
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
