/**
 * Store `sophmate-safe-mode/owners`: the users who may be named owner (GET /owners).
 */
import { createReduxStore, register } from '@wordpress/data';

import * as actions from './actions';
import { STORE_NAME } from './constants';
import { initialState, reducer } from './reducer';
import * as resolvers from './resolvers';
import * as selectors from './selectors';

export const ownersStoreConfig = {
	reducer,
	initialState,
	actions,
	selectors,
	resolvers,
};

export const ownersStore = createReduxStore( STORE_NAME, ownersStoreConfig );

register( ownersStore );

export { STORE_NAME } from './constants';
export type * from './types';
