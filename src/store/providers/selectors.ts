import { createSelector } from '@wordpress/data';

import type { ApiError, Provider } from '../../api';
import type { ProviderOperation, ProvidersState } from './types';

const NONE: Provider[] = [];

/**
 * All providers (empty until loaded). Has a resolver: the first call loads
 * them.
 *
 * @param state Store state.
 */
export function getProviders( state: ProvidersState ): Provider[] {
	return state.items ?? NONE;
}

/** @param state Store state. */
export function hasLoaded( state: ProvidersState ): boolean {
	return state.items !== null;
}

/** @param state Store state. */
export function isFetching( state: ProvidersState ): boolean {
	return state.isFetching;
}

/** @param state Store state. */
export function getError( state: ProvidersState ): ApiError | null {
	return state.error;
}

/**
 * @param state Store state.
 * @param slug  Provider slug.
 */
export function getProvider(
	state: ProvidersState,
	slug: string
): Provider | null {
	return state.items?.find( ( item ) => item.slug === slug ) ?? null;
}

/**
 * The providers named by `slugs`, in that order; a slug the server does not
 * know (a category may name a provider that was never configured) stays in
 * the list with a null provider, so the page can say so instead of hiding it.
 * Memoised per state and slug list.
 *
 * @param state Store state.
 * @param slugs Provider slugs, e.g. a category's `providers`.
 */
export const getProvidersBySlug = createSelector(
	(
		state: ProvidersState,
		slugs: readonly string[]
	): Array< { slug: string; provider: Provider | null } > =>
		slugs.map( ( slug ) => ( {
			slug,
			provider: getProvider( state, slug ),
		} ) ),
	( state: ProvidersState, slugs: readonly string[] ) => [
		state.items,
		slugs.join( '\n' ),
	]
);

/** @param state Store state. */
export function getLatestRequestId( state: ProvidersState ): number {
	return state.latestRequestId;
}

/**
 * What is in flight for a provider (saving, checking, deleting), or null.
 *
 * @param state Store state.
 * @param slug  Provider slug.
 */
export function getPendingOperation(
	state: ProvidersState,
	slug: string
): ProviderOperation | null {
	return state.pending[ slug ] ?? null;
}

/**
 * Every mutation in flight, by provider slug.
 *
 * @param state Store state.
 */
export function getPendingOperations(
	state: ProvidersState
): Readonly< Record< string, ProviderOperation > > {
	return state.pending;
}
