import type { CategoriesAction, CategoriesState } from './types';

export const initialState: CategoriesState = {
	items: null,
	latestRequestId: 0,
	isFetching: false,
	error: null,
	saving: [],
};

const without = ( list: string[], slug: string ): string[] =>
	list.filter( ( item ) => item !== slug );

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
		case 'UPDATE_CATEGORY_START':
			return {
				...state,
				saving: [
					...without( state.saving, action.slug ),
					action.slug,
				],
			};
		case 'UPDATE_CATEGORY_SUCCESS': {
			// The saved config replaces the old one in place; a category the
			// list has not seen yet (list not loaded) is left for the next load.
			const { slug } = action.category;
			return {
				...state,
				items:
					state.items?.map( ( item ) =>
						item.slug === slug ? action.category : item
					) ?? null,
				saving: without( state.saving, slug ),
			};
		}
		case 'UPDATE_CATEGORY_FAILURE':
			return { ...state, saving: without( state.saving, action.slug ) };
		default:
			return state;
	}
}
