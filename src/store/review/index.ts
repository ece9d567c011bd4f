/**
 * Store `sophmate-safe-mode/review`: GET …/review per scope.
 */
import { createReduxStore, register } from '@wordpress/data';

import * as actions from './actions';
import { STORE_NAME } from './constants';
import { initialState, reducer } from './reducer';
import * as selectors from './selectors';

export const reviewStoreConfig = {
	reducer,
	initialState,
	actions,
	selectors,
};

export const reviewStore = createReduxStore( STORE_NAME, reviewStoreConfig );

register( reviewStore );

export { STORE_NAME } from './constants';
export type { ReviewState, ReviewAction, ReviewEntry } from './types';
