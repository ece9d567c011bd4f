/**
 * Store `sophmate-safe-mode/automations`: automation configuration (bindings,
 * origin, retry …) from GET /automations, and creating automations in the
 * admin (POST /automations). Their switch state lives in the status store.
 */
import { createReduxStore, register } from '@wordpress/data';

import * as actions from './actions';
import { STORE_NAME } from './constants';
import { initialState, reducer } from './reducer';
import * as resolvers from './resolvers';
import * as selectors from './selectors';

export const automationsStoreConfig = {
	reducer,
	initialState,
	actions,
	selectors,
	resolvers,
};

export const automationsStore = createReduxStore(
	STORE_NAME,
	automationsStoreConfig
);

register( automationsStore );

export { STORE_NAME } from './constants';
export type * from './types';
