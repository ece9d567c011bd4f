import { z } from 'zod';

import { request, route } from './client';
import {
	providerListSchema,
	providerSchema,
	type Provider,
	type ProviderStatus,
} from './schemas';

/** GET /providers (every provider; the server answers up to 200 in one page). */
export function fetchProviders(): Promise< Provider[] > {
	return request( providerListSchema, { path: route( '/providers' ) } );
}

/** PUT /providers/{slug}: the provider as saved and which kinds of change it made. */
export const savedProviderSchema = providerSchema.extend( {
	changed: z.array( z.enum( [ 'config', 'status' ] ) ),
} );

/** DELETE /providers/{slug} */
export const deletedProviderSchema = z.object( {
	deleted: z.literal( true ),
	previous: providerSchema,
} );

export type SavedProvider = z.infer< typeof savedProviderSchema >;

/** Body of PUT /providers/{slug}; absent fields stay as they are. */
export interface ProviderUpdate {
	label?: string;
	hosts?: string[];
	/** Sets the status by hand. */
	status?: ProviderStatus;
	/** null (or '') stops polling. */
	status_url?: string | null;
	/** Why the status was set by hand (audited). */
	reason?: string;
}

const providerPath = ( slug: string ) =>
	route( `/providers/${ encodeURIComponent( slug ) }` );

/**
 * PUT /providers/{slug}: creates or updates a provider (managers only).
 *
 * @param slug Provider slug.
 * @param body Fields to set.
 */
export function saveProvider(
	slug: string,
	body: ProviderUpdate
): Promise< SavedProvider > {
	return request( savedProviderSchema, {
		path: providerPath( slug ),
		method: 'PUT',
		data: body,
	} );
}

/**
 * POST /providers/{slug}/check: polls the status URL now; a failed poll is
 * not an HTTP error but the provider's `last_error`.
 *
 * @param slug Provider slug.
 */
export function checkProvider( slug: string ): Promise< Provider > {
	return request( providerSchema, {
		path: `${ providerPath( slug ) }/check`,
		method: 'POST',
	} );
}

/**
 * DELETE /providers/{slug}: 409 `sophmate_provider_in_use` while a category
 * or automation still names it.
 *
 * @param slug Provider slug.
 */
export function deleteProvider( slug: string ): Promise< Provider > {
	return request( deletedProviderSchema, {
		path: providerPath( slug ),
		method: 'DELETE',
	} ).then( ( body ) => body.previous );
}
