import type { ApiError, AutomationConfig } from '../../api';
import type { AutomationsState } from './types';

const NONE: AutomationConfig[] = [];

/**
 * All automation configs (empty until loaded). Has a resolver: the first
 * call loads them.
 *
 * @param state Store state.
 */
export function getAutomations( state: AutomationsState ): AutomationConfig[] {
	return state.items ?? NONE;
}

/** @param state Store state. */
export function hasLoaded( state: AutomationsState ): boolean {
	return state.items !== null;
}

/** @param state Store state. */
export function isFetching( state: AutomationsState ): boolean {
	return state.isFetching;
}

/** @param state Store state. */
export function getError( state: AutomationsState ): ApiError | null {
	return state.error;
}

/**
 * @param state Store state.
 * @param id    Automation id.
 */
export function getAutomation(
	state: AutomationsState,
	id: string
): AutomationConfig | null {
	return state.items?.find( ( item ) => item.id === id ) ?? null;
}

/** @param state Store state. */
export function getLatestRequestId( state: AutomationsState ): number {
	return state.latestRequestId;
}
