/**
 * The breakers form without React: values as strings (what the controls
 * hold), client checks that mirror the server's, the `breakers` body, and
 * the mapping of a server refusal to the field its message names.
 */
import { __, sprintf } from '@wordpress/i18n';

import { invalidParams, type ApiError } from '../../api';
import type { BreakersConfig } from '../../api/breakers';

export interface BudgetValues {
	unit: string;
	per_hour: string;
	per_day: string;
}

export interface BreakerFormValues {
	failures: {
		enabled: boolean;
		/** '' = this trigger is off (null). */
		consecutive: string;
		rate_percent: string;
		window_runs: string;
		min_runs: string;
	};
	spend: { enabled: boolean; budgets: BudgetValues[] };
	stale_context: { enabled: boolean; max_age_minutes: string };
	customer_impact: {
		enabled: boolean;
		max_actions: string;
		window_minutes: string;
	};
	updates: { enabled: boolean };
	provider_outage: { enabled: boolean };
}

/**
 * Errors by field path: `failures.rate_percent`, `spend.budgets.0.unit`,
 * `spend` (the kind as a whole).
 */
export type BreakerErrors = Record< string, string >;

/** Limits, the same as the server's (php/Domain/Breakers). */
export const LIMITS = {
	consecutive: { min: 1, max: 1000 },
	rate_percent: { min: 1, max: 100 },
	window_runs: { min: 1, max: 1000 },
	min_runs: { min: 1, max: 1000 },
	max_age_minutes: { min: 1, max: 525600 },
	max_actions: { min: 1, max: 1000000 },
	window_minutes: { min: 1, max: 1440 },
	budgets: { max: 20 },
} as const;

const text = ( value: number | null ): string =>
	value === null ? '' : String( value );

/**
 * The form's starting values.
 *
 * @param config Settings with defaults applied.
 */
export function breakerFormValues( config: BreakersConfig ): BreakerFormValues {
	return {
		failures: {
			enabled: config.failures.enabled,
			consecutive: text( config.failures.consecutive ),
			rate_percent: text( config.failures.rate_percent ),
			window_runs: text( config.failures.window_runs ),
			min_runs: text( config.failures.min_runs ),
		},
		spend: {
			enabled: config.spend.enabled,
			budgets: config.spend.budgets.map( ( budget ) => ( {
				unit: budget.unit,
				per_hour: text( budget.per_hour ),
				per_day: text( budget.per_day ),
			} ) ),
		},
		stale_context: {
			enabled: config.stale_context.enabled,
			max_age_minutes: text( config.stale_context.max_age_minutes ),
		},
		customer_impact: {
			enabled: config.customer_impact.enabled,
			max_actions: text( config.customer_impact.max_actions ),
			window_minutes: text( config.customer_impact.window_minutes ),
		},
		updates: { enabled: config.updates.enabled },
		provider_outage: { enabled: config.provider_outage.enabled },
	};
}

function wholeNumberError(
	value: string,
	limits: { min: number; max: number },
	optional = false
): string | null {
	const trimmed = value.trim();
	if ( trimmed === '' && optional ) {
		return null;
	}
	if (
		! /^\d+$/.test( trimmed ) ||
		Number( trimmed ) < limits.min ||
		Number( trimmed ) > limits.max
	) {
		return optional
			? sprintf(
					/* translators: 1: minimum, 2: maximum. */
					__(
						'Enter a whole number from %1$d to %2$d, or leave empty to turn this trigger off.',
						'sophmate-safe-mode'
					),
					limits.min,
					limits.max
				)
			: sprintf(
					/* translators: 1: minimum, 2: maximum. */
					__(
						'Enter a whole number from %1$d to %2$d.',
						'sophmate-safe-mode'
					),
					limits.min,
					limits.max
				);
	}
	return null;
}

function amountError( value: string ): string | null {
	const trimmed = value.trim();
	if ( trimmed === '' ) {
		return null;
	}
	if (
		! /^\d+(\.\d+)?$/.test( trimmed ) ||
		! ( Number( trimmed ) > 0 ) ||
		! Number.isFinite( Number( trimmed ) )
	) {
		return __(
			'Enter an amount greater than 0, or leave empty for no budget in this window.',
			'sophmate-safe-mode'
		);
	}
	return null;
}

const UNIT = /^[A-Za-z0-9_.-]{1,32}$/;

/**
 * Client-side checks. Fields of a kind that is off are checked too (the
 * server stores them), so turning it on later cannot surprise.
 *
 * @param values Form values.
 */
