import type { ApiError } from '../../api';
import type { Stats, StatsWindow } from '../../api/stats';
import { statsKey } from './constants';
import type { StatsState } from './types';

/**
 * GET /stats for a window and category (resolver: loads on first use).
 *
 * @param state    Store state.
 * @param window   `24h` or `7d`.
 * @param category Category slug, or null for the whole site.
 */
export function getStats(
	state: StatsState,
	window: StatsWindow,
	category: string | null = null
): Stats | null {
	return state.entries[ statsKey( window, category ) ]?.stats ?? null;
}

/**
 * Whether a request for this window/category is in flight.
 *
 * @param state    Store state.
 * @param window   `24h` or `7d`.
 * @param category Category slug, or null for the whole site.
 */
export function isFetchingStats(
	state: StatsState,
	window: StatsWindow,
	category: string | null = null
): boolean {
	return state.entries[ statsKey( window, category ) ]?.isFetching ?? false;
}

/**
 * The error of the last request for this window/category, if it failed.
 *
 * @param state    Store state.
 * @param window   `24h` or `7d`.
 * @param category Category slug, or null for the whole site.
 */
export function getStatsError(
	state: StatsState,
	window: StatsWindow,
	category: string | null = null
): ApiError | null {
	return state.entries[ statsKey( window, category ) ]?.error ?? null;
}

/**
 * Id the next request will use.
 *
 * @param state Store state.
 */
export function getNextRequestId( state: StatsState ): number {
	return state.latestRequestId + 1;
}
