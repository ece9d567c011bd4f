import type { ApiError, Notification, NotificationSettings } from '../../api';
import type { NotificationsState } from './types';

const NONE: Notification[] = [];

/** @param state Store state. */
export function getNotifications( state: NotificationsState ): Notification[] {
	return state.items ?? NONE;
}

/** @param state Store state. */
export function hasLoaded( state: NotificationsState ): boolean {
	return state.items !== null;
}

/** @param state Store state. */
export function isFetching( state: NotificationsState ): boolean {
	return state.isFetching;
}

/** @param state Store state. */
export function getError( state: NotificationsState ): ApiError | null {
	return state.error;
}

/** @param state Store state. */
export function getTotal( state: NotificationsState ): number {
	return state.total;
}

/** @param state Store state. */
export function getTotalPages( state: NotificationsState ): number {
	return state.totalPages;
}

/** @param state Store state. */
export function getFailedCount( state: NotificationsState ): number | null {
	return state.failedCount;
}

/** @param state Store state. */
export function getSettings(
	state: NotificationsState
): NotificationSettings | null {
	return state.settings;
}

/** @param state Store state. */
export function getSettingsError( state: NotificationsState ): ApiError | null {
	return state.settingsError;
}

/** @param state Store state. */
export function getLatestRequestId( state: NotificationsState ): number {
	return state.latestRequestId;
}
