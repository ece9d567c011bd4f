import type { StoreThunkArgs } from '../thunk';
import { refreshCronHooks } from './actions';
import type * as selectors from './selectors';
import type { CronHooksAction } from './types';

/** Loads the scheduled hooks the first time `getCronHooks()` is selected. */
export const getCronHooks =
	() =>
	async ( {
		dispatch,
	}: StoreThunkArgs<
		CronHooksAction,
		typeof selectors
	> ): Promise< void > => {
		await dispatch( refreshCronHooks() );
	};
