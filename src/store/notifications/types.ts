import type { ApiError, Notification, NotificationSettings } from '../../api';

export interface NotificationsState {
	/** The page of GET /notifications last asked for; null until loaded. */
	items: Notification[] | null;
	total: number;
	totalPages: number;
	latestRequestId: number;
	isFetching: boolean;
	error: ApiError | null;
	/** Deliveries that gave up (status failed); null until counted. */
	failedCount: number | null;
	/** GET /notifications/settings; null until loaded. */
	settings: NotificationSettings | null;
	settingsError: ApiError | null;
}

export type NotificationsAction =
	| { type: 'FETCH_NOTIFICATIONS_START' }
	| {
			type: 'FETCH_NOTIFICATIONS_SUCCESS';
			requestId: number;
			items: Notification[];
			total: number;
			totalPages: number;
	  }
	| {
			type: 'FETCH_NOTIFICATIONS_FAILURE';
			requestId: number;
			error: ApiError;
	  }
	| { type: 'RECEIVE_NOTIFICATION'; item: Notification }
	| { type: 'RECEIVE_FAILED_COUNT'; count: number }
	| { type: 'RECEIVE_NOTIFICATION_SETTINGS'; settings: NotificationSettings }
	| { type: 'RECEIVE_NOTIFICATION_SETTINGS_ERROR'; error: ApiError };
