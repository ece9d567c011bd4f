import {
	fetchCategories,
	toApiError,
	type ApiError,
	type CategoryConfig,
} from '../../api';
import type { StoreThunk } from '../thunk';
import type * as selectors from './selectors';
import type { CategoriesAction } from './types';

type Thunk< R > = StoreThunk< R, CategoriesAction, typeof selectors >;

export const fetchCategoriesStart = (): CategoriesAction => ( {
	type: 'FETCH_CATEGORIES_START',
} );

export const receiveCategories = (
	requestId: number,
	categories: CategoryConfig[]
): CategoriesAction => ( {
	type: 'FETCH_CATEGORIES_SUCCESS',
	requestId,
	categories,
} );

export const receiveCategoriesError = (
	requestId: number,
	error: ApiError
): CategoriesAction => ( {
	type: 'FETCH_CATEGORIES_FAILURE',
	requestId,
	error,
} );

/**
 * Loads GET /categories. Resolves to the list, or null on failure (the error
 * is then in `getError()`).
 */
export const refreshCategories =
	(): Thunk< CategoryConfig[] | null > =>
	async ( { dispatch, select } ) => {
		dispatch( fetchCategoriesStart() );
		const requestId = select.getLatestRequestId();
		try {
			const categories = await fetchCategories();
			dispatch( receiveCategories( requestId, categories ) );
			return categories;
		} catch ( error ) {
			dispatch(
				receiveCategoriesError( requestId, toApiError( error ) )
			);
			return null;
		}
	};
