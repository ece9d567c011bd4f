import { createSelector } from '@wordpress/data';

import type { ApiError, CronHook } from '../../api';
import type { CronHooksState } from './types';

const NONE: CronHook[] = [];

/**
 * Every scheduled cron hook (empty until loaded), sorted by name. Has a
 * resolver: the first call loads them.
 *
 * @param state Store state.
 */
export function getCronHooks( state: CronHooksState ): CronHook[] {
	return state.items ?? NONE;
}

/**
 * Hooks no automation is bound to yet: the ones worth offering to govern
 * (memoised per list).
 *
 * @param state Store state.
 */
export const getUnboundCronHooks = createSelector(
	( state: CronHooksState ): CronHook[] => {
		const unbound = ( state.items ?? NONE ).filter(
			( hook ) => hook.automations.length === 0
		);
		return unbound.length ? unbound : NONE;
	},
	( state: CronHooksState ) => [ state.items ]
);

/**
 * @param state Store state.
 * @param hook  Hook name.
 */
export function getCronHook(
	state: CronHooksState,
	hook: string
): CronHook | null {
	return state.items?.find( ( item ) => item.hook === hook ) ?? null;
}

/** @param state Store state. */
export function hasLoaded( state: CronHooksState ): boolean {
	return state.items !== null;
}

/** @param state Store state. */
export function isFetching( state: CronHooksState ): boolean {
	return state.isFetching;
}

/** @param state Store state. */
export function getError( state: CronHooksState ): ApiError | null {
	return state.error;
}

/** @param state Store state. */
export function getLatestRequestId( state: CronHooksState ): number {
	return state.latestRequestId;
}
