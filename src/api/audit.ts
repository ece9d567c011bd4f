/**
 * Audit log: GET /audit (server-paginated, filterable), its CSV export and
 * GET /audit/verify.
 */
import { z } from 'zod';

import { requestPage, requestText, request, route, type Page } from './client';
import { actorSchema, isoDateTimeSchema } from './schemas';
import { queryString, untilParam } from './runs';

export const auditEventSchema = z.object( {
	id: z.number().int(),
	created_at: isoDateTimeSchema,
	action: z.string(),
	scope: z.string(),
	before: z.string(),
	after: z.string(),
	reason: z.string(),
	actor: actorSchema,
	source: z.string(),
	context: z.unknown(),
	hash: z.string(),
} );

export const auditEventListSchema = z.array( auditEventSchema );

export const auditVerificationSchema = z.object( {
	ok: z.boolean(),
	checked: z.number().int(),
	first_bad_id: z.number().int().nullable(),
} );

export type AuditEvent = z.infer< typeof auditEventSchema >;
export type AuditVerification = z.infer< typeof auditVerificationSchema >;

/** Filters of GET /audit; empty strings mean "any". */
export interface AuditFilters {
	scope: string;
	action: string;
	since: string;
	until: string;
}

export interface AuditQuery extends AuditFilters {
	page: number;
	perPage: number;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = {
	scope: '',
	action: '',
	since: '',
	until: '',
};

function filterParams( filters: AuditFilters ) {
	return {
		scope: filters.scope,
		action: filters.action,
		since: filters.since,
		until: untilParam( filters.until ),
	};
}

/**
 * The path of GET /audit for a query.
 *
 * @param query Filters and page.
 */
export function auditPath( query: AuditQuery ): string {
	return `${ route( '/audit' ) }?${ queryString( {
		...filterParams( query ),
		page: query.page,
		per_page: query.perPage,
	} ) }`;
}

/**
 * The path of the CSV export for the filters.
 *
 * @param filters Filters.
 */
export function auditCsvPath( filters: AuditFilters ): string {
	return `${ route( '/audit' ) }?${ queryString( {
		...filterParams( filters ),
		format: 'csv',
	} ) }`;
}

/**
 * One page of audit events, newest first.
 *
 * @param query Filters and page.
 */
export function fetchAudit( query: AuditQuery ): Promise< Page< AuditEvent > > {
	return requestPage( auditEventListSchema, auditPath( query ) );
}

/**
 * The CSV export of the events matching the filters, as text.
 *
 * @param filters Filters.
 */
export function fetchAuditCsv( filters: AuditFilters ): Promise< string > {
	return requestText( auditCsvPath( filters ) );
}

/** Recomputes the hash chain (GET /audit/verify). */
export function verifyAudit(): Promise< AuditVerification > {
	return request( auditVerificationSchema, {
		path: route( '/audit/verify' ),
	} );
}
