/**
 * Runs: GET /runs (server-paginated, filterable) and GET /runs/{id}.
 */
import { z } from 'zod';

import { requestPage, request, route, type Page } from './client';
import { isoDateTimeSchema } from './schemas';

export const RUN_STATUSES = [
	'queued',
	'running',
	'succeeded',
	'failed',
	'skipped',
	'held',
	'cancelled',
	'awaiting_approval',
] as const;

export const runStatusSchema = z.enum( RUN_STATUSES );

/** PHP encodes an empty map as `[]`; accept it as `{}`. */
const spendSchema = z.preprocess(
	( value ) => ( Array.isArray( value ) && value.length === 0 ? {} : value ),
	z.record( z.string(), z.number() )
);

export const affectedRecordSchema = z.object( {
	type: z.string(),
	id: z.union( [ z.string(), z.number() ] ).transform( String ),
	action: z.string(),
	run_id: z.number().int().optional(),
} );

export const runStepSchema = z.object( {
	name: z.string(),
	at: z.string(),
} );

export const runSchema = z.object( {
	id: z.number().int(),
	automation: z.string(),
	category: z.string(),
	trigger: z.string(),
	status: runStatusSchema,
	started_at: isoDateTimeSchema,
	finished_at: isoDateTimeSchema.nullable(),
	read_only: z.boolean(),
	attempt: z.number().int(),
	failed_step: z.string().nullable(),
	error: z.string().nullable(),
	spend: spendSchema,
	decided_by: z.string(),
	reason: z.string(),
	affected_records: z.array( affectedRecordSchema ),
	steps: z.array( runStepSchema ),
} );

export const runListSchema = z.array( runSchema );

export type RunStatus = z.infer< typeof runStatusSchema >;
export type Run = z.infer< typeof runSchema >;
export type AffectedRecord = z.infer< typeof affectedRecordSchema >;

/** Filters of GET /runs; empty strings mean "any". */
export interface RunFilters {
	category: string;
	automation: string;
	status: RunStatus | '';
	since: string;
	until: string;
}

export interface RunsQuery extends RunFilters {
	page: number;
	perPage: number;
}

export const EMPTY_RUN_FILTERS: RunFilters = {
	category: '',
	automation: '',
	status: '',
	since: '',
	until: '',
};

/**
 * Query string of a filter set (empty filters left out, keys sorted by the
 * order given), e.g. `category=marketing&status=failed`.
 *
 * @param params Parameters; empty strings and undefined are dropped.
 */
export function queryString(
	params: Record< string, string | number | undefined >
): string {
	const search = new URLSearchParams();
	for ( const [ key, value ] of Object.entries( params ) ) {
		if ( value !== undefined && value !== '' ) {
			search.set( key, String( value ) );
		}
	}
	return search.toString();
}

/**
 * A day (`YYYY-MM-DD`, as date inputs give it) used as an upper bound means
 * its end; anything else is passed on as it is.
 *
 * @param until Value of the `until` filter.
 */
export function untilParam( until: string ): string {
	return /^\d{4}-\d{2}-\d{2}$/.test( until ) ? `${ until }T23:59:59Z` : until;
}

/**
 * The path of GET /runs for a query.
 *
 * @param query Filters and page.
 */
export function runsPath( query: RunsQuery ): string {
	return `${ route( '/runs' ) }?${ queryString( {
		category: query.category,
		automation: query.automation,
		status: query.status,
		since: query.since,
		until: untilParam( query.until ),
		page: query.page,
		per_page: query.perPage,
	} ) }`;
}

/**
 * One page of runs, newest first, with the totals from `X-WP-Total` /
 * `X-WP-TotalPages`.
 *
 * @param query Filters and page.
 */
export function fetchRuns( query: RunsQuery ): Promise< Page< Run > > {
	return requestPage( runListSchema, runsPath( query ) );
}

/**
 * One run (GET /runs/{id}).
 *
 * @param id Run id.
 */
export function fetchRun( id: number ): Promise< Run > {
	return request( runSchema, { path: route( `/runs/${ id }` ) } );
}
