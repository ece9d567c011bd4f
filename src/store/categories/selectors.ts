import type { ApiError, CategoryConfig, PausePolicy } from '../../api';
import type { CategoriesState } from './types';

const NONE: CategoryConfig[] = [];

/**
 * All category configs (empty until loaded). Has a resolver: the first call
 * loads them.
 *
 * @param state Store state.
 */
export function getCategories( state: CategoriesState ): CategoryConfig[] {
	return state.items ?? NONE;
}

/** @param state Store state. */
export function hasLoaded( state: CategoriesState ): boolean {
	return state.items !== null;
}

/** @param state Store state. */
export function isFetching( state: CategoriesState ): boolean {
	return state.isFetching;
}

/** @param state Store state. */
export function getError( state: CategoriesState ): ApiError | null {
	return state.error;
}

/**
 * @param state Store state.
 * @param slug  Category slug.
 */
export function getCategory(
	state: CategoriesState,
	slug: string
): CategoryConfig | null {
	return state.items?.find( ( item ) => item.slug === slug ) ?? null;
}

/**
 * The pause policy of a category, null when unknown.
 *
 * @param state Store state.
 * @param slug  Category slug.
 */
export function getPolicy(
	state: CategoriesState,
	slug: string
): PausePolicy | null {
	return getCategory( state, slug )?.policy ?? null;
}

/**
 * Whether a PATCH of this category is in flight.
 *
 * @param state Store state.
 * @param slug  Category slug.
 */
export function isSaving( state: CategoriesState, slug: string ): boolean {
	return state.saving.includes( slug );
}

/** @param state Store state. */
export function getLatestRequestId( state: CategoriesState ): number {
	return state.latestRequestId;
}
