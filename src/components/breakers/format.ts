/**
 * Words for breaker signals and trips, shared by the category page, the
 * overview badges and the audit log.
 */
import { __ } from '@wordpress/i18n';

import type { BreakerKind } from '../../api/breakers';

/** Sources of a pause that a breaker made (the issue-7 kinds and the trial breaker). */
export const TRIP_SOURCES = [ 'breaker', 'update' ] as const;

/**
 * Whether a pause with this source was a trip (not a person's pause).
 *
 * @param source Switch or audit source.
 */
export function isTripSource( source: string | null | undefined ): boolean {
	return source === 'breaker' || source === 'update';
}

/**
 * The name of a breaker kind.
 *
 * @param kind Breaker kind.
 */
export function breakerKindLabel( kind: BreakerKind ): string {
	switch ( kind ) {
		case 'failures':
			return __( 'Failures', 'sophmate-safe-mode' );
		case 'spend':
			return __( 'Spend', 'sophmate-safe-mode' );
		case 'stale_context':
			return __( 'Stale context', 'sophmate-safe-mode' );
		case 'customer_impact':
			return __( 'Customer impact', 'sophmate-safe-mode' );
		case 'updates':
			return __( 'Updates', 'sophmate-safe-mode' );
		case 'provider_outage':
			return __( 'Provider outage', 'sophmate-safe-mode' );
	}
}

/**
 * A signal code (`failure_rate`, `spend_per_hour`, `customer_actions` …, from the trip's
 * audit context or `last_trip.signal`) in words. Unknown codes are shown with
 * spaces for underscores.
 *
 * @param signal Signal code.
 */
export function signalLabel( signal: string ): string {
	switch ( signal ) {
		case 'failure_rate':
			return __( 'failure rate', 'sophmate-safe-mode' );
		case 'consecutive_failures':
			return __( 'consecutive failures', 'sophmate-safe-mode' );
		case 'failures':
			return __( 'failures', 'sophmate-safe-mode' );
		case 'spend':
			return __( 'spend', 'sophmate-safe-mode' );
		case 'spend_per_hour':
			return __( 'spend per hour', 'sophmate-safe-mode' );
		case 'spend_per_day':
			return __( 'spend per day', 'sophmate-safe-mode' );
		case 'stale_context':
			return __( 'stale context', 'sophmate-safe-mode' );
		case 'customer_impact':
		case 'customer_actions':
			return __( 'customer impact', 'sophmate-safe-mode' );
		case 'update':
		case 'updates':
			return __( 'update', 'sophmate-safe-mode' );
		case 'plugin_update':
			return __( 'plugin update', 'sophmate-safe-mode' );
		case 'theme_update':
			return __( 'theme update', 'sophmate-safe-mode' );
		case 'core_update':
			return __( 'core update', 'sophmate-safe-mode' );
		case 'provider_config':
			return __( 'provider change', 'sophmate-safe-mode' );
		case 'provider_outage':
			return __( 'provider outage', 'sophmate-safe-mode' );
		case 'trial_failure':
		case 'trial':
			return __( 'failed trial run', 'sophmate-safe-mode' );
		default:
			return signal.replace( /_/g, ' ' );
	}
}

/**
 * The signal of a trip: from the switch's `trip` or the audit context, else
 * (a pause stored before switches carried their trip) the source alone.
 *
 * @param context `{ signal, … }` of the switch or audit event, when known.
 * @param source  `breaker` or `update`.
 */
export function tripSignal( context: unknown, source: string ): string {
	return (
		contextSignal( context ) ??
		( source === 'update' ? 'update' : 'breaker' )
	);
}

/**
 * The signal code of an audit event's context (`{ signal, value, threshold,
 * breaker }`), or null when it has none.
 *
 * @param context The event's context.
 */
export function contextSignal( context: unknown ): string | null {
	if (
		context &&
		typeof context === 'object' &&
		! Array.isArray( context )
	) {
		const signal = ( context as Record< string, unknown > ).signal;
		if ( typeof signal === 'string' && signal !== '' ) {
			return signal;
		}
		const breaker = ( context as Record< string, unknown > ).breaker;
		if ( typeof breaker === 'string' && breaker !== '' ) {
			return breaker;
		}
	}
	return null;
}

/**
 * A number as the panel shows it: up to two decimals, no trailing zeros.
 *
 * @param value Number.
 */
export function formatAmount( value: number ): string {
	return String( Math.round( value * 100 ) / 100 );
}

/**
 * "3h 10m", "45 min", "2 d 4h".
 *
 * @param minutes Minutes.
 */
export function formatMinutes( minutes: number ): string {
	const total = Math.round( minutes );
	if ( total < 60 ) {
		return `${ total } min`;
	}
	const days = Math.floor( total / 1440 );
	const hours = Math.floor( ( total % 1440 ) / 60 );
	const rest = total % 60;
	if ( days > 0 ) {
		return `${ days } d ${ hours }h`;
	}
	return rest ? `${ hours }h ${ rest }m` : `${ hours }h`;
}
