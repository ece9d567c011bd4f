import type { ApiError, CategoryConfig } from '../../api';

export interface CategoriesState {
	/** Category configuration from GET /categories, null until loaded. */
	items: CategoryConfig[] | null;
	latestRequestId: number;
	isFetching: boolean;
	error: ApiError | null;
	/** Slugs with a PATCH in flight. */
	saving: string[];
}

export type CategoriesAction =
	| { type: 'FETCH_CATEGORIES_START' }
	| {
			type: 'FETCH_CATEGORIES_SUCCESS';
			requestId: number;
			categories: CategoryConfig[];
	  }
	| { type: 'FETCH_CATEGORIES_FAILURE'; requestId: number; error: ApiError }
	| { type: 'UPDATE_CATEGORY_START'; slug: string }
	| { type: 'UPDATE_CATEGORY_SUCCESS'; category: CategoryConfig }
	| { type: 'UPDATE_CATEGORY_FAILURE'; slug: string };
