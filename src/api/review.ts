/**
 * GET …/review: the evidence an operator reads before restarting a paused
 * scope (runs, failed steps, audit events, pending approvals, providers,
 * touched records), the server's six checks, and the snapshot hash that the
 * restart sends back so the audit log records what was reviewed.
 */
import { z } from 'zod';

import { request, route } from './client';
import { auditEventSchema } from './audit';
import {
	acknowledgementSchema,
	isoDateTimeSchema,
	type SwitchTarget,
} from './schemas';
import { switchPath } from './switches';

const runCountsSchema = z.record( z.string(), z.number().int() );

/** An audit event as the review lists it: the audit log's, without the chain hash. */
export const reviewAuditEventSchema = auditEventSchema.omit( { hash: true } );

export const reviewSchema = z.object( {
	scope: z.string(),
	state: z.string(),
	since: isoDateTimeSchema.nullable(),
	window_start: isoDateTimeSchema,
	generated_at: isoDateTimeSchema,
	runs: runCountsSchema,
	runs_since_pause: runCountsSchema,
	failed_steps: z.array(
		z.object( {
			run_id: z.number().int(),
			automation: z.string(),
			step: z.string().nullable(),
			error: z.string().nullable(),
			at: isoDateTimeSchema,
			since_pause: z.boolean(),
		} )
	),
	audit: z.array( reviewAuditEventSchema ),
	pending_approvals: z.array(
		z.object( {
			source: z.string(),
			id: z.string(),
			label: z.string(),
			run_id: z.number().int().nullable(),
			url: z.string().nullable(),
		} )
	),
	providers: z.array(
		z.object( {
			slug: z.string(),
			label: z.string(),
			status: z.string(),
			checked_at: isoDateTimeSchema.nullable(),
		} )
	),
	affected_records: z.array(
		z.object( {
			type: z.string(),
			id: z.string(),
			action: z.string(),
			run_id: z.number().int(),
			at: isoDateTimeSchema,
			since_pause: z.boolean(),
		} )
	),
	checks: z.array(
		z.object( {
			id: acknowledgementSchema,
			label: z.string(),
			ok: z.boolean(),
			detail: z.string(),
		} )
	),
	snapshot: z.object( {
		counts: z.record( z.string(), z.number().int() ),
		hash: z.string().regex( /^[0-9a-f]{64}$/ ),
	} ),
} );

export type Review = z.infer< typeof reviewSchema >;
export type ReviewCheck = Review[ 'checks' ][ number ];

/**
 * GET /categories/{slug}/review, /automations/{id}/review or
 * /safe-mode/review.
 *
 * @param target A category or automation, or `'global'` for safe mode.
 */
export function fetchReview(
	target: SwitchTarget | 'global'
): Promise< Review > {
	return request( reviewSchema, {
		path:
			target === 'global'
				? route( '/safe-mode/review' )
				: switchPath( target, 'review' ),
	} );
}
