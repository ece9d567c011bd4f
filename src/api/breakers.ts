/**
 * Automatic breakers of a category (issue 7): the settings (`breakers` of
 * GET/PATCH /categories/{slug}), the live counters next to their thresholds
 * (`breaker_state` of GET /categories/{slug}) and the dry run
 * (POST /categories/{slug}/breakers/simulate).
 *
 * The schemas are tolerant on purpose: every kind and field may be missing
 * (the server fills in the same defaults as `BREAKER_DEFAULTS`), a kind
 * stored in an older free-form shape reads as its defaults (as the server
 * does), and PHP's `[]` for an empty object is accepted.
 */
import { z } from 'zod';

import { request, route } from './client';
import { updatedCategorySchema } from './schemas';

export const BREAKER_KINDS = [
	'failures',
	'spend',
	'stale_context',
	'customer_impact',
	'updates',
	'provider_outage',
] as const;

export type BreakerKind = ( typeof BREAKER_KINDS )[ number ];

/** PHP's json_encode() sends an empty associative array as `[]`. */
const emptyListAsObject = ( value: unknown ) =>
	Array.isArray( value ) && value.length === 0 ? {} : value;

const count = z.number().int();
// Amounts may arrive as numeric strings from older PHP serialisation.
const amount = z.coerce.number();

export const spendBudgetSchema = z.object( {
	unit: z.string(),
	per_hour: amount.nullable().optional(),
	per_day: amount.nullable().optional(),
} );

export const breakersConfigSchema = z.preprocess(
	emptyListAsObject,
	z.object( {
		failures: z
			.object( {
				enabled: z.boolean().optional(),
				consecutive: count.nullable().optional(),
				rate_percent: z.number().nullable().optional(),
				window_runs: count.optional(),
				min_runs: count.optional(),
			} )
			.optional()
			.catch( undefined ),
		spend: z
			.object( {
				enabled: z.boolean().optional(),
				budgets: z.array( spendBudgetSchema ).optional(),
			} )
			.optional()
			.catch( undefined ),
		stale_context: z
			.object( {
				enabled: z.boolean().optional(),
				max_age_minutes: count.optional(),
			} )
			.optional()
			.catch( undefined ),
		customer_impact: z
			.object( {
				enabled: z.boolean().optional(),
				max_actions: count.optional(),
				window_minutes: count.optional(),
			} )
			.optional()
			.catch( undefined ),
		updates: z
			.object( { enabled: z.boolean().optional() } )
			.optional()
			.catch( undefined ),
		provider_outage: z
			.object( { enabled: z.boolean().optional() } )
			.optional()
			.catch( undefined ),
	} )
);

export type BreakersConfigInput = z.infer< typeof breakersConfigSchema >;

export interface SpendBudget {
	unit: string;
	per_hour: number | null;
	per_day: number | null;
}

/** The full configuration, every default applied (what the PATCH sends). */
export interface BreakersConfig {
	failures: {
		enabled: boolean;
		consecutive: number | null;
		rate_percent: number | null;
		window_runs: number;
		min_runs: number;
	};
	spend: { enabled: boolean; budgets: SpendBudget[] };
	stale_context: { enabled: boolean; max_age_minutes: number };
	customer_impact: {
		enabled: boolean;
		max_actions: number;
		window_minutes: number;
	};
	updates: { enabled: boolean };
	provider_outage: { enabled: boolean };
}

/** The defaults the server applies to missing kinds and fields (php/Domain/Breakers). */
export const BREAKER_DEFAULTS: BreakersConfig = {
	failures: {
		enabled: true,
		consecutive: 5,
		rate_percent: 50,
		window_runs: 20,
		min_runs: 10,
	},
	spend: { enabled: false, budgets: [] },
	stale_context: { enabled: false, max_age_minutes: 120 },
	customer_impact: { enabled: false, max_actions: 100, window_minutes: 60 },
	updates: { enabled: false },
	provider_outage: { enabled: true },
};

/**
 * The configuration with every missing kind and field set to its default.
 *
 * @param input Parsed `breakers` (possibly partial).
 */
export function withBreakerDefaults(
	input: BreakersConfigInput | undefined
): BreakersConfig {
	const d = BREAKER_DEFAULTS;
	const f = input?.failures ?? {};
	const s = input?.spend ?? {};
	const st = input?.stale_context ?? {};
	const c = input?.customer_impact ?? {};
	return {
		failures: {
			enabled: f.enabled ?? d.failures.enabled,
			// null is meaningful (that trigger is off); only a missing key defaults.
			consecutive:
				f.consecutive === undefined
					? d.failures.consecutive
					: f.consecutive,
			rate_percent:
				f.rate_percent === undefined
					? d.failures.rate_percent
					: f.rate_percent,
			window_runs: f.window_runs ?? d.failures.window_runs,
			min_runs: f.min_runs ?? d.failures.min_runs,
		},
		spend: {
			enabled: s.enabled ?? d.spend.enabled,
			budgets: ( s.budgets ?? d.spend.budgets ).map( ( budget ) => ( {
				unit: budget.unit,
				per_hour: budget.per_hour ?? null,
				per_day: budget.per_day ?? null,
			} ) ),
		},
		stale_context: {
			enabled: st.enabled ?? d.stale_context.enabled,
			max_age_minutes:
				st.max_age_minutes ?? d.stale_context.max_age_minutes,
		},
		customer_impact: {
			enabled: c.enabled ?? d.customer_impact.enabled,
			max_actions: c.max_actions ?? d.customer_impact.max_actions,
			window_minutes:
				c.window_minutes ?? d.customer_impact.window_minutes,
		},
		updates: {
			enabled: input?.updates?.enabled ?? d.updates.enabled,
		},
		provider_outage: {
			enabled:
				input?.provider_outage?.enabled ?? d.provider_outage.enabled,
		},
	};
}

