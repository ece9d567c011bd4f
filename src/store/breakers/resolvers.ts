import type { StoreThunkArgs } from '../thunk';
import { loadBreakers } from './actions';
import type * as selectors from './selectors';
import type { BreakersAction } from './types';

/**
 * Loads a category's breakers the first time `getBreakers( slug )` is selected.
 *
 * @param slug Category slug.
 */
export const getBreakers =
	( slug: string ) =>
	async ( {
		dispatch,
	}: StoreThunkArgs<
		BreakersAction,
		typeof selectors
	> ): Promise< void > => {
		await dispatch( loadBreakers( slug ) );
	};