export function validateBreakerForm(
	values: BreakerFormValues
): BreakerErrors {
	const errors: BreakerErrors = {};
	const put = ( field: string, message: string | null ) => {
		if ( message !== null ) {
			errors[ field ] = message;
		}
	};
	const f = values.failures;
	put(
		'failures.consecutive',
		wholeNumberError( f.consecutive, LIMITS.consecutive, true )
	);
	put(
		'failures.rate_percent',
		wholeNumberError( f.rate_percent, LIMITS.rate_percent, true )
	);
	put(
		'failures.window_runs',
		wholeNumberError( f.window_runs, LIMITS.window_runs )
	);
	put( 'failures.min_runs', wholeNumberError( f.min_runs, LIMITS.min_runs ) );
	if (
		! errors[ 'failures.min_runs' ] &&
		! errors[ 'failures.window_runs' ] &&
		Number( f.min_runs ) > Number( f.window_runs )
	) {
		errors[ 'failures.min_runs' ] = __(
			'Cannot be more than the window (runs).',
			'sophmate-safe-mode'
		);
	}
	const budgets = values.spend.budgets;
	if ( budgets.length > LIMITS.budgets.max ) {
		errors.spend = sprintf(
			/* translators: %d: maximum number of budgets. */
			__( 'At most %d budgets.', 'sophmate-safe-mode' ),
			LIMITS.budgets.max
		);
	}
	if ( values.spend.enabled && budgets.length === 0 ) {
		errors.spend = __(
			'Add a budget, or turn this breaker off.',
			'sophmate-safe-mode'
		);
	}
	const seen = new Set< string >();
	budgets.forEach( ( budget, index ) => {
		const at = `spend.budgets.${ index }`;
		const unit = budget.unit.trim();
		if ( ! UNIT.test( unit ) ) {
			errors[ `${ at }.unit` ] = __(
				'A unit is 1–32 letters, digits, dots, dashes or underscores (e.g. usd, tokens).',
				'sophmate-safe-mode'
			);
		} else if ( seen.has( unit.toLowerCase() ) ) {
			errors[ `${ at }.unit` ] = sprintf(
				/* translators: %s: unit such as usd. */
				__( '“%s” has a budget already.', 'sophmate-safe-mode' ),
				unit
			);
		}
		seen.add( unit.toLowerCase() );
		put( `${ at }.per_hour`, amountError( budget.per_hour ) );
		put( `${ at }.per_day`, amountError( budget.per_day ) );
		if (
			! errors[ `${ at }.per_hour` ] &&
			! errors[ `${ at }.per_day` ] &&
			budget.per_hour.trim() === '' &&
			budget.per_day.trim() === ''
		) {
			errors[ `${ at }.per_hour` ] = __(
				'Set a budget per hour, per day, or both.',
				'sophmate-safe-mode'
			);
		}
	} );

	put(
		'stale_context.max_age_minutes',
		wholeNumberError(
			values.stale_context.max_age_minutes,
			LIMITS.max_age_minutes
		)
	);
	put(
		'customer_impact.max_actions',
		wholeNumberError(
			values.customer_impact.max_actions,
			LIMITS.max_actions
		)
	);
	put(
		'customer_impact.window_minutes',
		wholeNumberError(
			values.customer_impact.window_minutes,
			LIMITS.window_minutes
		)
	);
	return errors;
}

const numberOrNull = ( value: string ): number | null =>
	value.trim() === '' ? null : Number( value.trim() );

/**
 * The `breakers` body (values must be valid).
 *
 * @param values Form values.
 */
export function breakersFromForm( values: BreakerFormValues ): BreakersConfig {
	return {
		failures: {
			enabled: values.failures.enabled,
			consecutive: numberOrNull( values.failures.consecutive ),
			rate_percent: numberOrNull( values.failures.rate_percent ),
			window_runs: Number( values.failures.window_runs.trim() ),
			min_runs: Number( values.failures.min_runs.trim() ),
		},
		spend: {
			enabled: values.spend.enabled,
			budgets: values.spend.budgets.map( ( budget ) => ( {
				unit: budget.unit.trim(),
				per_hour: numberOrNull( budget.per_hour ),
				per_day: numberOrNull( budget.per_day ),
			} ) ),
		},
		stale_context: {
			enabled: values.stale_context.enabled,
			max_age_minutes: Number(
				values.stale_context.max_age_minutes.trim()
			),
		},
		customer_impact: {
			enabled: values.customer_impact.enabled,
			max_actions: Number( values.customer_impact.max_actions.trim() ),
			window_minutes: Number(
				values.customer_impact.window_minutes.trim()
			),
		},
		updates: { enabled: values.updates.enabled },
		provider_outage: { enabled: values.provider_outage.enabled },
	};
}

const KIND_PATTERN =
	/(failures|spend|stale_context|customer_impact|updates|provider_outage)(?:\.budgets(?:\[(\d+)\]|\.(\d+)))?(?:\.([a-z_]+))?/;

/**
 * The form field a server message names: `breakers.failures.rate_percent
 * must be …`, `breakers.spend.budgets[1].unit …`; the kind as a whole when
 * no field of it is named.
 *
 * @param message The server's message.
 */
export function breakerFieldOf( message: string ): string | null {
	const match = KIND_PATTERN.exec( message );
	if ( ! match ) {
		return null;
	}
	const [ , kind = '', bracket, dotted, field ] = match;
	const index = bracket ?? dotted;
	if ( kind === 'spend' && index !== undefined ) {
		// `budgets[0] needs per_hour, per_day or both.` names no field.
		return `spend.budgets.${ index }.${ field ?? 'per_hour' }`;
	}
	const known: Record< string, string[] > = {
		failures: [ 'consecutive', 'rate_percent', 'window_runs', 'min_runs' ],
		stale_context: [ 'max_age_minutes' ],
		customer_impact: [ 'max_actions', 'window_minutes' ],
	};
	if ( field && known[ kind ]?.includes( field ) ) {
		return `${ kind }.${ field }`;
	}
	return kind;
}

/**
 * Splits a refused save (or dry run) into messages for fields and one for
 * the form.
 *
 * @param error The ApiError.
 */
export function breakerServerErrors( error: ApiError ): {
	fields: BreakerErrors;
	form: string | null;
} {
	const fields: BreakerErrors = {};
	const unplaced: string[] = [];
	const params = invalidParams( error );
	const messages = Object.keys( params ).length
		? Object.values( params )
		: [ error.message ];
	// The server names the field in `data.field` and at the start of the message.
	const named =
		typeof error.data.field === 'string' ? error.data.field : null;
	messages.forEach( ( message ) => {
		const about = named ?? message;
		const field =
			error.status === 400 && about.includes( 'breakers' )
				? breakerFieldOf( about )
				: null;
		if ( field ) {
			fields[ field ] = message;
		} else {
			unplaced.push( message );
		}
	} );
	return { fields, form: unplaced.length ? unplaced.join( ' ' ) : null };
}
