import type { StoreThunkArgs } from '../thunk';
import { refreshAutomations } from './actions';
import type * as selectors from './selectors';
import type { AutomationsAction } from './types';

/** Loads the automation configs the first time `getAutomations()` is selected. */
export const getAutomations =
	() =>
	async ( {
		dispatch,
	}: StoreThunkArgs<
		AutomationsAction,
		typeof selectors
	> ): Promise< void > => {
		await dispatch( refreshAutomations() );
	};
