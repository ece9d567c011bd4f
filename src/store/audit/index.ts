/**
 * Store `sophmate-safe-mode/audit`: the current page of GET /audit, the CSV
 * export and the hash-chain verification.
 */
import { createReduxStore, register } from '@wordpress/data';

import * as actions from './actions';
import { STORE_NAME } from './constants';
import { initialState, reducer } from './reducer';
import * as selectors from './selectors';

export const auditStoreConfig = {
	reducer,
	initialState,
	actions,
	selectors,
};

export const auditStore = createReduxStore( STORE_NAME, auditStoreConfig );

register( auditStore );

export { STORE_NAME } from './constants';
export type * from './types';
