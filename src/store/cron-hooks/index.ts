/**
 * Store `sophmate-safe-mode/cron-hooks`: the WP-Cron hooks scheduled on the
 * site and the automations bound to each (GET /cron-hooks), for choosing
 * another plugin's hook to govern.
 */
import { createReduxStore, register } from '@wordpress/data';

import * as actions from './actions';
import { STORE_NAME } from './constants';
import { initialState, reducer } from './reducer';
import * as resolvers from './resolvers';
import * as selectors from './selectors';

export const cronHooksStoreConfig = {
	reducer,
	initialState,
	actions,
	selectors,
	resolvers,
};

export const cronHooksStore = createReduxStore(
	STORE_NAME,
	cronHooksStoreConfig
);

register( cronHooksStore );

export { STORE_NAME } from './constants';
export type * from './types';
