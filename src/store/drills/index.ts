/**
 * Store `sophmate-safe-mode/drills`: pause drills per category (GET/POST /drills).
 */
import { createReduxStore, register } from '@wordpress/data';

import * as actions from './actions';
import { STORE_NAME } from './constants';
import { initialState, reducer } from './reducer';
import * as resolvers from './resolvers';
import * as selectors from './selectors';

export const drillsStoreConfig = {
	reducer,
	initialState,
	actions,
	selectors,
	resolvers,
};

export const drillsStore = createReduxStore( STORE_NAME, drillsStoreConfig );

register( drillsStore );

export { STORE_NAME, DRILLS_PER_PAGE } from './constants';
export type { DrillsState, DrillsAction, DrillsEntry } from './types';
