import type { ApiError, DrillReport } from '../../api';
import { emptyEntry } from './reducer';
import type { DrillsEntry, DrillsState } from './types';

function entry( state: DrillsState, category: string ): DrillsEntry {
	return state.entries[ category ] ?? emptyEntry;
}

/**
 * The newest drills of a category, newest first.
 *
 * @param state    Store state.
 * @param category Category slug.
 */
export function getDrills(
	state: DrillsState,
	category: string
): DrillReport[] {
	return entry( state, category ).items;
}

/**
 * The latest drill of a category (a running one included), or null.
 *
 * @param state    Store state.
 * @param category Category slug.
 */
export function getLatestDrill(
	state: DrillsState,
	category: string
): DrillReport | null {
	return entry( state, category ).items[ 0 ] ?? null;
}

/**
 * How many drills the category has in all.
 *
 * @param state    Store state.
 * @param category Category slug.
 */
export function getTotal( state: DrillsState, category: string ): number {
	return entry( state, category ).total;
}

/**
 * Whether the category's drills were loaded once.
 *
 * @param state    Store state.
 * @param category Category slug.
 */
export function hasLoaded( state: DrillsState, category: string ): boolean {
	return entry( state, category ).hasLoaded;
}

/**
 * Whether the list is being (re)loaded.
 *
 * @param state    Store state.
 * @param category Category slug.
 */
export function isFetching( state: DrillsState, category: string ): boolean {
	return entry( state, category ).isFetching;
}

/**
 * Why the list could not be loaded, if it could not.
 *
 * @param state    Store state.
 * @param category Category slug.
 */
export function getError(
	state: DrillsState,
	category: string
): ApiError | null {
	return entry( state, category ).error;
}

/**
 * Whether a drill of the category is running now (from this screen).
 *
 * @param state    Store state.
 * @param category Category slug.
 */
export function isRunning( state: DrillsState, category: string ): boolean {
	return entry( state, category ).isRunning;
}

/**
 * Why the last attempt to run a drill was refused, if it was.
 *
 * @param state    Store state.
 * @param category Category slug.
 */
export function getRunError(
	state: DrillsState,
	category: string
): ApiError | null {
	return entry( state, category ).runError;
}

/**
 * The id the next request will carry.
 *
 * @param state Store state.
 */
export function getNextRequestId( state: DrillsState ): number {
	return state.latestRequestId + 1;
}
