/**
 * Store `sophmate-safe-mode/categories`: category configuration (labels,
 * owners, pause policy …) from GET /categories.
 */
import { createReduxStore, register } from '@wordpress/data';

import * as actions from './actions';
import { STORE_NAME } from './constants';
import { initialState, reducer } from './reducer';
import * as resolvers from './resolvers';
import * as selectors from './selectors';

export const categoriesStoreConfig = {
	reducer,
	initialState,
	actions,
	selectors,
	resolvers,
};

export const categoriesStore = createReduxStore(
	STORE_NAME,
	categoriesStoreConfig
);

register( categoriesStore );

export { STORE_NAME } from './constants';
export type * from './types';
