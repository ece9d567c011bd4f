import type { ApiError, AutomationConfig } from '../../api';

/** One automation loaded on its own (GET /automations/{id}). */
export interface AutomationEntry {
	/** The latest answer, null until one arrived. */
	item: AutomationConfig | null;
	/** The latest request's error, null after a success. */
	error: ApiError | null;
	isFetching: boolean;
	latestRequestId: number;
}

export interface AutomationsState {
	/** Automation configuration from GET /automations, null until loaded. */
	items: AutomationConfig[] | null;
	latestRequestId: number;
	isFetching: boolean;
	error: ApiError | null;
	/** Automations loaded one by one (an automation's page), by id. */
	byId: Record< string, AutomationEntry >;
}

export type AutomationsAction =
	| { type: 'FETCH_AUTOMATIONS_START' }
	| {
			type: 'FETCH_AUTOMATIONS_SUCCESS';
			requestId: number;
			automations: AutomationConfig[];
	  }
	| { type: 'FETCH_AUTOMATIONS_FAILURE'; requestId: number; error: ApiError }
	| { type: 'FETCH_AUTOMATION_START'; id: string }
	| {
			type: 'FETCH_AUTOMATION_SUCCESS';
			id: string;
			requestId: number;
			automation: AutomationConfig;
	  }
	| {
			type: 'FETCH_AUTOMATION_FAILURE';
			id: string;
			requestId: number;
			error: ApiError;
	  };

export type { MutationResult } from '../thunk';
