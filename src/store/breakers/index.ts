/**
 * Store `sophmate-safe-mode/breakers`: the automatic breakers of each
 * category (settings, live state, dry run), keyed by category slug.
 */
import { createReduxStore, register } from '@wordpress/data';

import * as actions from './actions';
import { STORE_NAME } from './constants';
import { initialState, reducer } from './reducer';
import * as resolvers from './resolvers';
import * as selectors from './selectors';

export const breakersStoreConfig = {
	reducer,
	initialState,
	actions,
	selectors,
	resolvers,
};

export const breakersStore = createReduxStore(
	STORE_NAME,
	breakersStoreConfig
);

register( breakersStore );

export { STORE_NAME } from './constants';
export type { BreakersState, BreakersAction, BreakersEntry } from './types';
