/**
 * Pause, restart and promote of any scope with its own switch: a category
 * (`/categories/{slug}/…`) or an automation (`/automations/{id}/…`). Both
 * resources answer with the same bodies.
 */
import { request, route } from './client';
import {
	promoteResponseSchema,
	scopeChangeSchema,
	type PauseRequest,
	type PromoteResponse,
	type RestartRequest,
	type ScopeChange,
	type SwitchTarget,
} from './schemas';

const COLLECTIONS: Record< SwitchTarget[ 'type' ], string > = {
	category: 'categories',
	automation: 'automations',
};

/**
 * `/sophmate-safe-mode/v1/categories/marketing/pause` and the like.
 *
 * @param target Category or automation.
 * @param action `pause`, `restart` or `promote`.
 */
export function switchPath( target: SwitchTarget, action: string ): string {
	return route(
		`/${ COLLECTIONS[ target.type ] }/${ encodeURIComponent(
			target.id
		) }/${ action }`
	);
}

/**
 * The scope name the server uses for a target: `category:SLUG` or
 * `automation:ID`.
 *
 * @param target Category or automation.
 */
export function scopeName( target: SwitchTarget ): string {
	return `${ target.type }:${ target.id }`;
}

/**
 * POST /{categories|automations}/{id}/pause
 *
 * @param target Category or automation.
 * @param body   Reason (1–500 chars) and optional incident link.
 */
export function pauseSwitch(
	target: SwitchTarget,
	body: PauseRequest
): Promise< ScopeChange > {
	return request( scopeChangeSchema, {
		path: switchPath( target, 'pause' ),
		method: 'POST',
		data: body,
	} );
}

/**
 * POST /{categories|automations}/{id}/restart
 *
 * @param target Category or automation.
 * @param body   Acknowledgements, note and optional trial scope.
 */
export function restartSwitch(
	target: SwitchTarget,
	body: RestartRequest
): Promise< ScopeChange > {
	return request( scopeChangeSchema, {
		path: switchPath( target, 'restart' ),
		method: 'POST',
		data: body,
	} );
}

/**
 * POST /{categories|automations}/{id}/promote
 *
 * @param target Category or automation.
 */
export function promoteSwitch(
	target: SwitchTarget
): Promise< PromoteResponse > {
	return request( promoteResponseSchema, {
		path: switchPath( target, 'promote' ),
		method: 'POST',
	} );
}
