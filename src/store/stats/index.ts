/**
 * Store `sophmate-safe-mode/stats`: GET /stats per window and category.
 */
import { createReduxStore, register } from '@wordpress/data';

import * as actions from './actions';
import { STORE_NAME } from './constants';
import { initialState, reducer } from './reducer';
import * as resolvers from './resolvers';
import * as selectors from './selectors';

export const statsStoreConfig = {
	reducer,
	initialState,
	actions,
	selectors,
	resolvers,
};

export const statsStore = createReduxStore( STORE_NAME, statsStoreConfig );

register( statsStore );

export { STORE_NAME, statsKey } from './constants';
export type { StatsState, StatsAction, StatsEntry } from './types';
