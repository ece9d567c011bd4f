/**
 * Pause drills: POST /drills runs one (the category is paused for a moment
 * and restored), GET /drills lists them newest first, GET /drills/{id} is one
 * report.
 */
import { z } from 'zod';

import { request, requestPage, route, type Page } from './client';
import { actorSchema, isoDateTimeSchema, switchStateSchema } from './schemas';

export const drillOutcomeSchema = z.enum( [ 'running', 'passed', 'failed' ] );

export const drillBindingTypeSchema = z.enum( [
	'cooperative',
	'cron',
	'rest',
	'provider',
	'read_only',
] );

/** One binding the drill exercised: passed is null when it could not be. */
export const drillBindingSchema = z.object( {
	automation: z.string(),
	type: drillBindingTypeSchema,
	target: z.string(),
	exercised: z.boolean(),
	passed: z.boolean().nullable(),
	detail: z.string(),
} );

const personSchema = z.object( {
	id: z.number().int(),
	login: z.string(),
	name: z.string(),
} );

export const drillReportSchema = z.object( {
	id: z.number().int(),
	category: z.string(),
	category_label: z.string(),
	outcome: drillOutcomeSchema,
	environment: z.string(),
	started_at: isoDateTimeSchema,
	finished_at: isoDateTimeSchema.nullable(),
	actor: actorSchema,
	automations: z.array( z.string() ),
	prior_state: switchStateSchema.nullable(),
	restored_state: switchStateSchema.nullable(),
	state_restored: z.boolean(),
	bindings: z.array( drillBindingSchema ),
	summary: z.object( {
		total: z.number().int(),
		passed: z.number().int(),
		failed: z.number().int(),
		not_exercised: z.number().int(),
	} ),
	paused_immediately: z.array( z.string() ),
	would_finish: z.array( z.string() ),
	needs_cleanup: z.array( z.string() ),
	restart: z.object( {
		owner: personSchema.nullable(),
		owners: z.array( personSchema ),
		detail: z.string(),
	} ),
	failure_reason: z.string().nullable(),
	review_url: z.string(),
} );

export const drillListSchema = z.array( drillReportSchema );

export type DrillOutcome = z.infer< typeof drillOutcomeSchema >;
export type DrillBinding = z.infer< typeof drillBindingSchema >;
export type DrillBindingType = z.infer< typeof drillBindingTypeSchema >;
export type DrillReport = z.infer< typeof drillReportSchema >;

/**
 * POST /drills: runs a pause drill of a category and answers with its report
 * (201). 409 `sophmate_drill_running` while one runs for it.
 *
 * @param category Category slug.
 */
export function runDrill( category: string ): Promise< DrillReport > {
	return request( drillReportSchema, {
		path: route( '/drills' ),
		method: 'POST',
		data: { category },
	} );
}

/**
 * GET /drills?category=…: drills of a category, newest first.
 *
 * @param category Category slug.
 * @param page     Page number (1-based).
 * @param perPage  Items per page.
 */
export function fetchDrills(
	category: string,
	page = 1,
	perPage = 10
): Promise< Page< DrillReport > > {
	const query = new URLSearchParams( {
		category,
		page: String( page ),
		per_page: String( perPage ),
	} );
	return requestPage(
		drillListSchema,
		route( `/drills?${ query.toString() }` )
	);
}

/**
 * GET /drills/{id}
 *
 * @param id Drill id.
 */
export function fetchDrill( id: number ): Promise< DrillReport > {
	return request( drillReportSchema, { path: route( `/drills/${ id }` ) } );
}
