import type { ApiError, Cadence } from '../../api';
import type { CadenceState } from './types';

/**
 * The cadence of one category, or null until loaded. Has a resolver: the
 * first call loads it.
 *
 * @param state Store state.
 * @param slug  Category slug.
 */
export function getCadence(
	state: CadenceState,
	slug: string
): Cadence | null {
	return state.byCategory[ slug ] ?? null;
}

/**
 * @param state Store state.
 * @param slug  Category slug.
 */
export function getCadenceError(
	state: CadenceState,
	slug: string
): ApiError | null {
	return state.errors[ slug ] ?? null;
}

/**
 * Every category's cadence (GET /reviews). Has a resolver.
 *
 * @param state Store state.
 */
export function getReviews( state: CadenceState ): Record< string, Cadence > {
	return state.byCategory;
}

/** @param state Store state. */
export function hasLoadedReviews( state: CadenceState ): boolean {
	return state.listLoaded;
}

/** @param state Store state. */
export function getReviewsError( state: CadenceState ): ApiError | null {
	return state.listError;
}

/**
 * Whether a review of the category is being marked done.
 *
 * @param state Store state.
 * @param slug  Category slug.
 */
export function isMarkingDone( state: CadenceState, slug: string ): boolean {
	return state.marking[ slug ] === true;
}
