/**
 * Configuration export and import (staging → production): GET /config,
 * GET /config/environment, POST /config/import.
 */
import { z } from 'zod';

import { request, route } from './client';
import type { ApiError } from './errors';

/** The exported document: the header is checked, the sections are kept as they are. */
export const configDocumentSchema = z
	.object( {
		format: z.literal( 'sophmate-safe-mode/config' ),
		version: z.number().int(),
		exported_at: z.string(),
		environment: z.string(),
		site: z.string(),
	} )
	.passthrough();

export type ConfigDocument = z.infer< typeof configDocumentSchema >;

export const configEnvironmentSchema = z.object( {
	environment: z.string(),
	site: z.string(),
} );

export type ConfigEnvironment = z.infer< typeof configEnvironmentSchema >;

export const configChangeKindSchema = z.enum( [
	'added',
	'changed',
	'unchanged',
	'skipped',
	'not_in_file',
] );

export type ConfigChangeKind = z.infer< typeof configChangeKindSchema >;

export const configChangeSchema = z.object( {
	type: z.enum( [
		'category',
		'provider',
		'automation',
		'settings',
		'notifications',
	] ),
	id: z.string(),
	change: configChangeKindSchema,
	fields: z.array(
		z.object( {
			path: z.string(),
			from: z.unknown(),
			to: z.unknown(),
		} )
	),
} );

export type ConfigChange = z.infer< typeof configChangeSchema >;

export const configImportResultSchema = z.object( {
	applied: z.boolean(),
	dry_run: z.boolean(),
	changes: z.array( configChangeSchema ),
	/** Send back with the real import: refused (409) if the changes differ by then. */
	changes_hash: z.string(),
	summary: z.record( z.string(), z.number().int() ),
	warnings: z.array( z.string() ),
	source: z.object( {
		environment: z.string(),
		site: z.string(),
		exported_at: z.string(),
	} ),
} );

export type ConfigImportResult = z.infer< typeof configImportResultSchema >;

/** One problem of an invalid file (`data.errors` of a 400 sophmate_invalid_config). */
export const configErrorSchema = z.object( {
	path: z.string(),
	code: z.string(),
	message: z.string(),
} );

export type ConfigError = z.infer< typeof configErrorSchema >;

/** GET /config: the site's configuration as a portable document (audited as config_export). */
export function fetchConfig(): Promise< ConfigDocument > {
	return request( configDocumentSchema, { path: route( '/config' ) } );
}

/** GET /config/environment: which site this is (wp_get_environment_type() and home URL). */
export function fetchConfigEnvironment(): Promise< ConfigEnvironment > {
	return request( configEnvironmentSchema, {
		path: route( '/config/environment' ),
	} );
}

/**
 * POST /config/import. Rejects with an ApiError `sophmate_invalid_config`
 * whose `configErrors()` are the file's problems, each with its JSON path.
 *
 * @param config      The parsed file.
 * @param dryRun      Only validate and list the changes.
 * @param changesHash `changes_hash` of the dry run the operator read.
 */
export function importConfig(
	config: unknown,
	dryRun: boolean,
	changesHash?: string
): Promise< ConfigImportResult > {
	return request( configImportResultSchema, {
		path: route( '/config/import' ),
		method: 'POST',
		data: {
			config,
			dry_run: dryRun,
			...( changesHash ? { changes_hash: changesHash } : {} ),
		},
	} );
}

/**
 * The per-field errors of a refused import, or [] for any other error.
 *
 * @param error What importConfig rejected with.
 */
export function configErrors( error: ApiError ): ConfigError[] {
	const parsed = z.array( configErrorSchema ).safeParse( error.data.errors );
	return parsed.success ? parsed.data : [];
}
