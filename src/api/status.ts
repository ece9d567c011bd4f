import { request, route } from './client';
import {
	safeModeResponseSchema,
	statusSchema,
	type SafeModeRequest,
	type SafeModeResponse,
	type Status,
} from './schemas';

/**
 * The path is kept free of query arguments so that the preloaded response the
 * PHP page prints (apiFetch preloading middleware) is used for the first load.
 */
export const STATUS_PATH = route( '/status' );

/** GET /status */
export function fetchStatus(): Promise< Status > {
	return request( statusSchema, { path: STATUS_PATH } );
}

/**
 * PUT /safe-mode
 *
 * @param body Mode, reason and (to turn it off) acknowledgements.
 */
export function putSafeMode(
	body: SafeModeRequest
): Promise< SafeModeResponse > {
	return request( safeModeResponseSchema, {
		path: route( '/safe-mode' ),
		method: 'PUT',
		data: body,
	} );
}
