import type { StoreThunkArgs } from '../thunk';
import { refreshStatus } from './actions';
import type * as selectors from './selectors';
import type { StatusAction } from './types';

/**
 * Loads the snapshot the first time `getStatus()` is selected. The PHP page
 * preloads GET /status, so this normally resolves without a network request.
 */
export const getStatus =
	() =>
	async ( {
		dispatch,
	}: StoreThunkArgs< StatusAction, typeof selectors > ): Promise< void > => {
		await dispatch( refreshStatus() );
	};
