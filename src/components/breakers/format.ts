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
 * The signal of a trip when only its reason is known (GET /status carries
 * the switch's reason, not the audit context). Reasons name the signal first:
 * "failure rate 60% over last 20 runs ≥ 50%", "plugin update: woocommerce …".
 *
 * @param reason The pause reason.
 * @param source `breaker` or `update`.
 */
export function signalFromReason( reason: string, source: string ): string {
	const text = reason.trim().toLowerCase();
	if ( text.startsWith( 'failure rate' ) ) {
		return 'failure_rate';
	}
	if ( /^\d+ consecutive failures/.test( text ) ) {
		return 'consecutive_failures';
	}
	if ( text.startsWith( 'spend' ) ) {
		if ( text.includes( 'last hour' ) ) {
			return 'spend_per_hour';
		}
		return text.includes( 'last day' ) ? 'spend_per_day' : 'spend';
	}
	if ( text.startsWith( 'context' ) || text.includes( 'stale' ) ) {
		return 'stale_context';
	}
	if ( text.includes( 'customer-facing' ) ) {
		return 'customer_impact';
	}
	const update = /^(plugin|theme|core) update/.exec( text );
	if ( update ) {
		return `${ update[ 1 ] }_update`;
	}
	if ( /^provider [^:]+: outage/.test( text ) ) {
		return 'provider_outage';
	}
	if ( text.startsWith( 'provider ' ) ) {
		return 'provider_config';
	}
	if ( text.startsWith( 'trial run' ) ) {
		return 'trial';
	}
	return source === 'update' ? 'update' : 'breaker';
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
