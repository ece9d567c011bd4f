/**
 * Store `sophmate-safe-mode/notifications`: the delivery log of the
 * notification outbox and the site-level notification settings.
 */
import { createReduxStore, register } from '@wordpress/data';

import * as actions from './actions';
import { STORE_NAME } from './constants';
import { initialState, reducer } from './reducer';
import * as selectors from './selectors';

export const notificationsStoreConfig = {
	reducer,
	initialState,
	actions,
	selectors,
};

export const notificationsStore = createReduxStore(
	STORE_NAME,
	notificationsStoreConfig
);

register( notificationsStore );

export { STORE_NAME } from './constants';
export type * from './types';
