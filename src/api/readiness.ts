import { z } from 'zod';

import { request, route } from './client';
import {
	automationConfigSchema,
	automationModeSchema,
	isoDateTimeSchema,
	readinessSchema,
	type AutomationConfig,
	type AutomationMode,
} from './schemas';

/** A succeeded read-only run, a candidate to review before going live. */
export const readinessCandidateSchema = z.object( {
	id: z.number().int(),
	trigger: z.string(),
	started_at: isoDateTimeSchema,
	finished_at: isoDateTimeSchema.nullable(),
	steps: z.number().int(),
	affected_records: z.number().int(),
} );

/** GET /automations/{id}/readiness */
export const automationReadinessSchema = readinessSchema.extend( {
	id: z.string(),
	candidates: z.array( readinessCandidateSchema ),
} );

/** POST /automations/{id}/mode */
export const modeChangeSchema = z.object( {
	id: z.string(),
	changed: z.boolean(),
	before: automationModeSchema,
	mode: automationModeSchema,
	readiness: readinessSchema,
} );

export type ReadinessCandidate = z.infer< typeof readinessCandidateSchema >;
export type AutomationReadiness = z.infer< typeof automationReadinessSchema >;
export type ModeChange = z.infer< typeof modeChangeSchema >;

export interface ModeChangeRequest {
	mode: AutomationMode;
	reviewed_runs?: number[];
	note?: string;
}

/**
 * GET /automations/{id}/readiness: what the automation lacks for its next
 * mode, with the succeeded read-only runs to review.
 *
 * @param id Automation id.
 */
export function fetchReadiness( id: string ): Promise< AutomationReadiness > {
	return request( automationReadinessSchema, {
		path: route( `/automations/${ encodeURIComponent( id ) }/readiness` ),
	} );
}

/**
 * POST /automations/{id}/mode: through the readiness gate. A refusal rejects
 * with a 409 `sophmate_not_ready` ApiError whose `data.missing` lists what is
 * missing (see `missingFromError`).
 *
 * @param id   Automation id.
 * @param body Mode, reviewed run ids (to go live) and an optional note.
 */
export function changeMode(
	id: string,
	body: ModeChangeRequest
): Promise< ModeChange > {
	return request( modeChangeSchema, {
		path: route( `/automations/${ encodeURIComponent( id ) }/mode` ),
		method: 'POST',
		data: body,
	} );
}

/**
 * PATCH /automations/{id} with the production checklist and owner.
 *
 * @param id               Automation id.
 * @param fields           What changes.
 * @param fields.checklist Text of each checklist field.
 * @param fields.owner     The owner's user id.
 */
export function updateReadinessFields(
	id: string,
	fields: { checklist: Record< string, string >; owner?: number }
): Promise< AutomationConfig > {
	return request( automationConfigSchema, {
		path: route( `/automations/${ encodeURIComponent( id ) }` ),
		method: 'PATCH',
		data: fields,
	} );
}
