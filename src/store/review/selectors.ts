import type { ApiError } from '../../api';
import type { Review } from '../../api/review';
import type { ReviewState } from './types';

/**
 * The evidence bundle of a scope, once loaded.
 *
 * @param state Store state.
 * @param scope `global`, `category:SLUG` or `automation:ID`.
 */
export function getReview( state: ReviewState, scope: string ): Review | null {
	return state.entries[ scope ]?.review ?? null;
}

/**
 * Whether the scope's review is being (re)loaded.
 *
 * @param state Store state.
 * @param scope Scope.
 */
export function isFetching( state: ReviewState, scope: string ): boolean {
	return state.entries[ scope ]?.isFetching ?? false;
}

/**
 * Why the last load of the scope's review failed, if it did.
 *
 * @param state Store state.
 * @param scope Scope.
 */
export function getError( state: ReviewState, scope: string ): ApiError | null {
	return state.entries[ scope ]?.error ?? null;
}

/**
 * The id the next request will carry.
 *
 * @param state Store state.
 */
export function getNextRequestId( state: ReviewState ): number {
	return state.latestRequestId + 1;
}
