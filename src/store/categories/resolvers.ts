import type { StoreThunkArgs } from '../thunk';
import { refreshCategories } from './actions';
import type * as selectors from './selectors';
import type { CategoriesAction } from './types';

/** Loads the category configs the first time `getCategories()` is selected. */
export const getCategories =
	() =>
	async ( {
		dispatch,
	}: StoreThunkArgs<
		CategoriesAction,
		typeof selectors
	> ): Promise< void > => {
		await dispatch( refreshCategories() );
	};
