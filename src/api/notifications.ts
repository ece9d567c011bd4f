/**
 * Notifications: the outbox's delivery log (GET /notifications), retrying a
 * delivery, the site-level targets with the write-only webhook secret, and a
 * test message.
 */
import { z } from 'zod';

import { request, requestPage, route, type Page } from './client';

export const NOTIFICATION_STATUSES = [
	'pending',
	'retrying',
	'sending',
	'sent',
	'failed',
] as const;
export const NOTIFICATION_EVENTS = [
	'pause',
	'trip',
	'restart',
	'promote',
	'safe_mode',
	'drill_failed',
	'escalation',
	'test',
] as const;
export const NOTIFICATION_CHANNELS = [ 'email', 'webhook' ] as const;

export const notificationStatusSchema = z.enum( NOTIFICATION_STATUSES );
export const notificationEventSchema = z.enum( NOTIFICATION_EVENTS );
export const notificationChannelSchema = z.enum( NOTIFICATION_CHANNELS );

export const notificationSchema = z.object( {
	id: z.number().int(),
	created_at: z.string(),
	event: notificationEventSchema,
	scope: z.string(),
	channel: notificationChannelSchema,
	target: z.string(),
	subject: z.string(),
	status: notificationStatusSchema,
	attempts: z.number().int(),
	next_attempt_at: z.string().nullable(),
	last_error: z.string().nullable(),
	sent_at: z.string().nullable(),
} );
export const notificationListSchema = z.array( notificationSchema );

export const notificationSettingsSchema = z.object( {
	emails: z.array( z.string() ),
	webhooks: z.array( z.string() ),
	webhook_secret_set: z.boolean(),
} );

export const notificationTestSchema = z.object( {
	deliveries: notificationListSchema,
} );

export type NotificationStatus = z.infer< typeof notificationStatusSchema >;
export type NotificationEvent = z.infer< typeof notificationEventSchema >;
export type NotificationChannel = z.infer< typeof notificationChannelSchema >;
export type Notification = z.infer< typeof notificationSchema >;
export type NotificationSettings = z.infer< typeof notificationSettingsSchema >;

/** Filters of the delivery log; '' = any. */
export interface NotificationFilters {
	status: NotificationStatus | '';
	event: NotificationEvent | '';
	channel: NotificationChannel | '';
}

export const EMPTY_NOTIFICATION_FILTERS: NotificationFilters = {
	status: '',
	event: '',
	channel: '',
};

export interface NotificationsQuery extends NotificationFilters {
	page: number;
	perPage: number;
}

/**
 * The request path of one page of the delivery log.
 *
 * @param query Filters and page.
 */
export function notificationsPath( query: NotificationsQuery ): string {
	const params = new URLSearchParams();
	( [ 'status', 'event', 'channel' ] as const ).forEach( ( key ) => {
		if ( query[ key ] !== '' ) {
			params.set( key, query[ key ] );
		}
	} );
	params.set( 'page', String( query.page ) );
	params.set( 'per_page', String( query.perPage ) );
	return route( `/notifications?${ params.toString() }` );
}

/**
 * GET /notifications, newest first.
 *
 * @param query Filters and page.
 */
export function fetchNotifications(
	query: NotificationsQuery
): Promise< Page< Notification > > {
	return requestPage( notificationListSchema, notificationsPath( query ) );
}

/** How many deliveries gave up (status failed), from X-WP-Total. */
export async function fetchFailedNotificationCount(): Promise< number > {
	const page = await requestPage(
		notificationListSchema,
		notificationsPath( {
			...EMPTY_NOTIFICATION_FILTERS,
			status: 'failed',
			page: 1,
			perPage: 1,
		} )
	);
	return page.total;
}

/**
 * POST /notifications/{id}/retry: tries the delivery again now.
 *
 * @param id Delivery id.
 */
export function retryNotification( id: number ): Promise< Notification > {
	return request( notificationSchema, {
		path: route( `/notifications/${ id }/retry` ),
		method: 'POST',
	} );
}

/** GET /notifications/settings (never holds the secret itself). */
export function fetchNotificationSettings(): Promise< NotificationSettings > {
	return request( notificationSettingsSchema, {
		path: route( '/notifications/settings' ),
	} );
}

/** What PUT /notifications/settings takes; a key left out is kept. */
export interface NotificationSettingsUpdate {
	emails?: string[];
	webhooks?: string[];
	/** A new secret, or '' to remove it. */
	webhook_secret?: string;
}

/**
 * PUT /notifications/settings.
 *
 * @param update The changes.
 */
export function saveNotificationSettings(
	update: NotificationSettingsUpdate
): Promise< NotificationSettings > {
	return request( notificationSettingsSchema, {
		path: route( '/notifications/settings' ),
		method: 'PUT',
		data: update,
	} );
}

/** POST /notifications/test: sends a test message to the site-level targets. */
export function sendTestNotification(): Promise< Notification[] > {
	return request( notificationTestSchema, {
		path: route( '/notifications/test' ),
		method: 'POST',
	} ).then( ( result ) => result.deliveries );
}
