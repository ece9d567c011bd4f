import { request, route } from './client';
import {
	categoryConfigListSchema,
	updatedCategorySchema,
	type CategoryConfig,
	type CategoryUpdate,
	type PauseRequest,
	type PromoteResponse,
	type RestartRequest,
	type ScopeChange,
	type UpdatedCategory,
} from './schemas';
import { pauseSwitch, promoteSwitch, restartSwitch } from './switches';

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
	return pauseSwitch( { type: 'category', id: slug }, body );
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
	return restartSwitch( { type: 'category', id: slug }, body );
}

/**
 * POST /categories/{slug}/promote
 *
 * @param slug Category slug.
 */
export function promoteCategory( slug: string ): Promise< PromoteResponse > {
	return promoteSwitch( { type: 'category', id: slug } );
}

/**
 * PATCH /categories/{slug}
 *
 * @param slug Category slug.
 * @param body The fields to change.
 */
export function updateCategory(
	slug: string,
	body: CategoryUpdate
): Promise< UpdatedCategory > {
	return request( updatedCategorySchema, {
		path: route( `/categories/${ encodeURIComponent( slug ) }` ),
		method: 'PATCH',
		data: body,
	} );
}
