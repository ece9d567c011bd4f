import type { ApiError, AutomationConfig } from '../../api';

export interface AutomationsState {
	/** Automation configuration from GET /automations, null until loaded. */
	items: AutomationConfig[] | null;
	latestRequestId: number;
	isFetching: boolean;
	error: ApiError | null;
}

export type AutomationsAction =
	| { type: 'FETCH_AUTOMATIONS_START' }
	| {
			type: 'FETCH_AUTOMATIONS_SUCCESS';
			requestId: number;
			automations: AutomationConfig[];
	  }
	| { type: 'FETCH_AUTOMATIONS_FAILURE'; requestId: number; error: ApiError };

export type { MutationResult } from '../thunk';
