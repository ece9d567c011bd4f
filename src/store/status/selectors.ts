import { createSelector } from '@wordpress/data';

import type {
	AutomationStatus,
	CategoryStatus,
	Emergency,
	SafeMode,
	Status,
} from '../../api';
import type { ApiError } from '../../api/errors';
import type { Operation, StatusState } from './types';

const NO_CATEGORIES: CategoryStatus[] = [];
const NO_AUTOMATIONS: AutomationStatus[] = [];

/**
 * The full GET /status snapshot (null until loaded). Has a resolver: the
 * first call loads it.
 *
 * @param state Store state.
 */
export function getStatus( state: StatusState ): Status | null {
	return state.snapshot;
}

/** @param state Store state. */
export function hasLoaded( state: StatusState ): boolean {
	return state.snapshot !== null;
}

/** @param state Store state. */
export function isFetching( state: StatusState ): boolean {
	return state.isFetching;
}

/** @param state Store state. */
export function getFetchError( state: StatusState ): ApiError | null {
	return state.fetchError;
}

/** @param state Store state. */
export function getSafeMode( state: StatusState ): SafeMode | null {
	return state.snapshot?.safe_mode ?? null;
}

/** @param state Store state. */
export function getEmergency( state: StatusState ): Emergency | null {
	return state.snapshot?.emergency ?? null;
}

/** @param state Store state. */
export function getCategoryStatuses( state: StatusState ): CategoryStatus[] {
	return state.snapshot?.categories ?? NO_CATEGORIES;
}

/**
 * @param state Store state.
 * @param slug  Category slug.
 */
export function getCategoryStatus(
	state: StatusState,
	slug: string
): CategoryStatus | null {
	return (
		state.snapshot?.categories.find(
			( category ) => category.slug === slug
		) ?? null
	);
}

/**
 * Every automation with its switch and effective decision, in the server's
 * order.
 *
 * @param state Store state.
 */
export function getAutomationStatuses(
	state: StatusState
): AutomationStatus[] {
	return state.snapshot?.automations ?? NO_AUTOMATIONS;
}

/**
 * @param state Store state.
 * @param id    Automation id.
 */
export function getAutomationStatus(
	state: StatusState,
	id: string
): AutomationStatus | null {
	return (
		state.snapshot?.automations.find(
			( automation ) => automation.id === id
		) ?? null
	);
}

/**
 * Automations that belong to a category (memoised per snapshot).
 *
 * @param state Store state.
 * @param slug  Category slug.
 */
export const getCategoryAutomations = createSelector(
	( state: StatusState, slug: string ): AutomationStatus[] => {
		const automations = state.snapshot?.automations ?? NO_AUTOMATIONS;
		const matching = automations.filter(
			( automation ) => automation.category === slug
		);
		return matching.length ? matching : NO_AUTOMATIONS;
	},
	( state: StatusState ) => [ state.snapshot ]
);

/**
 * The mutation in flight for a scope, if any.
 *
 * @param state Store state.
 * @param scope `global`, `category:SLUG` or `automation:ID`.
 */
export function getPendingOperation(
	state: StatusState,
	scope: string
): Operation | null {
	return state.pending[ scope ] ?? null;
}

/**
 * Id of the most recently started status request (used by refreshStatus to
 * tag its response).
 *
 * @param state Store state.
 */
export function getLatestRequestId( state: StatusState ): number {
	return state.latestRequestId;
}
