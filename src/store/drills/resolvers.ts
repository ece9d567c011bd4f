import type { StoreThunkArgs } from '../thunk';
import { loadDrills } from './actions';
import type * as selectors from './selectors';
import type { DrillsAction } from './types';

/**
 * Loads a category's drills the first time `getDrills( category )` is selected.
 *
 * @param category Category slug.
 */
export const getDrills =
	( category: string ) =>
	async ( {
		dispatch,
	}: StoreThunkArgs< DrillsAction, typeof selectors > ): Promise< void > => {
		await dispatch( loadDrills( category ) );
	};
