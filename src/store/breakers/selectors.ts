import type { ApiError } from '../../api';
import type { CategoryBreakers, Simulation } from '../../api/breakers';
import { emptyEntry } from './reducer';
import type { BreakersEntry, BreakersState } from './types';

function entry( state: BreakersState, slug: string ): BreakersEntry {
	return state.entries[ slug ] ?? emptyEntry;
}

/**
 * The category's breaker settings (defaults applied) and state, once loaded.
 *
 * @param state Store state.
 * @param slug  Category slug.
 */
export function getBreakers(
	state: BreakersState,
	slug: string
): CategoryBreakers | null {
	return entry( state, slug ).value;
}

/**
 * Whether the breakers of the category are being (re)loaded.
 *
 * @param state Store state.
 * @param slug  Category slug.
 */
export function isFetching( state: BreakersState, slug: string ): boolean {
	return entry( state, slug ).isFetching;
}

/**
 * Why the last load failed, if it did.
 *
 * @param state Store state.
 * @param slug  Category slug.
 */
export function getError(
	state: BreakersState,
	slug: string
): ApiError | null {
	return entry( state, slug ).error;
}

/**
 * Whether a save of the category's breakers is in flight.
 *
 * @param state Store state.
 * @param slug  Category slug.
 */
export function isSaving( state: BreakersState, slug: string ): boolean {
	return entry( state, slug ).isSaving;
}

/**
 * Whether a dry run is in flight.
 *
 * @param state Store state.
 * @param slug  Category slug.
 */
export function isSimulating( state: BreakersState, slug: string ): boolean {
	return entry( state, slug ).isSimulating;
}

/**
 * The answer of the last dry run, if any.
 *
 * @param state Store state.
 * @param slug  Category slug.
 */
export function getSimulation(
	state: BreakersState,
	slug: string
): Simulation | null {
	return entry( state, slug ).simulation;
}

/**
 * Why the last dry run was refused, if it was.
 *
 * @param state Store state.
 * @param slug  Category slug.
 */
export function getSimulationError(
	state: BreakersState,
	slug: string
): ApiError | null {
	return entry( state, slug ).simulationError;
}

/**
 * The id the next request will carry.
 *
 * @param state Store state.
 */
export function getNextRequestId( state: BreakersState ): number {
	return state.latestRequestId + 1;
}
