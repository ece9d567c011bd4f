/**
 * The one place in the app that calls apiFetch.
 *
 * apiFetch is the WordPress-provided `wp.apiFetch` at runtime (see
 * webpack.config.js), so the REST nonce, root URL and preloading middleware
 * registered by WordPress and by the plugin's PHP apply to every request.
 */
import apiFetch from '@wordpress/api-fetch';
import type { z } from 'zod';

import { invalidResponseError, toApiError } from './errors';

export const API_NAMESPACE = 'sophmate-safe-mode/v1';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
	path: string;
	method?: HttpMethod;
	data?: unknown;
}

/**
 * Builds a path inside our namespace: `route( '/status' )` →
 * `/sophmate-safe-mode/v1/status`.
 *
 * @param routePath Route below the namespace, starting with `/`.
 */
export function route( routePath: string ): string {
	return `/${ API_NAMESPACE }${ routePath }`;
}

/**
 * Performs a request and parses the response with `schema`. Rejects with an
 * `ApiError` on HTTP, network and validation failures.
 *
 * @param schema  zod schema of the successful response body.
 * @param options Path, method and body.
 */
export async function request< S extends z.ZodType >(
	schema: S,
	options: RequestOptions
): Promise< z.output< S > > {
	const { path, method = 'GET', data } = options;
	let body: unknown;
	try {
		body = await apiFetch< unknown >( {
			path,
			method,
			...( data === undefined ? {} : { data } ),
		} );
	} catch ( error ) {
		throw toApiError( error );
	}

	const parsed = schema.safeParse( body );
	if ( ! parsed.success ) {
		throw invalidResponseError( path, parsed.error );
	}
	return parsed.data;
}
