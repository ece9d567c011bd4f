import type { StatsWindow } from '../../api/stats';
import type { StoreThunkArgs } from '../thunk';
import { refreshStats } from './actions';
import type * as selectors from './selectors';
import type { StatsAction } from './types';

/**
 * Loads a window/category the first time `getStats()` selects it.
 *
 * @param window   `24h` or `7d`.
 * @param category Category slug, or null for the whole site.
 */
export const getStats =
	( window: StatsWindow, category: string | null = null ) =>
	async ( {
		dispatch,
	}: StoreThunkArgs< StatsAction, typeof selectors > ): Promise< void > => {
		await dispatch( refreshStats( window, category ) );
	};
