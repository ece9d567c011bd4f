/**
 * Helpers for the one mock the JS tests use: apiFetch, i.e. the boundary
 * below `src/api`. Everything above it (zod parsing, error normalisation,
 * stores, components) runs for real.
 *
 * Each test file still calls `vi.mock( '@wordpress/api-fetch' )` itself
 * (vi.mock is hoisted per file).
 */
import apiFetch, { type APIFetchOptions } from '@wordpress/api-fetch';
import { vi } from 'vitest';

export type RouteHandler = ( options: APIFetchOptions ) => unknown;

export type Routes = Record< string, RouteHandler >;

/** The mocked apiFetch, typed loosely enough to inspect its calls. */
export const apiFetchMock = vi.mocked(
	apiFetch as unknown as ( options: APIFetchOptions ) => Promise< unknown >
);

/**
 * Answers requests by `"METHOD /path"`. A handler's thrown value becomes the
 * rejection (like apiFetch rejects with the REST error body). Unknown routes
 * reject with a 404 `rest_no_route`.
 *
 * @param routes Handlers by "METHOD /path".
 */
export function routeApiFetch( routes: Routes ): void {
	apiFetchMock.mockImplementation( async ( options ) => {
		const key = `${ options.method ?? 'GET' } ${ options.path ?? '' }`;
		const handler = routes[ key ];
		if ( ! handler ) {
			throw {
				code: 'rest_no_route',
				message: `No route was found matching ${ key }`,
				data: { status: 404 },
			};
		}
		return handler( options );
	} );
}

/** `"METHOD /path"` of every request made so far. */
export function requestedRoutes(): string[] {
	return apiFetchMock.mock.calls.map(
		( [ options ] ) =>
			`${ options.method ?? 'GET' } ${ options.path ?? '' }`
	);
}

/**
 * The body of the last request to a route.
 *
 * @param key "METHOD /path".
 */
export function lastBody( key: string ): unknown {
	const call = [ ...apiFetchMock.mock.calls ]
		.reverse()
		.find(
			( [ options ] ) =>
				`${ options.method ?? 'GET' } ${ options.path ?? '' }` === key
		);
	return call?.[ 0 ].data;
}
