/**
 * Store `sophmate-safe-mode/runs`: the current page of GET /runs (filtered,
 * server-paginated) and single runs from GET /runs/{id}.
 */
import { createReduxStore, register } from '@wordpress/data';

import * as actions from './actions';
import { STORE_NAME } from './constants';
import { initialState, reducer } from './reducer';
import * as selectors from './selectors';

export const runsStoreConfig = {
	reducer,
	initialState,
	actions,
	selectors,
};

export const runsStore = createReduxStore( STORE_NAME, runsStoreConfig );

register( runsStore );

export { STORE_NAME } from './constants';
export type * from './types';