export const lastTripSchema = z.object( {
	at: z.string(),
	signal: z.string().optional().default( '' ),
	reason: z.string().optional().default( '' ),
} );

/** `breaker_state` of GET /categories/{slug}: counters next to thresholds. */
export const breakerStateSchema = z.preprocess(
	emptyListAsObject,
	z.object( {
		failures: z
			.object( {
				consecutive: count.nullable().optional(),
				recent_runs: count.nullable().optional(),
				rate_percent: z.number().nullable().optional(),
				threshold: z
					.object( {
						consecutive: count.nullable().optional(),
						rate_percent: z.number().nullable().optional(),
						window_runs: count.nullable().optional(),
						min_runs: count.nullable().optional(),
					} )
					.optional(),
				enabled: z.boolean().optional(),
			} )
			.nullable()
			.optional(),
		spend: z
			.array(
				z.object( {
					unit: z.string(),
					last_hour: amount.nullable().optional(),
					last_day: amount.nullable().optional(),
					per_hour: amount.nullable().optional(),
					per_day: amount.nullable().optional(),
				} )
			)
			.optional(),
		customer_impact: z
			.object( {
				count: count.nullable().optional(),
				window_minutes: count.nullable().optional(),
				max_actions: count.nullable().optional(),
				enabled: z.boolean().optional(),
			} )
			.nullable()
			.optional(),
		stale_context: z
			.array(
				z.object( {
					automation: z.string(),
					age_minutes: z.number().nullable().optional(),
					max_age_minutes: z.number().nullable().optional(),
					source: z.string().nullable().optional(),
				} )
			)
			.optional(),
		last_trip: lastTripSchema.nullable().optional(),
		/** The settings in effect (stored settings with the defaults applied). */
		config: breakersConfigSchema.optional(),
	} )
);

export type BreakerState = z.infer< typeof breakerStateSchema >;
export type LastTrip = z.infer< typeof lastTripSchema >;

/** GET /categories/{slug} as far as the breakers panel reads it. */
export const categoryBreakersSchema = z.object( {
	slug: z.string().min( 1 ),
	label: z.string(),
	breakers: breakersConfigSchema.optional(),
	breaker_state: breakerStateSchema.nullable().optional(),
} );

export const simulatedTripSchema = z.object( {
	at: z.string(),
	scope: z.string().optional().default( '' ),
	signal: z.string().optional().default( '' ),
	reason: z.string(),
	/** A stale context check as the freshness source reads now, not a replay of history. */
	now: z.boolean().optional().default( false ),
} );

/** POST /categories/{slug}/breakers/simulate */
export const simulationSchema = z.object( {
	trips: z.array( simulatedTripSchema ),
	runs_considered: z.number().int().optional().default( 0 ),
	since: z.string().nullable().optional().default( null ),
	/** The history was longer than the dry run reads; older runs were left out. */
	truncated: z.boolean().optional().default( false ),
} );

export type SimulatedTrip = z.infer< typeof simulatedTripSchema >;
export type Simulation = z.infer< typeof simulationSchema >;

/** What the panel loads: the settings with defaults, and the live state. */
export interface CategoryBreakers {
	slug: string;
	label: string;
	config: BreakersConfig;
	state: BreakerState | null;
}

const categoryPath = ( slug: string ) =>
	route( `/categories/${ encodeURIComponent( slug ) }` );

/**
 * GET /categories/{slug}: the category's breaker settings and state.
 *
 * @param slug Category slug.
 */
export async function fetchCategoryBreakers(
	slug: string
): Promise< CategoryBreakers > {
	const category = await request( categoryBreakersSchema, {
		path: categoryPath( slug ),
	} );
	return {
		slug: category.slug,
		label: category.label,
		// The server's view of the settings in effect, when it sends one.
		config: withBreakerDefaults(
			category.breaker_state?.config ?? category.breakers
		),
		state: category.breaker_state ?? null,
	};
}

const savedBreakersSchema = updatedCategorySchema.extend( {
	breakers: breakersConfigSchema.optional(),
	breaker_state: breakerStateSchema.nullable().optional(),
} );

export type SavedBreakers = z.infer< typeof savedBreakersSchema >;

/**
 * PATCH /categories/{slug} with `breakers` only. A refused value is a 400
 * whose message names the field (`breakers.failures.rate_percent …`).
 *
 * @param slug     Category slug.
 * @param breakers The full settings.
 */
export function saveCategoryBreakers(
	slug: string,
	breakers: BreakersConfig
): Promise< SavedBreakers > {
	return request( savedBreakersSchema, {
		path: categoryPath( slug ),
		method: 'PATCH',
		data: { breakers },
	} );
}

/**
 * POST /categories/{slug}/breakers/simulate: what the draft settings would
 * have done over the existing run history. Nothing is saved or paused.
 *
 * @param slug     Category slug.
 * @param breakers Draft settings.
 */
export function simulateBreakers(
	slug: string,
	breakers: BreakersConfig
): Promise< Simulation > {
	return request( simulationSchema, {
		path: route(
			`/categories/${ encodeURIComponent( slug ) }/breakers/simulate`
		),
		method: 'POST',
		data: { breakers },
	} );
}
