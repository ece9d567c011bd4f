import { request, route } from './client';
import {
	automationConfigListSchema,
	automationConfigSchema,
	createdAutomationSchema,
	type AutomationConfig,
	type CreateAutomationRequest,
	type CreatedAutomation,
	type PauseRequest,
	type PromoteResponse,
	type RestartRequest,
	type ScopeChange,
} from './schemas';
import { pauseSwitch, promoteSwitch, restartSwitch } from './switches';

/** GET /automations (one page of 200, the API's maximum; pagination headers are ignored). */
export function fetchAutomations(): Promise< AutomationConfig[] > {
	return request( automationConfigListSchema, {
		path: route( '/automations?per_page=200' ),
	} );
}

/**
 * GET /automations/{id}: one automation, so its page works when opened
 * directly by URL. An unknown id rejects with a 404 ApiError.
 *
 * @param id Automation id.
 */
export function fetchAutomation( id: string ): Promise< AutomationConfig > {
	return request( automationConfigSchema, {
		path: route( `/automations/${ encodeURIComponent( id ) }` ),
	} );
}

/**
 * POST /automations: creates an automation in the admin, typically to govern
 * another plugin's cron hook. Answers 201 with the automation and `warnings`.
 *
 * @param body Id, label, kind, category, owner, mode, bound hooks, retry.
 */
export function createAutomation(
	body: CreateAutomationRequest
): Promise< CreatedAutomation > {
	return request( createdAutomationSchema, {
		path: route( '/automations' ),
		method: 'POST',
		data: body,
	} );
}

/**
 * POST /automations/{id}/pause
 *
 * @param id   Automation id.
 * @param body Reason (1–500 chars) and optional incident link.
 */
export function pauseAutomation(
	id: string,
	body: PauseRequest
): Promise< ScopeChange > {
	return pauseSwitch( { type: 'automation', id }, body );
}

/**
 * POST /automations/{id}/restart
 *
 * @param id   Automation id.
 * @param body Acknowledgements, note and optional trial scope.
 */
export function restartAutomation(
	id: string,
	body: RestartRequest
): Promise< ScopeChange > {
	return restartSwitch( { type: 'automation', id }, body );
}

/**
 * POST /automations/{id}/promote
 *
 * @param id Automation id.
 */
export function promoteAutomation( id: string ): Promise< PromoteResponse > {
	return promoteSwitch( { type: 'automation', id } );
}
