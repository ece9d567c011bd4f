/**
 * Store `sophmate-safe-mode/cadence`: review cadence of each category
 * (GET /reviews, GET /categories/{slug}/cadence) and marking a review done.
 */
import { createReduxStore, register } from '@wordpress/data';

import * as actions from './actions';
import { STORE_NAME } from './constants';
import { initialState, reducer } from './reducer';
import * as resolvers from './resolvers';
import * as selectors from './selectors';

export const cadenceStoreConfig = {
	reducer,
	initialState,
	actions,
	selectors,
	resolvers,
};

export const cadenceStore = createReduxStore( STORE_NAME, cadenceStoreConfig );

register( cadenceStore );

export { STORE_NAME } from './constants';
export type * from './types';
