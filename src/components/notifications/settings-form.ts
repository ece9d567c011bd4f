/**
 * The notification settings form, as plain functions: the text the operator
 * types (one target per line), what is wrong with it, and the PUT body.
 */
import { __, sprintf } from '@wordpress/i18n';

import type {
	NotificationChannel,
	NotificationEvent,
	NotificationSettings,
	NotificationSettingsUpdate,
	NotificationStatus,
} from '../../api';

export const MIN_SECRET_LENGTH = 16;

export interface SettingsDraft {
	/** One address per line (commas work too). */
	emails: string;
	/** One URL per line. */
	webhooks: string;
	/** A new secret; empty = keep the stored one. */
	secret: string;
	/** Remove the stored secret (only when no new one is typed). */
	removeSecret: boolean;
}

/**
 * The draft of stored settings.
 *
 * @param settings From GET /notifications/settings.
 */
export function draftFromSettings(
	settings: NotificationSettings
): SettingsDraft {
	return {
		emails: settings.emails.join( '\n' ),
		webhooks: settings.webhooks.join( '\n' ),
		secret: '',
		removeSecret: false,
	};
}

/**
 * The non-empty entries of a textarea: one per line or comma.
 *
 * @param text What was typed.
 */
export function splitTargets( text: string ): string[] {
	return text
		.split( /[\n,]/ )
		.map( ( entry ) => entry.trim() )
		.filter( ( entry ) => entry !== '' );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * What is wrong with the draft, one message per problem (the server checks
 * again and also refuses addresses of this site, loopback and metadata).
 *
 * @param draft The form.
 */
export function settingsProblems( draft: SettingsDraft ): string[] {
	const problems: string[] = [];
	splitTargets( draft.emails ).forEach( ( email ) => {
		if ( ! EMAIL.test( email ) ) {
			problems.push(
				sprintf(
					/* translators: %s: what was typed */
					__( '"%s" is not an email address.', 'sophmate-safe-mode' ),
					email
				)
			);
		}
	} );
	splitTargets( draft.webhooks ).forEach( ( url ) => {
		let ok = false;
		try {
			const parsed = new URL( url );
			ok = parsed.protocol === 'http:' || parsed.protocol === 'https:';
		} catch {
			ok = false;
		}
		if ( ! ok ) {
			problems.push(
				sprintf(
					/* translators: %s: what was typed */
					__( '"%s" is not an http(s) URL.', 'sophmate-safe-mode' ),
					url
				)
			);
		}
	} );
	const secret = draft.secret.trim();
	if ( secret !== '' && secret.length < MIN_SECRET_LENGTH ) {
		problems.push(
			sprintf(
				/* translators: %d: minimum length */
				__(
					'The webhook secret needs at least %d characters.',
					'sophmate-safe-mode'
				),
				MIN_SECRET_LENGTH
			)
		);
	}
	return problems;
}

/**
 * The PUT body: the lists as typed, and the secret only when it changes
 * (a new one replaces it, "remove" sends '').
 *
 * @param draft The form.
 */
export function settingsUpdate(
	draft: SettingsDraft
): NotificationSettingsUpdate {
	const update: NotificationSettingsUpdate = {
		emails: splitTargets( draft.emails ),
		webhooks: splitTargets( draft.webhooks ),
	};
	const secret = draft.secret.trim();
	if ( secret !== '' ) {
		update.webhook_secret = secret;
	} else if ( draft.removeSecret ) {
		update.webhook_secret = '';
	}
	return update;
}

/**
 * A delivery's status in words.
 *
 * @param status Outbox status.
 */
export function deliveryStatusLabel( status: NotificationStatus ): string {
	switch ( status ) {
		case 'pending':
			return __( 'Waiting to be sent', 'sophmate-safe-mode' );
		case 'retrying':
			return __( 'Failed, will retry', 'sophmate-safe-mode' );
		case 'sending':
			return __( 'Sending', 'sophmate-safe-mode' );
		case 'sent':
			return __( 'Delivered', 'sophmate-safe-mode' );
		case 'failed':
			return __( 'Failed, gave up', 'sophmate-safe-mode' );
	}
}

/**
 * An event in words.
 *
 * @param event Notification event.
 */
export function notificationEventLabel( event: NotificationEvent ): string {
	switch ( event ) {
		case 'pause':
			return __( 'Paused', 'sophmate-safe-mode' );
		case 'trip':
			return __( 'Circuit breaker tripped', 'sophmate-safe-mode' );
		case 'restart':
			return __( 'Restarted in trial', 'sophmate-safe-mode' );
		case 'promote':
			return __( 'Promoted', 'sophmate-safe-mode' );
		case 'safe_mode':
			return __( 'Safe mode changed', 'sophmate-safe-mode' );
		case 'drill_failed':
			return __( 'Pause drill failed', 'sophmate-safe-mode' );
		case 'escalation':
			return __( 'Escalation digest', 'sophmate-safe-mode' );
		case 'test':
			return __( 'Test message', 'sophmate-safe-mode' );
	}
}

/**
 * A channel in words.
 *
 * @param channel Notification channel.
 */
export function channelLabel( channel: NotificationChannel ): string {
	return channel === 'email'
		? __( 'Email', 'sophmate-safe-mode' )
		: __( 'Webhook', 'sophmate-safe-mode' );
}

/**
 * Whether an operator may ask for another try now.
 *
 * @param status Outbox status.
 */
export function canRetry( status: NotificationStatus ): boolean {
	return status === 'failed' || status === 'retrying' || status === 'pending';
}
