/**
 * Store `sophmate-safe-mode/status`: the GET /status snapshot and the
 * mutations that change it (pause, restart and promote of categories and
 * automations, safe mode).
 */
import { createReduxStore, register } from '@wordpress/data';

import * as actions from './actions';
import { STORE_NAME } from './constants';
import { initialState, reducer } from './reducer';
import * as resolvers from './resolvers';
import * as selectors from './selectors';

export const statusStoreConfig = {
	reducer,
	initialState,
	actions,
	selectors,
	resolvers,
};

export const statusStore = createReduxStore( STORE_NAME, statusStoreConfig );

register( statusStore );

export {
	STORE_NAME,
	SAFE_MODE_SCOPE,
	automationScope,
	categoryScope,
} from './constants';
export type * from './types';
