import type { StoreThunkArgs } from '../thunk';
import { refreshProviders } from './actions';
import type * as selectors from './selectors';
import type { ProvidersAction } from './types';

/** Loads the list the first time `getProviders()` is selected. */
export const getProviders =
	() =>
	async ( {
		dispatch,
	}: StoreThunkArgs<
		ProvidersAction,
		typeof selectors
	> ): Promise< void > => {
		await dispatch( refreshProviders() );
	};
