/**
 * Review cadence (issue 6): when each category is next due for review and
 * why, the last review, open escalations, marking a review done and the daily
 * escalation digest. Mirrors php/Cadence/ReviewsController.php.
 */
import { z } from 'zod';

import { request, route } from './client';
import { actorSchema } from './schemas';

export const DUE_REASONS = [
	'first_run',
	'failed_runs',
	'provider_change',
	'scheduled',
] as const;

/** What a reviewer can say they looked at (the server refuses anything else). */
export const REVIEW_ITEMS = [
	'runs',
	'failed_steps',
	'audit',
	'providers',
	'affected_records',
	'owners',
	'drill',
] as const;

export const ESCALATION_PROBLEMS = [
	'overdue_review',
	'ownerless',
	'no_restart_owner',
	'unpausable',
	'paused_scope_touched_records',
] as const;

export const dueReasonSchema = z.object( {
	reason: z.enum( DUE_REASONS ),
	at: z.string(),
	detail: z.string(),
} );

export const reviewItemSchema = z.enum( REVIEW_ITEMS );

export const lastReviewSchema = z.object( {
	at: z.string(),
	actor: actorSchema,
	note: z.string(),
	reviewed: z.array( reviewItemSchema ),
} );

export const escalationSchema = z.object( {
	category: z.string(),
	problem: z.enum( ESCALATION_PROBLEMS ),
	label: z.string(),
	detail: z.string(),
	since: z.string(),
	/** A paused scope whose restart review is where to act; null: the category page. */
	scope: z.string().nullable(),
	url: z.string(),
} );

export const cadenceSchema = z.object( {
	category: z.string(),
	/** Null while the category never ran and was never reviewed. */
	next_review_at: z.string().nullable(),
	overdue: z.boolean(),
	review_every_days: z.number().int(),
	due_reasons: z.array( dueReasonSchema ),
	last_review: lastReviewSchema.nullable(),
	escalations: z.array( escalationSchema ),
} );

export const cadenceListSchema = z.array( cadenceSchema );

export const digestSchema = z.object( {
	channel: z.enum( [ 'email', 'webhook' ] ),
	target: z.string(),
	subject: z.string(),
	text: z.string(),
	items: z.array(
		z.object( {
			category: z.string(),
			problem: z.string(),
			detail: z.string(),
			url: z.string(),
		} )
	),
	level: z.enum( [ 'owner', 'backup_owner', 'administrator' ] ),
} );

export const digestRunSchema = z.object( {
	/** The UTC day digests count against (one per recipient per day). */
	day: z.string(),
	dry_run: z.boolean(),
	escalations: z.array( escalationSchema.omit( { url: true } ) ),
	digests: z.array( digestSchema ),
	already_sent: z.array( z.string() ),
} );

export type DueReason = z.infer< typeof dueReasonSchema >;
export type DueReasonKind = ( typeof DUE_REASONS )[ number ];
export type ReviewItem = ( typeof REVIEW_ITEMS )[ number ];
export type LastReview = z.infer< typeof lastReviewSchema >;
export type Escalation = z.infer< typeof escalationSchema >;
export type EscalationProblem = ( typeof ESCALATION_PROBLEMS )[ number ];
export type Cadence = z.infer< typeof cadenceSchema >;
export type DigestRun = z.infer< typeof digestRunSchema >;

/** Body of POST /categories/{slug}/reviews. */
export interface ReviewDone {
	/** Required, not empty: what was reviewed and found. */
	note: string;
	reviewed: ReviewItem[];
}

const categoryPath = ( slug: string ) =>
	route( `/categories/${ encodeURIComponent( slug ) }` );

/** GET /reviews: every category's cadence with its escalations. */
export function fetchReviews(): Promise< Cadence[] > {
	return request( cadenceListSchema, { path: route( '/reviews' ) } );
}

/**
 * GET /categories/{slug}/cadence
 *
 * @param slug Category slug.
 */
export function fetchCadence( slug: string ): Promise< Cadence > {
	return request( cadenceSchema, {
		path: `${ categoryPath( slug ) }/cadence`,
	} );
}

/**
 * POST /categories/{slug}/reviews: marks the review done (managers, the
 * owner or the backup owner); answers the new cadence.
 *
 * @param slug Category slug.
 * @param body Note and checklist.
 */
export function markReviewDone(
	slug: string,
	body: ReviewDone
): Promise< Cadence > {
	return request( cadenceSchema, {
		path: `${ categoryPath( slug ) }/reviews`,
		method: 'POST',
		data: body,
	} );
}

/**
 * POST /reviews/digest: runs the daily escalation job now (managers).
 *
 * @param dryRun Only show what would be sent.
 */
export function runDigest( dryRun: boolean ): Promise< DigestRun > {
	return request( digestRunSchema, {
		path: route( '/reviews/digest' ),
		method: 'POST',
		data: { dry_run: dryRun },
	} );
}
