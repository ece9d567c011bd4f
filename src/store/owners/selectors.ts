import type { ApiError, Owner } from '../../api';
import type { OwnersState } from './types';

const NONE: Owner[] = [];

/**
 * Everyone who may be named owner (empty until loaded). Has a resolver: the
 * first call loads them.
 *
 * @param state Store state.
 */
export function getOwners( state: OwnersState ): Owner[] {
	return state.items ?? NONE;
}

/** @param state Store state. */
export function hasLoaded( state: OwnersState ): boolean {
	return state.items !== null;
}

/** @param state Store state. */
export function isFetching( state: OwnersState ): boolean {
	return state.isFetching;
}

/** @param state Store state. */
export function getError( state: OwnersState ): ApiError | null {
	return state.error;
}

/**
 * Display name of a user id, null when the id is not in the list (not loaded
 * yet, or a user who may no longer pause automation).
 *
 * @param state Store state.
 * @param id    User id.
 */
export function getOwnerName( state: OwnersState, id: number ): string | null {
	return state.items?.find( ( item ) => item.id === id )?.name ?? null;
}

/** @param state Store state. */
export function getLatestRequestId( state: OwnersState ): number {
	return state.latestRequestId;
}
