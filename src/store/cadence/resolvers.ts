import type { StoreThunkArgs } from '../thunk';
import { refreshCadence, refreshReviews } from './actions';
import type * as selectors from './selectors';
import type { CadenceAction } from './types';

type Args = StoreThunkArgs< CadenceAction, typeof selectors >;

/**
 * Loads a category's cadence the first time `getCadence( slug )` is selected.
 *
 * @param slug Category slug.
 */
export const getCadence =
	( slug: string ) =>
	async ( { dispatch }: Args ): Promise< void > => {
		await dispatch( refreshCadence( slug ) );
	};

/** Loads every category's cadence the first time `getReviews()` is selected. */
export const getReviews =
	() =>
	async ( { dispatch }: Args ): Promise< void > => {
		await dispatch( refreshReviews() );
	};
