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

/** One page of a paginated list, with the totals from the response headers. */
export interface Page< T > {
	items: T[];
	total: number;
	totalPages: number;
}

interface RawResponse {
	ok?: boolean;
	status?: number;
	headers: { get: ( name: string ) => string | null };
	json: () => Promise< unknown >;
	text: () => Promise< string >;
}

function isRawResponse( value: unknown ): value is RawResponse {
	return (
		typeof value === 'object' &&
		value !== null &&
		'headers' in value &&
		typeof ( value as { json?: unknown } ).json === 'function'
	);
}

/**
 * apiFetch with `parse: false`: the raw Response. With `parse: false`
 * apiFetch rejects with the Response itself on HTTP errors; its JSON body
 * (the REST error) becomes the ApiError.
 *
 * @param path Request path.
 */
async function fetchRaw( path: string ): Promise< RawResponse > {
	try {
		const response: unknown = await apiFetch< Response, false >( {
			path,
			parse: false,
		} );
		if ( ! isRawResponse( response ) ) {
			throw new Error( 'invalid response' );
		}
		return response;
	} catch ( error ) {
		if ( isRawResponse( error ) ) {
			let body: unknown;
			try {
				body = await error.json();
			} catch {
				body = {
					code: 'sophmate_http_error',
					message: `HTTP ${ error.status ?? '' }`,
					data: { status: error.status ?? null },
				};
			}
			throw toApiError( body );
		}
		throw toApiError( error );
	}
}

function headerInt( response: RawResponse, name: string ): number | null {
	const value = response.headers.get( name );
	const parsed = value === null ? NaN : parseInt( value, 10 );
	return Number.isFinite( parsed ) ? parsed : null;
}

/**
 * GET of a paginated list: parses the body with `schema` and reads
 * `X-WP-Total` / `X-WP-TotalPages`.
 *
 * @param schema zod schema of the list.
 * @param path   Request path with query.
 */
export async function requestPage< T >(
	schema: z.ZodType< T[] >,
	path: string
): Promise< Page< T > > {
	const response = await fetchRaw( path );
	let body: unknown;
	try {
		body = await response.json();
	} catch ( error ) {
		throw toApiError( error );
	}
	const parsed = schema.safeParse( body );
	if ( ! parsed.success ) {
		throw invalidResponseError( path, parsed.error );
	}
	const total = headerInt( response, 'X-WP-Total' ) ?? parsed.data.length;
	const totalPages = headerInt( response, 'X-WP-TotalPages' ) ?? 1;
	return { items: parsed.data, total, totalPages };
}

/**
 * GET of a non-JSON body (e.g. CSV), as text.
 *
 * @param path Request path with query.
 */
export async function requestText( path: string ): Promise< string > {
	const response = await fetchRaw( path );
	return response.text();
}
