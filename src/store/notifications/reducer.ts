import type { NotificationsAction, NotificationsState } from './types';

export const initialState: NotificationsState = {
	items: null,
	total: 0,
	totalPages: 1,
	latestRequestId: 0,
	isFetching: false,
	error: null,
	failedCount: null,
	settings: null,
	settingsError: null,
};

/**
 * Notifications store reducer; a slow answer to a superseded page request
 * never replaces a newer one.
 *
 * @param state  Current state.
 * @param action Dispatched action.
 */
export function reducer(
	state: NotificationsState = initialState,
	action: NotificationsAction
): NotificationsState {
	switch ( action.type ) {
		case 'FETCH_NOTIFICATIONS_START':
			return {
				...state,
				latestRequestId: state.latestRequestId + 1,
				isFetching: true,
			};
		case 'FETCH_NOTIFICATIONS_SUCCESS':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return {
				...state,
				items: action.items,
				total: action.total,
				totalPages: action.totalPages,
				isFetching: false,
				error: null,
			};
		case 'FETCH_NOTIFICATIONS_FAILURE':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return { ...state, isFetching: false, error: action.error };
		case 'RECEIVE_NOTIFICATION':
			return {
				...state,
				items:
					state.items?.map( ( item ) =>
						item.id === action.item.id ? action.item : item
					) ?? null,
			};
		case 'RECEIVE_FAILED_COUNT':
			return { ...state, failedCount: action.count };
		case 'RECEIVE_NOTIFICATION_SETTINGS':
			return { ...state, settings: action.settings, settingsError: null };
		case 'RECEIVE_NOTIFICATION_SETTINGS_ERROR':
			return { ...state, settingsError: action.error };
		default:
			return state;
	}
}
