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
 * One automation: loaded on its own (its page) or from the list. Has a
 * resolver that asks GET /automations/{id} only when the list neither has it
 * nor is about to, so overview rows selecting it cost no request each.
 *
 * @param state Store state.
 * @param id    Automation id.
 */
export function getAutomation(
	state: AutomationsState,
	id: string
): AutomationConfig | null {
	return (
		state.byId[ id ]?.item ??
		state.items?.find( ( item ) => item.id === id ) ??
		null
	);
}

/**
 * Error of the latest GET /automations/{id} (status 404: no such automation).
 *
 * @param state Store state.
 * @param id    Automation id.
 */
export function getAutomationError(
	state: AutomationsState,
	id: string
): ApiError | null {
	return state.byId[ id ]?.error ?? null;
}

/**
 * @param state Store state.
 * @param id    Automation id.
 */
export function isAutomationFetching(
	state: AutomationsState,
	id: string
): boolean {
	return state.byId[ id ]?.isFetching ?? false;
}

/**
 * @param state Store state.
 * @param id    Automation id.
 */
export function getAutomationRequestId(
	state: AutomationsState,
	id: string
): number {
	return state.byId[ id ]?.latestRequestId ?? 0;
}

/** @param state Store state. */
export function getLatestRequestId( state: AutomationsState ): number {
	return state.latestRequestId;
}
