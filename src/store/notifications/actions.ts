import {
	fetchFailedNotificationCount,
	fetchNotificationSettings,
	fetchNotifications,
	retryNotification as apiRetryNotification,
	saveNotificationSettings as apiSaveNotificationSettings,
	sendTestNotification as apiSendTestNotification,
	toApiError,
	type Notification,
	type NotificationSettings,
	type NotificationSettingsUpdate,
	type NotificationsQuery,
} from '../../api';
import type { MutationResult, StoreThunk } from '../thunk';
import type * as selectors from './selectors';
import type { NotificationsAction } from './types';

type Thunk< R > = StoreThunk< R, NotificationsAction, typeof selectors >;

export const receiveNotificationSettings = (
	settings: NotificationSettings
): NotificationsAction => ( {
	type: 'RECEIVE_NOTIFICATION_SETTINGS',
	settings,
} );

/**
 * Loads one page of the delivery log, and the count of failed deliveries
 * shown above it.
 *
 * @param query Filters and page.
 */
export const loadNotifications =
	( query: NotificationsQuery ): Thunk< void > =>
	async ( { dispatch, select } ) => {
		dispatch( { type: 'FETCH_NOTIFICATIONS_START' } );
		const requestId = select.getLatestRequestId();
		try {
			const page = await fetchNotifications( query );
			dispatch( {
				type: 'FETCH_NOTIFICATIONS_SUCCESS',
				requestId,
				items: page.items,
				total: page.total,
				totalPages: page.totalPages,
			} );
		} catch ( error ) {
			dispatch( {
				type: 'FETCH_NOTIFICATIONS_FAILURE',
				requestId,
				error: toApiError( error ),
			} );
		}
		try {
			dispatch( {
				type: 'RECEIVE_FAILED_COUNT',
				count: await fetchFailedNotificationCount(),
			} );
		} catch {
			// The notice is only a summary; the table shows the error if there is one.
		}
	};

/**
 * Tries one delivery again now; the row is replaced by the answer.
 *
 * @param id Delivery id.
 */
export const retryNotification =
	( id: number ): Thunk< MutationResult< Notification > > =>
	async ( { dispatch } ) => {
		try {
			const item = await apiRetryNotification( id );
			dispatch( { type: 'RECEIVE_NOTIFICATION', item } );
			try {
				dispatch( {
					type: 'RECEIVE_FAILED_COUNT',
					count: await fetchFailedNotificationCount(),
				} );
			} catch {
				// See loadNotifications.
			}
			return { ok: true, value: item };
		} catch ( error ) {
			return { ok: false, error: toApiError( error ) };
		}
	};

/** Loads the site-level targets (the secret is never part of them). */
export const loadNotificationSettings =
	(): Thunk< void > =>
	async ( { dispatch } ) => {
		try {
			dispatch(
				receiveNotificationSettings( await fetchNotificationSettings() )
			);
		} catch ( error ) {
			dispatch( {
				type: 'RECEIVE_NOTIFICATION_SETTINGS_ERROR',
				error: toApiError( error ),
			} );
		}
	};

/**
 * Saves the site-level targets.
 *
 * @param update Changes; keys left out are kept.
 */
export const saveNotificationSettings =
	(
		update: NotificationSettingsUpdate
	): Thunk< MutationResult< NotificationSettings > > =>
	async ( { dispatch } ) => {
		try {
			const settings = await apiSaveNotificationSettings( update );
			dispatch( receiveNotificationSettings( settings ) );
			return { ok: true, value: settings };
		} catch ( error ) {
			return { ok: false, error: toApiError( error ) };
		}
	};

/** Sends a test message to the site-level targets. */
export const sendTestNotification =
	(): Thunk< MutationResult< Notification[] > > => async () => {
		try {
			return { ok: true, value: await apiSendTestNotification() };
		} catch ( error ) {
			return { ok: false, error: toApiError( error ) };
		}
	};
