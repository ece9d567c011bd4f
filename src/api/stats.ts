/**
 * GET /stats: runs per hour by status and spend per day, for the last 24
 * hours or 7 days, site-wide or for one category.
 */
import { z } from 'zod';

import { request, route } from './client';
import { isoDateTimeSchema } from './schemas';

export const STATS_WINDOWS = [ '24h', '7d' ] as const;
export const statsWindowSchema = z.enum( STATS_WINDOWS );

const count = z.number().int().min( 0 );

/** Count per run status; every status is present (zeros included). */
export const statusCountsSchema = z.object( {
	queued: count,
	running: count,
	succeeded: count,
	failed: count,
	skipped: count,
	held: count,
	cancelled: count,
	awaiting_approval: count,
} );

export const hourlyRunsSchema = statusCountsSchema.extend( {
	hour: isoDateTimeSchema,
} );

export const dailySpendSchema = z.object( {
	day: z.iso.date(),
	category: z.string(),
	unit: z.string(),
	amount: z.number(),
} );

/** GET /stats */
export const statsSchema = z.object( {
	window: statsWindowSchema,
	category: z.string().nullable(),
	since: isoDateTimeSchema,
	totals: statusCountsSchema,
	runs_per_hour: z.array( hourlyRunsSchema ),
	spend_per_day: z.array( dailySpendSchema ),
} );

export type StatsWindow = z.infer< typeof statsWindowSchema >;
export type StatusCounts = z.infer< typeof statusCountsSchema >;
export type HourlyRuns = z.infer< typeof hourlyRunsSchema >;
export type DailySpend = z.infer< typeof dailySpendSchema >;
export type Stats = z.infer< typeof statsSchema >;

/**
 * Path of GET /stats for a window and an optional category.
 *
 * @param window   `24h` or `7d`.
 * @param category Category slug, or null for the whole site.
 */
export function statsPath(
	window: StatsWindow,
	category: string | null = null
): string {
	const query = new URLSearchParams( { window } );
	if ( category ) {
		query.set( 'category', category );
	}
	return `${ route( '/stats' ) }?${ query.toString() }`;
}

/**
 * GET /stats
 *
 * @param window   `24h` or `7d`.
 * @param category Category slug, or null for the whole site.
 */
export function fetchStats(
	window: StatsWindow,
	category: string | null = null
): Promise< Stats > {
	return request( statsSchema, { path: statsPath( window, category ) } );
}
