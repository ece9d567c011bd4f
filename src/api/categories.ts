import { request, route } from './client';
import {
	categoryConfigListSchema,
	promoteResponseSchema,
	scopeChangeSchema,
	type CategoryConfig,
	type PauseRequest,
	type PromoteResponse,
	type RestartRequest,
	type ScopeChange,
} from './schemas';

const categoryPath = ( slug: string, action: string ) =>
	route( `/categories/${ encodeURIComponent( slug ) }/${ action }` );

/** GET /categories (one page of 100; pagination headers are ignored). */
export function fetchCategories(): Promise< CategoryConfig[] > {
	return request( categoryConfigListSchema, {
		path: route( '/categories?per_page=100' ),
	} );
}

/**
 * POST /categories/{slug}/pause
 *
 * @param slug Category slug.
 * @param body Reason (1–500 chars) and optional incident link.
 */
export function pauseCategory(
	slug: string,
	body: PauseRequest
): Promise< ScopeChange > {
	return request( scopeChangeSchema, {
		path: categoryPath( slug, 'pause' ),
		method: 'POST',
		data: body,
	} );
}

/**
 * POST /categories/{slug}/restart
 *
 * @param slug Category slug.
 * @param body Acknowledgements, note and optional trial scope.
 */
export function restartCategory(
	slug: string,
	body: RestartRequest
): Promise< ScopeChange > {
	return request( scopeChangeSchema, {
		path: categoryPath( slug, 'restart' ),
		method: 'POST',
		data: body,
	} );
}

/**
 * POST /categories/{slug}/promote
 *
 * @param slug Category slug.
 */
export function promoteCategory( slug: string ): Promise< PromoteResponse > {
	return request( promoteResponseSchema, {
		path: categoryPath( slug, 'promote' ),
		method: 'POST',
	} );
}
