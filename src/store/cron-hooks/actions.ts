import {
	fetchCronHooks,
	toApiError,
	type ApiError,
	type CronHook,
} from '../../api';
import type { StoreThunk } from '../thunk';
import type * as selectors from './selectors';
import type { CronHooksAction } from './types';

type Thunk< R > = StoreThunk< R, CronHooksAction, typeof selectors >;

export const fetchCronHooksStart = (): CronHooksAction => ( {
	type: 'FETCH_CRON_HOOKS_START',
} );

export const receiveCronHooks = (
	requestId: number,
	hooks: CronHook[]
): CronHooksAction => ( {
	type: 'FETCH_CRON_HOOKS_SUCCESS',
	requestId,
	hooks,
} );

export const receiveCronHooksError = (
	requestId: number,
	error: ApiError
): CronHooksAction => ( {
	type: 'FETCH_CRON_HOOKS_FAILURE',
	requestId,
	error,
} );

/**
 * Loads GET /cron-hooks. Resolves to the list, or null on failure (the error
 * is then in `getError()`).
 */
export const refreshCronHooks =
	(): Thunk< CronHook[] | null > =>
	async ( { dispatch, select } ) => {
		dispatch( fetchCronHooksStart() );
		const requestId = select.getLatestRequestId();
		try {
			const hooks = await fetchCronHooks();
			dispatch( receiveCronHooks( requestId, hooks ) );
			return hooks;
		} catch ( error ) {
			dispatch( receiveCronHooksError( requestId, toApiError( error ) ) );
			return null;
		}
	};
