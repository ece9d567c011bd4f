import { keyedFetchSettled, keyedFetchStarted } from '../keyed';
import type { BreakersAction, BreakersEntry, BreakersState } from './types';

export const initialState: BreakersState = {
	entries: {},
	latestRequestId: 0,
};

export const emptyEntry: BreakersEntry = {
	value: null,
	isFetching: false,
	error: null,
	requestId: 0,
	isSaving: false,
	isSimulating: false,
	simulation: null,
	simulationError: null,
};

function patch(
	state: BreakersState,
	slug: string,
	change: Partial< BreakersEntry >
): BreakersState {
	const entry = state.entries[ slug ] ?? emptyEntry;
	return {
		...state,
		entries: { ...state.entries, [ slug ]: { ...entry, ...change } },
	};
}

/**
 * Breakers store reducer: one entry per category slug. A load superseded by
 * a newer one is ignored (keyed helpers); a save replaces the settings at
 * once, keeping the last known state when the PATCH answer has none.
 *
 * @param state  Current state.
 * @param action Dispatched action.
 */
export function reducer(
	state: BreakersState = initialState,
	action: BreakersAction
): BreakersState {
	switch ( action.type ) {
		case 'FETCH_BREAKERS_START':
			return keyedFetchStarted(
				state,
				action.slug,
				action.requestId,
				emptyEntry
			);
		case 'FETCH_BREAKERS_SUCCESS':
			return keyedFetchSettled( state, action.slug, action.requestId, {
				value: action.value,
			} );
		case 'FETCH_BREAKERS_FAILURE':
			return keyedFetchSettled( state, action.slug, action.requestId, {
				error: action.error,
			} );
		case 'SAVE_BREAKERS_START':
			return patch( state, action.slug, { isSaving: true } );
		case 'SAVE_BREAKERS_SUCCESS': {
			const previous = state.entries[ action.slug ]?.value ?? null;
			return patch( state, action.slug, {
				isSaving: false,
				value: {
					...action.value,
					state: action.value.state ?? previous?.state ?? null,
				},
			} );
		}
		case 'SAVE_BREAKERS_FAILURE':
			return patch( state, action.slug, { isSaving: false } );
		case 'SIMULATE_BREAKERS_START':
			return patch( state, action.slug, {
				isSimulating: true,
				simulationError: null,
			} );
		case 'SIMULATE_BREAKERS_SUCCESS':
			return patch( state, action.slug, {
				isSimulating: false,
				simulation: action.simulation,
			} );
		case 'SIMULATE_BREAKERS_FAILURE':
			return patch( state, action.slug, {
				isSimulating: false,
				simulation: null,
				simulationError: action.error,
			} );
		case 'CLEAR_SIMULATION':
			return patch( state, action.slug, {
				simulation: null,
				simulationError: null,
			} );
		default:
			return state;
	}
}
