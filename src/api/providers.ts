import { request, route } from './client';
import { providerListSchema, type Provider } from './schemas';

/** GET /providers (every provider; the server answers up to 200 in one page). */
export function fetchProviders(): Promise< Provider[] > {
	return request( providerListSchema, { path: route( '/providers' ) } );
}
