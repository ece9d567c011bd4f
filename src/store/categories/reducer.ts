import type { CategoriesAction, CategoriesState } from './types';

export const initialState: CategoriesState = {
	items: null,
	latestRequestId: 0,
	isFetching: false,
	error: null,
};

/**
 * Categories store reducer; ignores responses of superseded requests.
 *
 * @param state  Current state.
 * @param action Dispatched action.
 */
export function reducer(
	state: CategoriesState = initialState,
	action: CategoriesAction
): CategoriesState {
	switch ( action.type ) {
		case 'FETCH_CATEGORIES_START':
			return {
				...state,
				latestRequestId: state.latestRequestId + 1,
				isFetching: true,
			};
		case 'FETCH_CATEGORIES_SUCCESS':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return {
				...state,
				items: action.categories,
				isFetching: false,
				error: null,
			};
		case 'FETCH_CATEGORIES_FAILURE':
			if ( action.requestId !== state.latestRequestId ) {
				return state;
			}
			return { ...state, isFetching: false, error: action.error };
		default:
			return state;
	}
}
