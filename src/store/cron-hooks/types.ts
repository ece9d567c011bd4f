import type { ApiError, CronHook } from '../../api';

export interface CronHooksState {
	/** Scheduled WP-Cron hooks from GET /cron-hooks, null until loaded. */
	items: CronHook[] | null;
	latestRequestId: number;
	isFetching: boolean;
	error: ApiError | null;
}

export type CronHooksAction =
	| { type: 'FETCH_CRON_HOOKS_START' }
	| {
			type: 'FETCH_CRON_HOOKS_SUCCESS';
			requestId: number;
			hooks: CronHook[];
	  }
	| { type: 'FETCH_CRON_HOOKS_FAILURE'; requestId: number; error: ApiError };
