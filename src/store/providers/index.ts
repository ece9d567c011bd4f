/**
 * Store `sophmate-safe-mode/providers`: external services and their status (GET /providers).
 */
import { createReduxStore, register } from '@wordpress/data';

import * as actions from './actions';
import { STORE_NAME } from './constants';
import { initialState, reducer } from './reducer';
import * as resolvers from './resolvers';
import * as selectors from './selectors';

export const providersStoreConfig = {
	reducer,
	initialState,
	actions,
	selectors,
	resolvers,
};

export const providersStore = createReduxStore(
	STORE_NAME,
	providersStoreConfig
);

register( providersStore );

export { STORE_NAME } from './constants';
export type * from './types';
