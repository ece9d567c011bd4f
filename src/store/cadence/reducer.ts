import type { CadenceAction, CadenceState } from './types';

export const initialState: CadenceState = {
	byCategory: {},
	errors: {},
	marking: {},
	listLoaded: false,
	listError: null,
};

/**
 * Cadence store reducer.
 *
 * @param state  Current state.
 * @param action Dispatched action.
 */
export function reducer(
	state: CadenceState = initialState,
	action: CadenceAction
): CadenceState {
	switch ( action.type ) {
		case 'RECEIVE_CADENCE': {
			const { [ action.cadence.category ]: _cleared, ...errors } =
				state.errors;
			return {
				...state,
				byCategory: {
					...state.byCategory,
					[ action.cadence.category ]: action.cadence,
				},
				errors,
			};
		}
		case 'RECEIVE_CADENCE_LIST':
			return {
				...state,
				byCategory: Object.fromEntries(
					action.items.map( ( item ) => [ item.category, item ] )
				),
				errors: {},
				listLoaded: true,
				listError: null,
			};
		case 'CADENCE_ERROR':
			return {
				...state,
				errors: { ...state.errors, [ action.slug ]: action.error },
			};
		case 'CADENCE_LIST_ERROR':
			return { ...state, listError: action.error };
		case 'MARK_REVIEW_START':
			return {
				...state,
				marking: { ...state.marking, [ action.slug ]: true },
			};
		case 'MARK_REVIEW_END': {
			const { [ action.slug ]: _done, ...marking } = state.marking;
			return { ...state, marking };
		}
		default:
			return state;
	}
}
