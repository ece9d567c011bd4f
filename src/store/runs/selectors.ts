import type { ApiError, Run } from '../../api';
import type { RunsState } from './types';

const NONE: Run[] = [];

/** @param state Store state. */
export function getRuns( state: RunsState ): Run[] {
	return state.page?.items ?? NONE;
}

/** @param state Store state. */
export function getTotal( state: RunsState ): number {
	return state.page?.total ?? 0;
}

/** @param state Store state. */
export function getTotalPages( state: RunsState ): number {
	return state.page?.totalPages ?? 1;
}

/** @param state Store state. */
export function hasLoaded( state: RunsState ): boolean {
	return state.page !== null;
}

/** @param state Store state. */
export function isFetching( state: RunsState ): boolean {
	return state.isFetching;
}

/** @param state Store state. */
export function getError( state: RunsState ): ApiError | null {
	return state.error;
}

/** @param state Store state. */
export function getQueryKey( state: RunsState ): string | null {
	return state.queryKey;
}

/**
 * @param state Store state.
 * @param id    Run id.
 */
export function getRun( state: RunsState, id: number ): Run | null {
	return state.runs[ id ] ?? null;
}

/**
 * @param state Store state.
 * @param id    Run id.
 */
export function getRunError( state: RunsState, id: number ): ApiError | null {
	return state.runErrors[ id ] ?? null;
}

/** @param state Store state. */
export function getLatestRequestId( state: RunsState ): number {
	return state.latestRequestId;
}

/**
 * A page fetched ahead for this request path, if any.
 *
 * @param state    Store state.
 * @param queryKey Request path (runsPath()).
 */
export function getPrefetched(
	state: RunsState,
	queryKey: string
): RunsState[ 'prefetched' ][ string ] | null {
	return state.prefetched[ queryKey ] ?? null;
}
