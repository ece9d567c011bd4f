import {
	fetchCategories,
	toApiError,
	updateCategory as patchCategory,
	type ApiError,
	type CategoryConfig,
	type CategoryUpdate,
} from '../../api';
import type { MutationResult, StoreThunk } from '../thunk';
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

export const updateCategoryStart = ( slug: string ): CategoriesAction => ( {
	type: 'UPDATE_CATEGORY_START',
	slug,
} );

export const receiveUpdatedCategory = (
	category: CategoryConfig
): CategoriesAction => ( { type: 'UPDATE_CATEGORY_SUCCESS', category } );

export const updateCategoryFailed = ( slug: string ): CategoriesAction => ( {
	type: 'UPDATE_CATEGORY_FAILURE',
	slug,
} );

/**
 * PATCH /categories/{slug}. Never rejects: resolves to the saved config, or
 * the ApiError (whose `code`/`data.params` name the field the server refused).
 * The list keeps the old config on failure.
 *
 * @param slug Category slug.
 * @param body The fields to change.
 */
export const updateCategory =
	(
		slug: string,
		body: CategoryUpdate
	): Thunk< MutationResult< CategoryConfig > > =>
	async ( { dispatch } ) => {
		dispatch( updateCategoryStart( slug ) );
		try {
			const { changed: _changed, ...category } = await patchCategory(
				slug,
				body
			);
			dispatch( receiveUpdatedCategory( category ) );
			return { ok: true, value: category };
		} catch ( error ) {
			dispatch( updateCategoryFailed( slug ) );
			return { ok: false, error: toApiError( error ) };
		}
	};
