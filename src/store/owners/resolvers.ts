import type { StoreThunkArgs } from '../thunk';
import { refreshOwners } from './actions';
import type * as selectors from './selectors';
import type { OwnersAction } from './types';

/** Loads the list the first time `getOwners()` is selected. */
export const getOwners =
	() =>
	async ( {
		dispatch,
	}: StoreThunkArgs< OwnersAction, typeof selectors > ): Promise< void > => {
		await dispatch( refreshOwners() );
	};
